import { randomUUID } from 'node:crypto';
import type { Participant, zParticipantCreate, zParticipantPatch } from '@tandem/contract';
import { type Db, participants } from '@tandem/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { entryFor, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { staleVersion } from '../../concurrency';
import { notFound } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { requireProgram } from '../programs/queries';
import { findParticipant } from './queries';

const audited = (
  scope: Scope,
  meta: RequestMeta,
  action: string,
  id: string,
  detail?: Record<string, unknown>,
) =>
  entryFor(scope, meta, {
    action,
    entityType: 'participant',
    entityId: id,
    subjectId: id,
    detail: detail ?? null,
  });

/**
 * AUD-01: reading a participant's file is itself recorded. A read changes
 * nothing that could roll back, so it needs no transaction: the file is
 * returned only once its audit row is written (AUD-03, fail closed).
 */
export async function readParticipant(db: Db, clock: Clock, scope: Scope, id: string, meta: RequestMeta) {
  const p = await findParticipant(db, scope, id);
  if (!p) throw notFound('participant');
  await writeAudit(db, audited(scope, meta, 'participant.read', id), clock.now());
  return p;
}

export async function createParticipant(
  db: Db,
  clock: Clock,
  scope: Scope,
  input: z.output<typeof zParticipantCreate>,
  meta: RequestMeta,
): Promise<Participant> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    await requireProgram(tx, scope, input.programId);
    const id = randomUUID();
    const { consentGiven, ...rest } = input;
    await tx.insert(participants).values({
      ...rest,
      orgId: scope.orgId,
      id,
      consentGivenAt: consentGiven ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(tx, audited(scope, meta, 'participant.create', id), now);
    return (await findParticipant(tx, scope, id))!;
  });
}

/** Edit with optimistic concurrency (REL-03): the UPDATE only matches the version the editor saw. */
export async function updateParticipant(
  db: Db,
  clock: Clock,
  scope: Scope,
  id: string,
  version: number,
  input: z.output<typeof zParticipantPatch>,
  meta: RequestMeta,
): Promise<Participant> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const current = await findParticipant(tx, scope, id);
    if (!current) throw notFound('participant');
    if (current.version !== version) throw staleVersion(current);
    const { consentGiven, ...rest } = input;
    const consent =
      consentGiven === undefined
        ? {}
        : {
            consentGivenAt: consentGiven
              ? current.consentGivenAt
                ? new Date(current.consentGivenAt)
                : now
              : null,
          };
    const updated = await tx
      .update(participants)
      .set({ ...rest, ...consent, updatedAt: now, version: version + 1 })
      .where(
        and(eq(participants.orgId, scope.orgId), eq(participants.id, id), eq(participants.version, version)),
      )
      .returning({ id: participants.id });
    if (updated.length === 0) throw staleVersion(current);
    await writeAudit(
      tx,
      audited(scope, meta, 'participant.update', id, { fields: Object.keys(input).sort() }),
      now,
    );
    return (await findParticipant(tx, scope, id))!;
  });
}
