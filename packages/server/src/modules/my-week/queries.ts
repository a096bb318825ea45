import { contacts, type Db, mentorships, participants, programs, type Tx } from '@tandem/db';
import { and, asc, eq, gte, inArray, lt, lte, max, sql } from 'drizzle-orm';
import type { Scope } from '../../scope';
import { visibleMentorships } from '../mentorships/queries';

type Exec = Db | Tx;

/**
 * The mentor's serving caseload (trial, active, suspended) with program and
 * participant name. `visibleMentorships` holds it to the signed-in mentor's own
 * mentees, re-joined on every request (TEN-03, TEN-07).
 */
export async function caseloadInScope(db: Exec, scope: Scope) {
  return db
    .select({ ms: mentorships, program: programs, participantName: participants.displayName })
    .from(mentorships)
    .innerJoin(programs, and(eq(programs.orgId, mentorships.orgId), eq(programs.id, mentorships.programId)))
    .innerJoin(
      participants,
      and(eq(participants.orgId, mentorships.orgId), eq(participants.id, mentorships.participantId)),
    )
    .where(and(visibleMentorships(scope), inArray(mentorships.state, ['trial', 'active', 'suspended'])))
    .orderBy(asc(participants.displayName), asc(mentorships.id))
    .limit(500);
}

/** The contacts of these mentorships in [from, to), oldest first. */
export async function contactsBetween(db: Exec, scope: Scope, ids: string[], from: Date, to: Date) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, scope.orgId),
        inArray(contacts.mentorshipId, ids),
        gte(contacts.startsAt, from),
        lt(contacts.startsAt, to),
      ),
    )
    .orderBy(asc(contacts.startsAt));
}

/** The last reached contact of each mentorship up to an instant (RAMP-5, SIVA-2). */
export async function lastReachedBy(db: Exec, scope: Scope, ids: string[], asOf: Date) {
  if (ids.length === 0) return new Map<string, Date>();
  const rows = await db
    .select({ mentorshipId: contacts.mentorshipId, at: max(contacts.startsAt) })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, scope.orgId),
        inArray(contacts.mentorshipId, ids),
        sql`${contacts.reached}`,
        lte(contacts.startsAt, asOf),
      ),
    )
    .groupBy(contacts.mentorshipId);
  return new Map(rows.filter((r) => r.at).map((r) => [r.mentorshipId, new Date(r.at!)]));
}
