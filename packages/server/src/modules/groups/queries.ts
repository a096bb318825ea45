import {
  type Db,
  groupAttendance,
  groupEnrolments,
  groupMeetings,
  groups,
  memberships,
  mentorships,
  participants,
  programs,
  type Tx,
  users,
} from '@tandem/db';
import { and, asc, eq, inArray, isNotNull, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../../scope';

type Exec = Db | Tx;
export type GroupRow = typeof groups.$inferSelect;

/**
 * Groups the scope may see: coordinators and admins the organisation's, a
 * mentor the groups they facilitate, a participant the groups they are in.
 */
export function visibleGroups(scope: Scope): SQL {
  const org = eq(groups.orgId, scope.orgId);
  switch (scope.role) {
    case 'admin':
    case 'coordinator':
      return org;
    case 'mentor':
      return and(org, eq(groups.facilitatorUserId, scope.userId))!;
    case 'participant':
      return and(
        org,
        sql`exists (select 1 from ${groupEnrolments} e join ${participants} p on p.org_id = e.org_id and p.id = e.participant_id
          where e.org_id = ${groups.orgId} and e.group_id = ${groups.id} and e.left_on is null and p.user_id = ${scope.userId})`,
      )!;
    default:
      return sql`false`;
  }
}

/** One group with its program and facilitator's name; `lock` holds the row (REL-04: enrolments queue on it). */
export async function findGroup(db: Exec, scope: Scope, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select({ g: groups, program: programs, facilitatorName: users.displayName })
    .from(groups)
    .innerJoin(programs, and(eq(programs.orgId, groups.orgId), eq(programs.id, groups.programId)))
    .innerJoin(users, eq(users.id, groups.facilitatorUserId))
    .where(and(visibleGroups(scope), eq(groups.id, id)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: groups }) : await q;
  return row ?? null;
}
export type FoundGroup = NonNullable<Awaited<ReturnType<typeof findGroup>>>;

export async function listGroups(db: Exec, scope: Scope) {
  return db
    .select({ g: groups, program: programs, facilitatorName: users.displayName })
    .from(groups)
    .innerJoin(programs, and(eq(programs.orgId, groups.orgId), eq(programs.id, groups.programId)))
    .innerJoin(users, eq(users.id, groups.facilitatorUserId))
    .where(visibleGroups(scope))
    .orderBy(asc(groups.startsOn), asc(groups.name))
    .limit(500);
}

/** The members of these groups now; `left` gives those who left instead. */
export async function enrolmentsOf(
  db: Exec,
  scope: Scope,
  groupIds: string[],
  opts: { left?: boolean } = {},
) {
  if (groupIds.length === 0) return [];
  return db
    .select({
      e: groupEnrolments,
      participantName: participants.displayName,
      participantUserId: participants.userId,
    })
    .from(groupEnrolments)
    .innerJoin(
      participants,
      and(eq(participants.orgId, groupEnrolments.orgId), eq(participants.id, groupEnrolments.participantId)),
    )
    .where(
      and(
        eq(groupEnrolments.orgId, scope.orgId),
        inArray(groupEnrolments.groupId, groupIds),
        opts.left ? isNotNull(groupEnrolments.leftOn) : isNull(groupEnrolments.leftOn),
      ),
    )
    .orderBy(asc(participants.displayName));
}

export async function meetingsOf(db: Exec, scope: Scope, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return db
    .select()
    .from(groupMeetings)
    .where(and(eq(groupMeetings.orgId, scope.orgId), inArray(groupMeetings.groupId, groupIds)))
    .orderBy(asc(groupMeetings.startsAt), asc(groupMeetings.number));
}

export async function attendanceOf(db: Exec, scope: Scope, groupId: string) {
  return db
    .select()
    .from(groupAttendance)
    .where(and(eq(groupAttendance.orgId, scope.orgId), eq(groupAttendance.groupId, groupId)));
}

export async function findMeeting(tx: Tx, scope: Scope, groupId: string, meetingId: string) {
  const [row] = await tx
    .select()
    .from(groupMeetings)
    .where(
      and(
        eq(groupMeetings.orgId, scope.orgId),
        eq(groupMeetings.groupId, groupId),
        eq(groupMeetings.id, meetingId),
      ),
    )
    .for('update');
  return row ?? null;
}

/** A user of the organisation who can lead a group: an active coordinator, mentor or admin. */
export async function facilitatorOf(db: Exec, scope: Scope, userId: string) {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, scope.orgId),
        eq(memberships.userId, userId),
        eq(memberships.disabled, false),
        eq(users.disabled, false),
        inArray(memberships.role, ['coordinator', 'mentor', 'admin']),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The person to enrol, locked (MOH-9 is checked against their other enrolments under this lock). */
export async function lockParticipantOfProgram(
  tx: Tx,
  scope: Scope,
  participantId: string,
  programId: string,
) {
  const [row] = await tx
    .select()
    .from(participants)
    .where(
      and(
        eq(participants.orgId, scope.orgId),
        eq(participants.id, participantId),
        eq(participants.programId, programId),
      ),
    )
    .for('update');
  return row ?? null;
}

/** The participant's open mentorship: its start is the start of the current service period (MOH-9). */
export async function openServiceOf(db: Exec, scope: Scope, participantId: string) {
  const [row] = await db
    .select()
    .from(mentorships)
    .where(
      and(
        eq(mentorships.orgId, scope.orgId),
        eq(mentorships.participantId, participantId),
        ne(mentorships.state, 'closed'),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function enrolmentsOfParticipant(db: Exec, scope: Scope, participantId: string) {
  return db
    .select({ groupId: groupEnrolments.groupId, enrolledOn: groupEnrolments.enrolledOn })
    .from(groupEnrolments)
    .where(and(eq(groupEnrolments.orgId, scope.orgId), eq(groupEnrolments.participantId, participantId)));
}

/**
 * People of a program who could be offered a place in a group: each with an
 * open mentorship (the current service period) and every group enrolment
 * they have, so MOH-9 can be decided for all of them at once.
 */
export async function enrolmentCandidatesOf(db: Exec, scope: Scope, programId: string) {
  const people = await db
    .select({ id: participants.id, displayName: participants.displayName, service: mentorships })
    .from(participants)
    .innerJoin(
      mentorships,
      and(
        eq(mentorships.orgId, participants.orgId),
        eq(mentorships.participantId, participants.id),
        ne(mentorships.state, 'closed'),
      ),
    )
    .where(and(eq(participants.orgId, scope.orgId), eq(participants.programId, programId)))
    .orderBy(asc(participants.displayName), asc(participants.id))
    .limit(5000);
  const enrolments = await db
    .select({
      participantId: groupEnrolments.participantId,
      groupId: groupEnrolments.groupId,
      enrolledOn: groupEnrolments.enrolledOn,
    })
    .from(groupEnrolments)
    .innerJoin(
      participants,
      and(eq(participants.orgId, groupEnrolments.orgId), eq(participants.id, groupEnrolments.participantId)),
    )
    .where(and(eq(groupEnrolments.orgId, scope.orgId), eq(participants.programId, programId)));
  return { people, enrolments };
}
