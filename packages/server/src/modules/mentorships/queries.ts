import { type Db, mentors, mentorships, programs, type Tx } from '@tandem/db';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../../scope';

type Exec = Db | Tx;

/**
 * Mentorships the scope may see: staff all of the organisation's; a mentor only
 * their own (joined each time, so a rematch applies at once, TEN-07); a
 * participant their own; the committee none directly (they see approvals).
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
