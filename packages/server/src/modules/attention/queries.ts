import { approvals, contacts, type Db, mentorships, participants, programs, type Tx } from '@tandem/db';
import { and, eq, gte, inArray, max, ne, sql } from 'drizzle-orm';
import type { Scope } from '../../scope';
import { visibleApprovals } from '../approvals/queries';
import { visibleMentorships } from '../mentorships/queries';
import { visibleParticipants } from '../participants/queries';

type Exec = Db | Tx;

/** The open mentorships the scope may see, with their program and the participant's name. */
export async function openMentorshipsInScope(db: Exec, scope: Scope) {
  return db
    .select({ ms: mentorships, program: programs, participantName: participants.displayName })
    .from(mentorships)
    .innerJoin(programs, and(eq(programs.orgId, mentorships.orgId), eq(programs.id, mentorships.programId)))
    .innerJoin(
      participants,
      and(eq(participants.orgId, mentorships.orgId), eq(participants.id, mentorships.participantId)),
    )
    .where(and(visibleMentorships(scope), ne(mentorships.state, 'closed')))
    .limit(5000);
}

/**
 * Participants the scope may see who have no mentorship row at all: never
 * matched, so waiting for a first mentor since their intake (MOH-16). A mentor's
 * scope holds no such person (TEN-03).
 */
export async function unmatchedParticipantsInScope(db: Exec, scope: Scope) {
  return db
    .select({
      id: participants.id,
      createdAt: participants.createdAt,
      displayName: participants.displayName,
      program: programs,
    })
    .from(participants)
    .innerJoin(programs, and(eq(programs.orgId, participants.orgId), eq(programs.id, participants.programId)))
    .where(
      and(
        visibleParticipants(scope),
        sql`not exists (select 1 from ${mentorships} ms where ms.org_id = ${participants.orgId} and ms.participant_id = ${participants.id})`,
      ),
    )
    .limit(5000);
}

/** Contacts of these mentorships from `since` on: enough weeks for the caps (MOH-3, MOH-7). */
export async function recentContacts(db: Exec, scope: Scope, mentorshipIds: string[], since: Date) {
  if (mentorshipIds.length === 0) return [];
  return db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, scope.orgId),
        inArray(contacts.mentorshipId, mentorshipIds),
        gte(contacts.startsAt, since),
      ),
    );
}

/** The last contact that reached the participant, per mentorship, however long ago (RAMP-5, SIVA-2). */
export async function lastReached(db: Exec, scope: Scope, mentorshipIds: string[]) {
  if (mentorshipIds.length === 0) return new Map<string, Date>();
  const rows = await db
    .select({ mentorshipId: contacts.mentorshipId, at: max(contacts.startsAt) })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, scope.orgId),
        inArray(contacts.mentorshipId, mentorshipIds),
        eq(contacts.reached, true),
      ),
    )
    .groupBy(contacts.mentorshipId);
  return new Map(rows.filter((r) => r.at).map((r) => [r.mentorshipId, new Date(r.at!)]));
}

/**
 * Pending requests for the list: those routed to the caller (a committee: its
 * own, TEN-09), plus, for anyone, those about the mentorships in scope (a
 * pending request quiets the item it answers).
 */
export async function pendingApprovals(db: Exec, scope: Scope, mentorshipIds: string[]) {
  const about =
    mentorshipIds.length > 0
      ? and(eq(approvals.orgId, scope.orgId), inArray(approvals.mentorshipId, mentorshipIds))
      : sql`false`;
  return db
    .select({ a: approvals, program: programs, participantName: participants.displayName })
    .from(approvals)
    .innerJoin(
      mentorships,
      and(eq(mentorships.orgId, approvals.orgId), eq(mentorships.id, approvals.mentorshipId)),
    )
    .innerJoin(programs, and(eq(programs.orgId, mentorships.orgId), eq(programs.id, mentorships.programId)))
    .innerJoin(
      participants,
      and(eq(participants.orgId, approvals.orgId), eq(participants.id, approvals.participantId)),
    )
    .where(and(eq(approvals.status, 'pending'), sql`(${visibleApprovals(scope)} or ${about})`))
    .limit(5000);
}
