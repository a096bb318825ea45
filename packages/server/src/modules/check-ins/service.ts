import { randomUUID } from 'node:crypto';
import type { CheckIn, CheckInList, zCheckInCreate, zCheckInQuery, zCheckInUpdate } from '@tandem/contract';
import { checkIns, type Db, type Tx } from '@tandem/db';
import { canCheckIn, canEditCheckIn, checkInDayOf } from '@tandem/domain/checkins/index';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { entryFor, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { staleVersion } from '../../concurrency';
import type { FieldCipher } from '../../crypto/fields';
import { notFound } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { must } from '../mentorships/command';
import { policyOf } from '../programs/service';
import { checkInOn, findCheckIn, listCheckIns, lockParticipant, participantInScope } from './queries';

type Row = typeof checkIns.$inferSelect;

export interface CheckInDeps {
  db: Db;
  clock: Clock;
  fields: FieldCipher;
}

const noteAad = (row: { orgId: string; id: string }) => `check_ins.note:${row.orgId}:${row.id}`;

/** Every caller of these routes may read the note: the person, their mentor, coordinators, admins. */
function toCheckIn(row: Row, fields: FieldCipher, key: Buffer, editable: boolean): CheckIn {
  return {
    id: row.id,
    participantId: row.participantId,
    day: row.day,
    wellbeing: row.wellbeing,
    note: row.note === null ? null : fields.open(key, row.note, noteAad(row)),
    editable,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Only the participant edits, and only on the check-in's own program day (SIVA-2). */
const editableBy = (scope: Scope, row: Row, participantUserId: string | null, today: string) =>
  scope.role === 'participant' && participantUserId === scope.userId && row.day === today;

/**
 * SIVA-2: the participant checks in for today (the program's calendar day).
 * The person's row is locked so that two taps race to one check-in, the second
 * answered with the rule; the unique index holds it even so.
 */
export async function createCheckIn(
  tx: Tx,
  deps: CheckInDeps,
  scope: Scope,
  input: z.output<typeof zCheckInCreate>,
  meta: RequestMeta,
): Promise<CheckIn> {
  const now = deps.clock.now();
  const own = await participantInScope(tx, scope, null);
  if (!own) throw notFound('participant');
  // Serialise this person's check-ins (REL-04): read-then-insert under one row lock.
  await lockParticipant(tx, scope, own.p.id);
  const policy = policyOf(own.program);
  const day = checkInDayOf(now, policy);
  must(canCheckIn(await checkInOn(tx, scope, own.p.id, day), policy));
  const id = randomUUID();
  const key = await deps.fields.keyFor(tx, scope.orgId);
  const [row] = await tx
    .insert(checkIns)
    .values({
      orgId: scope.orgId,
      id,
      participantId: own.p.id,
      day,
      wellbeing: input.wellbeing,
      note:
        input.note === null ? null : deps.fields.seal(key, input.note, noteAad({ orgId: scope.orgId, id })),
      createdBy: scope.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await writeAudit(
    tx,
    entryFor(scope, meta, {
      action: 'check_in.create',
      entityType: 'check_in',
      entityId: id,
      subjectId: own.p.id,
    }),
    now,
  );
  return toCheckIn(row!, deps.fields, key, true);
}

/** SIVA-2 / REL-03: the participant changes today's check-in, with the version they saw. */
export async function updateCheckIn(
  deps: CheckInDeps,
  scope: Scope,
  id: string,
  version: number,
  input: z.output<typeof zCheckInUpdate>,
  meta: RequestMeta,
): Promise<CheckIn> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await findCheckIn(tx, scope, id, { lock: true });
    if (!found || found.participantUserId !== scope.userId) throw notFound('check_in');
    const policy = policyOf(found.program);
    const key = await deps.fields.keyFor(tx, scope.orgId);
    const today = checkInDayOf(now, policy);
    if (found.c.version !== version) {
      throw staleVersion(
        toCheckIn(found.c, deps.fields, key, editableBy(scope, found.c, found.participantUserId, today)),
      );
    }
    must(canEditCheckIn(found.c.day, now, policy));
    const [row] = await tx
      .update(checkIns)
      .set({
        ...(input.wellbeing === undefined ? {} : { wellbeing: input.wellbeing }),
        ...(input.note === undefined
          ? {}
          : { note: input.note === null ? null : deps.fields.seal(key, input.note, noteAad(found.c)) }),
        updatedAt: now,
        version: found.c.version + 1,
      })
      .where(and(eq(checkIns.orgId, scope.orgId), eq(checkIns.id, id)))
      .returning();
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'check_in.update',
        entityType: 'check_in',
        entityId: id,
        subjectId: found.c.participantId,
      }),
      now,
    );
    return toCheckIn(row!, deps.fields, key, true);
  });
}

/**
 * Check-ins the caller may see, newest first; every read is audited (AUD-01).
 * A participant reads their own (another person's id is a 404, TEN-03); a
 * mentor those of their current mentees; coordinators and admins anyone's.
 */
export async function readCheckIns(
  deps: CheckInDeps,
  scope: Scope,
  query: z.output<typeof zCheckInQuery>,
  meta: RequestMeta,
): Promise<CheckInList> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const subject =
      scope.role === 'participant' || query.participantId
        ? await participantInScope(
            tx,
            scope,
            scope.role === 'participant' ? null : (query.participantId ?? null),
          )
        : null;
    if ((scope.role === 'participant' || query.participantId) && !subject) throw notFound('participant');
    if (scope.role === 'participant' && query.participantId && query.participantId !== subject!.p.id) {
      throw notFound('participant');
    }
    const rows = await listCheckIns(tx, scope, {
      ...query,
      participantId: subject?.p.id ?? query.participantId,
    });
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'check_in.list',
        entityType: 'check_in',
        subjectId: subject?.p.id ?? null,
        detail: { count: rows.length },
      }),
      now,
    );
    const key = await deps.fields.keyFor(tx, scope.orgId);
    return {
      items: rows.map((r) =>
        toCheckIn(
          r.c,
          deps.fields,
          key,
          editableBy(scope, r.c, r.participantUserId, checkInDayOf(now, policyOf(r.program))),
        ),
      ),
      today: subject ? checkInDayOf(now, policyOf(subject.program)) : null,
    };
  });
}

export async function readCheckIn(deps: CheckInDeps, scope: Scope, id: string, meta: RequestMeta) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await findCheckIn(tx, scope, id);
    if (!found) throw notFound('check_in');
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'check_in.read',
        entityType: 'check_in',
        entityId: id,
        subjectId: found.c.participantId,
      }),
      now,
    );
    const key = await deps.fields.keyFor(tx, scope.orgId);
    const today = checkInDayOf(now, policyOf(found.program));
    return toCheckIn(found.c, deps.fields, key, editableBy(scope, found.c, found.participantUserId, today));
  });
}
