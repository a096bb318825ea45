import { randomUUID } from 'node:crypto';
import type { Contact, zContactCreate } from '@tandem/contract';
import { contacts, type Db, type Tx } from '@tandem/db';
import {
  checkWeeklyCaps,
  type Contact as DomainContact,
  validateContact,
  weekOf,
} from '@tandem/domain/contacts/index';
import { canRecordContact } from '@tandem/domain/lifecycle/index';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import type { FieldCipher } from '../../crypto/fields';
import { AppError, notFound, refused } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { must } from '../mentorships/command';
import { contactFacts } from '../mentorships/facts';
import { findMentorship } from '../mentorships/queries';
import { policyOf } from '../programs/service';

type Row = typeof contacts.$inferSelect;

/** TEN-06: the note is for the mentor who works with the person, coordinators and admins only. */
export function mayReadNotes(scope: Scope): boolean {
  return scope.role === 'mentor' || scope.role === 'coordinator' || scope.role === 'admin';
}

const noteAad = (row: { orgId: string; id: string }) => `contacts.note:${row.orgId}:${row.id}`;

/** Decrypt the note only for those who may read it (TEN-06); others never cause a decryption. */
export function toContact(row: Row, scope: Scope, fields: FieldCipher, key: Buffer): Contact {
  const note = mayReadNotes(scope) && row.note !== null ? fields.open(key, row.note, noteAad(row)) : null;
  return {
    id: row.id,
    mentorshipId: row.mentorshipId,
    participantId: row.participantId,
    mentorId: row.mentorId,
    startsAt: row.startsAt.toISOString(),
    durationMinutes: row.durationMinutes,
    mode: row.mode as Contact['mode'],
    reached: row.reached,
    domains: row.domains,
    wellbeing: row.wellbeing,
    specialActivity: row.specialActivity,
    accompanimentType: row.accompanimentType,
    ...(mayReadNotes(scope) ? { note } : {}),
    overCapReason: row.overCapReason,
    overCapRuleIds: row.overCapRuleIds,
    loggedBy: row.loggedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

const toDomain = (r: Row): DomainContact => ({
  id: r.id,
  startsAt: r.startsAt,
  durationMinutes: r.durationMinutes,
  mode: r.mode as DomainContact['mode'],
  reached: r.reached,
  domains: r.domains,
  wellbeing: r.wellbeing,
  specialActivity: r.specialActivity,
  capOverrideReason: r.overCapReason,
});

/**
 * Log a contact. In one transaction, with the mentorship row locked so that
 * concurrent logs of the same pair are checked one after another (REL-04):
 * scope → the lifecycle's contact rule (an open mentorship, not ahead of time,
 * the briefing first (RAMP-4), the planned end (MOH-5), the total cap (MOH-6),
 * virtual continuation (MOH-7), a long hospitalization (MOH-15)) → shape
 * rules → weekly caps in the program's week (MOH-3, MOH-7). Over a cap the
 * contact is refused unless a reason is recorded; then it is kept, marked with
 * the rules it went past, and shows up for the coordinator.
 */
export async function logContact(
  tx: Tx,
  clock: Clock,
  fields: FieldCipher,
  scope: Scope,
  input: z.output<typeof zContactCreate>,
  meta: RequestMeta,
): Promise<Contact> {
  const now = clock.now();
  const found = await findMentorship(tx, scope, input.mentorshipId, { lock: true });
  if (!found) {
    throw new AppError('not_found', 'not_found', {
      params: { entity: 'mentorship' },
      errors: [{ field: 'mentorshipId', code: 'not_found', message: 'No such mentorship' }],
    });
  }
  const policy = policyOf(found.program);
  const startsAt = new Date(input.startsAt);
  // The lifecycle's own rule, the one the mentorship file's actions ask too: state, time, RAMP-4, MOH-5/6/7/15.
  must(
    canRecordContact(
      await contactFacts(tx, scope, found, policy),
      { startsAt, mode: input.mode },
      policy,
      now,
    ),
  );
  const { ms } = found;
  const candidate: DomainContact = {
    startsAt,
    durationMinutes: input.durationMinutes,
    mode: input.mode,
    reached: input.reached,
    domains: input.domains,
    wellbeing: input.wellbeing,
    specialActivity: input.specialActivity,
    accompanimentType: input.accompanimentType,
    capOverrideReason: input.overCapReason,
  };
  const shape = validateContact(candidate, policy);
  if (!shape.ok) throw refused(shape.refusals[0]!);

  const week = weekOf(startsAt, policy);
  const weekRows = await tx
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, scope.orgId),
        eq(contacts.mentorshipId, ms.id),
        gte(contacts.startsAt, week.start),
        lt(contacts.startsAt, week.end),
      ),
    )
    .orderBy(asc(contacts.startsAt));
  const caps = checkWeeklyCaps(weekRows.map(toDomain), candidate, policy);
  if (!caps.withinCaps && !input.overCapReason) {
    const first = caps.overCap[0]!;
    throw new AppError('refused', first.code, {
      ruleId: first.ruleId,
      params: { ...first.params, overCap: caps.overCap.map((r) => r.code) },
      detail: 'This contact takes the week over the program cap; record a reason to log it anyway.',
      errors: [
        { field: 'overCapReason', code: 'required_over_cap', message: 'A reason is required over the cap' },
      ],
    });
  }

  const id = randomUUID();
  const key = await fields.keyFor(tx, scope.orgId);
  const [row] = await tx
    .insert(contacts)
    .values({
      orgId: scope.orgId,
      id,
      mentorshipId: ms.id,
      participantId: ms.participantId,
      mentorId: ms.mentorId!,
      loggedBy: scope.userId,
      startsAt,
      durationMinutes: input.durationMinutes,
      mode: input.mode,
      reached: input.reached,
      domains: input.domains,
      wellbeing: input.wellbeing,
      specialActivity: input.specialActivity,
      accompanimentType: input.accompanimentType,
      note: input.note === null ? null : fields.seal(key, input.note, noteAad({ orgId: scope.orgId, id })),
      overCapReason: caps.withinCaps ? null : input.overCapReason,
      overCapRuleIds: caps.overCap.map((r) => r.ruleId),
      createdAt: now,
    })
    .returning();
  await writeAudit(
    tx,
    {
      orgId: scope.orgId,
      actorUserId: scope.userId,
      actorRole: scope.role,
      action: 'contact.create',
      entityType: 'contact',
      entityId: id,
      subjectId: ms.participantId,
      outcome: 'success',
      ip: meta.ip,
      requestId: meta.requestId,
      detail: caps.withinCaps ? null : { overCap: caps.overCap.map((r) => r.ruleId) },
    },
    now,
  );
  return toContact(row!, scope, fields, key);
}

/** A mentorship's contact log, newest first; reading it is audited (AUD-01). */
export async function listContacts(
  db: Db,
  clock: Clock,
  fields: FieldCipher,
  scope: Scope,
  mentorshipId: string,
  meta: RequestMeta,
) {
  return db.transaction(async (tx) => {
    const found = await findMentorship(tx, scope, mentorshipId);
    if (!found) throw notFound('mentorship');
    const rows = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.orgId, scope.orgId), eq(contacts.mentorshipId, mentorshipId)))
      .orderBy(asc(contacts.startsAt));
    await writeAudit(
      tx,
      {
        orgId: scope.orgId,
        actorUserId: scope.userId,
        actorRole: scope.role,
        action: 'contact.list',
        entityType: 'mentorship',
        entityId: mentorshipId,
        subjectId: found.ms.participantId,
        outcome: 'success',
        ip: meta.ip,
        requestId: meta.requestId,
      },
      clock.now(),
    );
    const key = await fields.keyFor(tx, scope.orgId);
    return rows.reverse().map((r) => toContact(r, scope, fields, key));
  });
}
