import { randomUUID } from 'node:crypto';
import type {
  MentorshipFile,
  MentorshipSummary,
  zMentorshipCreate,
  zMentorshipListQuery,
} from '@tandem/contract';
import { type Db, mentorships, mentorshipTransitions, programs, type Tx } from '@tandem/db';
import {
  alreadyHasOpenMentorship,
  type HistoryAction,
  type MentorshipState,
} from '@tandem/domain/lifecycle/index';
import { localDate } from '@tandem/domain/time/index';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { AppError, notFound, refused } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { policyOf } from '../programs/service';
import type { CommandDeps } from './command';
import { loadFacts } from './facts';
import { buildFile, toSummary } from './file';
import { takePlace } from './places';
import { findMentorship, listMentorships, openMentorshipOf, participantRow } from './queries';
import { textsFor } from './texts';

const audited = (
  scope: Scope,
  meta: RequestMeta,
  action: string,
  id: string | null,
  subjectId: string | null,
  detail?: Record<string, unknown>,
) => ({
  orgId: scope.orgId,
  actorUserId: scope.userId,
  actorRole: scope.role,
  action,
  entityType: 'mentorship',
  entityId: id,
  subjectId,
  outcome: 'success' as const,
  ip: meta.ip,
  requestId: meta.requestId,
  detail: detail ?? null,
});

const fieldNotFound = (entity: string, field: string) =>
  new AppError('not_found', 'not_found', {
    params: { entity },
    errors: [{ field, code: 'not_found', message: `No such ${entity}` }],
  });

/** At most one open mentorship per person (the unique index holds it under races, REL-04). */
const alreadyOpen = (open: { id: string; state: string }) =>
  refused(alreadyHasOpenMentorship({ id: open.id, state: open.state as MentorshipState }));

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/**
 * MOH-1: a coordinator proposes a match. The mentorship starts out awaiting the
 * match, with the match approved by the proposing coordinator. A mentor the
 * program's hard rules rule out for this person is refused at once, as the
 * candidate list would not offer them (`takePlace`); the start asks those rules
 * again and checks the rest (plan, total duration…). The participant's row is
 * locked so two proposals for one person run one after the other, then the
 * mentor's, so two proposals for one mentor cannot overfill them
 * (MATCH-CAPACITY, REL-04). These are the rows and the audit entry of every
 * proposal, one at a time from the participant's file or many at once when a
 * cohort allocation is confirmed.
 */
export async function recordProposal(
  tx: Tx,
  clock: Clock,
  scope: Scope,
  input: z.output<typeof zMentorshipCreate>,
  meta: RequestMeta,
) {
  const now = clock.now();
  const participant = await participantRow(tx, scope, input.participantId, { lock: true });
  if (!participant) throw fieldNotFound('participant', 'participantId');
  const open = await openMentorshipOf(tx, scope, participant.id);
  if (open) throw alreadyOpen(open);
  const [program] = await tx
    .select()
    .from(programs)
    .where(and(eq(programs.orgId, scope.orgId), eq(programs.id, participant.programId)));
  const policy = policyOf(program!);
  const today = localDate(now, policy.timeZone);
  const mentor = await takePlace(tx, scope, { participant, mentorId: input.mentorId, policy, on: today });
  const id = randomUUID();
  await tx.insert(mentorships).values({
    orgId: scope.orgId,
    id,
    programId: participant.programId,
    participantId: participant.id,
    mentorId: mentor.id,
    state: 'awaiting_match',
    matchApprovedBy: scope.userId,
    matchApprovedRole: scope.role,
    matchApprovedOn: today,
    awaitingSince: today,
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(mentorshipTransitions).values({
    orgId: scope.orgId,
    id: randomUUID(),
    mentorshipId: id,
    participantId: participant.id,
    action: 'propose' satisfies HistoryAction,
    fromState: null,
    toState: 'awaiting_match',
    happenedOn: today,
    at: now,
    version: 1,
    actorUserId: scope.userId,
    mentorId: mentor.id,
  });
  await writeAudit(
    tx,
    audited(scope, meta, 'mentorship.create', id, participant.id, { mentorId: mentor.id }),
    now,
  );
  return { id, state: 'awaiting_match' as const, policy, now };
}

/** A proposal from the participant's file, answered with the new mentorship's file. */
export async function proposeMentorship(
  tx: Tx,
  clock: Clock,
  deps: Pick<CommandDeps, 'fields'>,
  scope: Scope,
  input: z.output<typeof zMentorshipCreate>,
  meta: RequestMeta,
): Promise<MentorshipFile> {
  const { id, policy, now } = await recordProposal(tx, clock, scope, input, meta);
  const found = (await findMentorship(tx, scope, id))!;
  const texts = await textsFor(deps.fields, tx, scope.orgId);
  return buildFile(tx, scope, found, await loadFacts(tx, scope, found, policy), policy, now, texts);
}

/** Wraps the proposal so a race that slips past the lock still answers 422, not 500. */
export async function proposeOrRefuse<T>(run: () => Promise<T>, scope: Scope, db: Db, participantId: string) {
  try {
    return await run();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const open = await openMentorshipOf(db, scope, participantId);
    throw alreadyOpen(open ?? { id: '', state: 'awaiting_match' });
  }
}

/** The scoped list (TEN-04); reading it is audited like any search of case files (AUD-01). */
export async function listMentorshipsOf(
  db: Db,
  clock: Clock,
  scope: Scope,
  filter: z.output<typeof zMentorshipListQuery>,
  meta: RequestMeta,
): Promise<MentorshipSummary[]> {
  return db.transaction(async (tx) => {
    const rows = await listMentorships(tx, scope, filter);
    await writeAudit(
      tx,
      audited(scope, meta, 'mentorship.list', null, filter.participantId ?? null, {
        state: filter.state ?? null,
        count: rows.length,
      }),
      clock.now(),
    );
    return rows.map((r) => toSummary(r.ms, r.participantName, r.mentorName));
  });
}

/** The mentorship's file, with the actions the domain allows now; the read is audited (AUD-01). */
export async function readMentorship(
  deps: CommandDeps,
  scope: Scope,
  id: string,
  meta: RequestMeta,
): Promise<MentorshipFile> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await findMentorship(tx, scope, id);
    if (!found) throw notFound('mentorship');
    const policy = policyOf(found.program);
    const texts = await textsFor(deps.fields, tx, scope.orgId);
    const file = await buildFile(
      tx,
      scope,
      found,
      await loadFacts(tx, scope, found, policy),
      policy,
      now,
      texts,
    );
    await writeAudit(tx, audited(scope, meta, 'mentorship.read', id, found.ms.participantId), now);
    return file;
  });
}
