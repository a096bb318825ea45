import {
  type Db,
  mentorAssignments,
  mentors,
  mentorships,
  mentorshipTransitions,
  participants,
  programs,
  type Tx,
} from '@tandem/db';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../../scope';

type Exec = Db | Tx;
export type MentorshipRow = typeof mentorships.$inferSelect;
export type TransitionRow = typeof mentorshipTransitions.$inferSelect;

/**
 * Mentorships the scope may see: staff all of the organisation's; a mentor only
 * the open ones they are the current mentor of (joined each time, so a rematch
 * or a closure applies at once, TEN-07); a participant their own; the committee
 * none directly (they see approvals).
 */
export function visibleMentorships(scope: Scope): SQL {
  const org = eq(mentorships.orgId, scope.orgId);
  switch (scope.role) {
    case 'admin':
    case 'coordinator':
      return org;
    case 'mentor':
      return and(
        org,
        sql`${mentorships.state} <> 'closed'`,
        sql`exists (select 1 from ${mentors} m where m.org_id = ${mentorships.orgId} and m.id = ${mentorships.mentorId} and m.user_id = ${scope.userId})`,
      )!;
    case 'participant':
      return and(
        org,
        sql`exists (select 1 from participants p where p.org_id = ${mentorships.orgId} and p.id = ${mentorships.participantId} and p.user_id = ${scope.userId})`,
      )!;
    default:
      return sql`false`;
  }
}

/**
 * One mentorship with its program, visible to the scope. `lock` takes a row lock
 * for the rest of the transaction: commands on one mentorship (contacts against
 * the weekly cap, transitions) then run one after another (REL-04).
 */
export async function findMentorship(db: Exec, scope: Scope, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select({ ms: mentorships, program: programs, mentor: mentors })
    .from(mentorships)
    .innerJoin(programs, and(eq(programs.orgId, mentorships.orgId), eq(programs.id, mentorships.programId)))
    .leftJoin(mentors, and(eq(mentors.orgId, mentorships.orgId), eq(mentors.id, mentorships.mentorId)))
    .where(and(visibleMentorships(scope), eq(mentorships.id, id)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: mentorships }) : await q;
  return row ?? null;
}
export type FoundMentorship = NonNullable<Awaited<ReturnType<typeof findMentorship>>>;

/**
 * The mentorship behind an approval, locked. Only for the approvals module,
 * which has already checked that the caller may see the approval (TEN-09): a
 * committee member decides on a request without seeing the case file itself.
 */
export async function lockMentorshipOfApproval(tx: Tx, scope: Scope, id: string): Promise<FoundMentorship> {
  const [row] = await tx
    .select({ ms: mentorships, program: programs, mentor: mentors })
    .from(mentorships)
    .innerJoin(programs, and(eq(programs.orgId, mentorships.orgId), eq(programs.id, mentorships.programId)))
    .leftJoin(mentors, and(eq(mentors.orgId, mentorships.orgId), eq(mentors.id, mentorships.mentorId)))
    .where(and(eq(mentorships.orgId, scope.orgId), eq(mentorships.id, id)))
    .limit(1)
    .for('update', { of: mentorships });
  if (!row) throw new Error(`Approval points at a missing mentorship ${id}`);
  return row;
}

export async function listMentorships(
  db: Exec,
  scope: Scope,
  filter: { state?: string | undefined; participantId?: string | undefined },
) {
  const conds = [visibleMentorships(scope)];
  if (filter.state) conds.push(eq(mentorships.state, filter.state));
  if (filter.participantId) conds.push(eq(mentorships.participantId, filter.participantId));
  return db
    .select({ ms: mentorships, participantName: participants.displayName, mentorName: mentors.displayName })
    .from(mentorships)
    .innerJoin(
      participants,
      and(eq(participants.orgId, mentorships.orgId), eq(participants.id, mentorships.participantId)),
    )
    .leftJoin(mentors, and(eq(mentors.orgId, mentorships.orgId), eq(mentors.id, mentorships.mentorId)))
    .where(and(...conds))
    .orderBy(asc(participants.displayName), desc(mentorships.createdAt), asc(mentorships.id))
    .limit(1000);
}

/**
 * The participant's row; `lock` queues commands on the person until commit.
 * FOR NO KEY UPDATE, not FOR UPDATE: the rows that only reference the person
 * (history steps, contacts) are written by commands already holding their
 * mentorship, and must not wait on this lock — that wait closed a circle with
 * a cohort confirmation waiting on the same mentorship (REL-04).
 */
export async function participantRow(db: Exec, scope: Scope, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select()
    .from(participants)
    .where(and(eq(participants.orgId, scope.orgId), eq(participants.id, id)))
    .limit(1);
  const [row] = opts.lock ? await q.for('no key update') : await q;
  return row ?? null;
}

export async function openMentorshipOf(db: Exec, scope: Scope, participantId: string) {
  const [row] = await db
    .select({ id: mentorships.id, state: mentorships.state })
    .from(mentorships)
    .where(
      and(
        eq(mentorships.orgId, scope.orgId),
        eq(mentorships.participantId, participantId),
        sql`${mentorships.state} <> 'closed'`,
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * The open mentorship of each of these people, with its current (or proposed)
 * mentor. `lock` holds the rows, in id order, until commit: a confirmed cohort
 * allocation locks them after the people and before the mentors, the order
 * every command follows.
 */
export async function openMentorshipsOf(
  db: Exec,
  scope: Scope,
  participantIds: readonly string[],
  opts: { lock?: boolean } = {},
) {
  if (participantIds.length === 0) return [];
  const q = db
    .select({
      id: mentorships.id,
      participantId: mentorships.participantId,
      state: mentorships.state,
      mentorId: mentorships.mentorId,
      version: mentorships.version,
    })
    .from(mentorships)
    .where(
      and(
        eq(mentorships.orgId, scope.orgId),
        inArray(mentorships.participantId, [...participantIds]),
        sql`${mentorships.state} <> 'closed'`,
      ),
    )
    .orderBy(asc(mentorships.id));
  return opts.lock ? q.for('update') : q;
}

/** The mentors whose stretch on these mentorships has ended, and why (MOH-16). */
export async function endedAssignmentsOf(db: Exec, scope: Scope, mentorshipIds: readonly string[]) {
  if (mentorshipIds.length === 0) return [];
  return db
    .select({
      mentorshipId: mentorAssignments.mentorshipId,
      mentorId: mentorAssignments.mentorId,
      endReason: mentorAssignments.endReason,
    })
    .from(mentorAssignments)
    .where(
      and(
        eq(mentorAssignments.orgId, scope.orgId),
        inArray(mentorAssignments.mentorshipId, [...mentorshipIds]),
        sql`${mentorAssignments.toOn} is not null`,
      ),
    )
    .orderBy(asc(mentorAssignments.mentorshipId), asc(mentorAssignments.fromOn));
}

/** Every mentorship of the people and every step of each: the input to the total cap (MOH-6). */
export async function serviceRecordsOf(db: Exec, scope: Scope, participantIds: string | string[]) {
  const ids = typeof participantIds === 'string' ? [participantIds] : participantIds;
  if (ids.length === 0) return { mentorships: [], transitions: [] };
  const all = await db
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.orgId, scope.orgId), inArray(mentorships.participantId, ids)));
  const steps = await db
    .select()
    .from(mentorshipTransitions)
    .where(
      and(eq(mentorshipTransitions.orgId, scope.orgId), inArray(mentorshipTransitions.participantId, ids)),
    )
    .orderBy(asc(mentorshipTransitions.mentorshipId), asc(mentorshipTransitions.version));
  return { mentorships: all, transitions: steps };
}

export async function assignmentsOf(db: Exec, scope: Scope, mentorshipId: string) {
  return db
    .select({ a: mentorAssignments, mentorName: mentors.displayName })
    .from(mentorAssignments)
    .innerJoin(
      mentors,
      and(eq(mentors.orgId, mentorAssignments.orgId), eq(mentors.id, mentorAssignments.mentorId)),
    )
    .where(and(eq(mentorAssignments.orgId, scope.orgId), eq(mentorAssignments.mentorshipId, mentorshipId)))
    .orderBy(asc(mentorAssignments.fromOn), asc(mentorAssignments.createdAt));
}
