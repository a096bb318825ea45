import { randomUUID } from 'node:crypto';
import type { GroupCandidates, GroupDetail, GroupEnrolment, zAttendanceUpdate } from '@tandem/contract';
import { type Db, groupAttendance, groupEnrolments, groupMeetings, type Tx } from '@tandem/db';
import type { Refusal } from '@tandem/domain';
import {
  canAddGroupMeeting,
  canEnrolInGroup,
  canLeaveGroup,
  canRecordAttendance,
  type GroupFacts,
  type GroupLeaveReason,
  type GroupStatus,
  servicePeriodStart,
} from '@tandem/domain/lifecycle/index';
import { localDate } from '@tandem/domain/time/index';
import { and, eq, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { entryFor, writeAudit } from '../../audit/audit';
import { staleVersion } from '../../concurrency';
import { AppError, fieldNotFound, notFound, ruleRefusal } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { must } from '../mentorships/command';
import { policyOf } from '../programs/service';
import {
  enrolmentCandidatesOf,
  enrolmentsOf,
  enrolmentsOfParticipant,
  type FoundGroup,
  findGroup,
  findMeeting,
  lockParticipantOfProgram,
  meetingsOf,
  openServiceOf,
} from './queries';
import { detailOf, type GroupDeps } from './service';

/** What the group rules read of a group: its status, its members now, its meetings planned. */
const groupFacts = (found: FoundGroup, memberIds: string[]): GroupFacts => ({
  id: found.g.id,
  status: found.g.status as GroupStatus,
  memberIds,
  plannedMeetings: found.g.plannedMeetings,
});

/** A full group refuses everyone alike; the group shows that itself, so a person's row leaves it out. */
const aboutThePerson = (r: Refusal) => r.code !== 'group_full';

/**
 * Whom the coordinator may enrol, each with what `canEnrolInGroup` would
 * answer now: the enrol form offers the ones it would let in and shows the
 * others with their rule, instead of a list that ends in a refusal.
 */
export async function enrolmentCandidates(db: Db, scope: Scope, groupId: string): Promise<GroupCandidates> {
  const found = await findGroup(db, scope, groupId);
  if (!found) throw notFound('group');
  const policy = policyOf(found.program);
  const members = (await enrolmentsOf(db, scope, [groupId])).map((m) => m.e.participantId);
  const isMember = new Set(members);
  const { people, enrolments } = await enrolmentCandidatesOf(db, scope, found.g.programId);
  const byPerson = new Map<string, typeof enrolments>();
  for (const e of enrolments) {
    const own = byPerson.get(e.participantId);
    if (own) own.push(e);
    else byPerson.set(e.participantId, [e]);
  }
  const facts = groupFacts(found, members);
  return {
    items: people
      .filter((p) => !isMember.has(p.id))
      .map((p) => {
        const decision = canEnrolInGroup(
          facts,
          p.id,
          byPerson.get(p.id) ?? [],
          servicePeriodStart(p.service, policy.timeZone),
          policy,
        );
        return {
          participantId: p.id,
          displayName: p.displayName,
          refusals: decision.ok ? [] : decision.refusals.filter(aboutThePerson).map(ruleRefusal),
        };
      }),
  };
}

/**
 * MOH-8 and MOH-9 under concurrency (REL-04). The group row is locked first, so
 * enrolments into one group run one after another and the count the domain
 * checks is the count that commits: of 50 simultaneous enrolments into a group
 * of at most 15, exactly 15 succeed. The person's row is locked next, so two
 * enrolments of one person into two groups cannot both pass "one group per
 * service period". Locks are always taken group → person, so they cannot deadlock.
 */
export async function enrol(
  tx: Tx,
  deps: GroupDeps,
  scope: Scope,
  groupId: string,
  participantId: string,
  meta: RequestMeta,
): Promise<GroupEnrolment> {
  const now = deps.clock.now();
  const found = await findGroup(tx, scope, groupId, { lock: true });
  if (!found) throw notFound('group');
  const person = await lockParticipantOfProgram(tx, scope, participantId, found.g.programId);
  if (!person) throw fieldNotFound('participantId', 'participant');
  const policy = policyOf(found.program);
  const today = localDate(now, policy.timeZone);
  const members = await enrolmentsOf(tx, scope, [groupId]);
  const service = await openServiceOf(tx, scope, participantId);
  const periodStart = service ? servicePeriodStart(service, policy.timeZone) : null;
  must(
    canEnrolInGroup(
      groupFacts(
        found,
        members.map((m) => m.e.participantId),
      ),
      participantId,
      await enrolmentsOfParticipant(tx, scope, participantId),
      periodStart,
      policy,
    ),
  );
  // Someone who left this group and comes back takes up their old row again (one row per person and group).
  const [row] = await tx
    .insert(groupEnrolments)
    .values({
      orgId: scope.orgId,
      id: randomUUID(),
      groupId,
      participantId,
      enrolledOn: today,
      enrolledBy: scope.userId,
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: [groupEnrolments.orgId, groupEnrolments.groupId, groupEnrolments.participantId],
      set: { enrolledOn: today, enrolledBy: scope.userId, leftOn: null, leftReason: null },
    })
    .returning({ id: groupEnrolments.id });
  const id = row!.id;
  await writeAudit(
    tx,
    entryFor(scope, meta, {
      action: 'group.enrol',
      entityType: 'group',
      entityId: groupId,
      subjectId: participantId,
    }),
    now,
  );
  return { id, groupId, participantId, participantName: person.displayName, enrolledOn: today };
}

/**
 * MOH-8: a member leaves before the group ends. The row is kept with the day
 * and the reason: their attendance so far stays, their place opens, and MOH-9
 * still counts the group as the one of their service period.
 */
export async function leaveGroup(
  deps: GroupDeps,
  scope: Scope,
  groupId: string,
  participantId: string,
  reason: GroupLeaveReason,
  meta: RequestMeta,
): Promise<GroupDetail> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await findGroup(tx, scope, groupId, { lock: true });
    if (!found) throw notFound('group');
    const policy = policyOf(found.program);
    const members = await enrolmentsOf(tx, scope, [groupId]);
    must(
      canLeaveGroup(
        groupFacts(
          found,
          members.map((m) => m.e.participantId),
        ),
        participantId,
        policy,
      ),
    );
    await tx
      .update(groupEnrolments)
      .set({ leftOn: localDate(now, policy.timeZone), leftReason: reason })
      .where(
        and(
          eq(groupEnrolments.orgId, scope.orgId),
          eq(groupEnrolments.groupId, groupId),
          eq(groupEnrolments.participantId, participantId),
        ),
      );
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'group.leave',
        entityType: 'group',
        entityId: groupId,
        subjectId: participantId,
        detail: { reason },
      }),
      now,
    );
    return detailOf(tx, scope, found, now);
  });
}

/** MOH-8: one more meeting, within the program's maximum count of meetings. */
export async function addMeeting(
  deps: GroupDeps,
  scope: Scope,
  groupId: string,
  startsAt: string,
  meta: RequestMeta,
): Promise<GroupDetail> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await findGroup(tx, scope, groupId, { lock: true });
    if (!found) throw notFound('group');
    const meetings = await meetingsOf(tx, scope, [groupId]);
    const policy = policyOf(found.program);
    if (found.g.status === 'closed') {
      throw new AppError('refused', 'group_closed', { ruleId: policy.groups?.ruleId ?? 'PLATFORM-4' });
    }
    must(canAddGroupMeeting(meetings.filter((m) => m.status !== 'cancelled').length, policy));
    const [top] = await tx
      .select({ n: max(groupMeetings.number) })
      .from(groupMeetings)
      .where(and(eq(groupMeetings.orgId, scope.orgId), eq(groupMeetings.groupId, groupId)));
    const id = randomUUID();
    await tx.insert(groupMeetings).values({
      orgId: scope.orgId,
      id,
      groupId,
      number: (top?.n ?? 0) + 1,
      startsAt: new Date(startsAt),
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(
      tx,
      entryFor(scope, meta, { action: 'group.meeting.create', entityType: 'group_meeting', entityId: id }),
      now,
    );
    return detailOf(tx, scope, found, now);
  });
}

/**
 * Attendance at one meeting, taken by the facilitator (or a coordinator) on a
 * phone. The marks sent replace earlier ones for those members; the meeting
 * becomes held. If-Match on the meeting (REL-03): two people marking the same
 * meeting do not silently overwrite each other.
 */
export async function recordAttendance(
  deps: GroupDeps,
  scope: Scope,
  groupId: string,
  meetingId: string,
  version: number,
  input: z.output<typeof zAttendanceUpdate>,
  meta: RequestMeta,
): Promise<GroupDetail> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await findGroup(tx, scope, groupId);
    if (!found) throw notFound('group');
    const meeting = await findMeeting(tx, scope, groupId, meetingId);
    if (!meeting) throw notFound('meeting');
    if (meeting.version !== version) throw staleVersion(await detailOf(tx, scope, found, now));
    const members = await enrolmentsOf(tx, scope, [groupId]);
    must(
      canRecordAttendance(
        { status: found.g.status as GroupStatus, memberIds: members.map((m) => m.e.participantId) },
        { status: meeting.status as 'planned' | 'held' | 'cancelled' },
        input.entries.map((e) => e.participantId),
        policyOf(found.program),
      ),
    );
    await tx
      .insert(groupAttendance)
      .values(
        input.entries.map((e) => ({
          orgId: scope.orgId,
          meetingId,
          groupId,
          participantId: e.participantId,
          status: e.status,
          recordedBy: scope.userId,
          recordedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [groupAttendance.orgId, groupAttendance.meetingId, groupAttendance.participantId],
        set: { status: sql`excluded.status`, recordedBy: scope.userId, recordedAt: now },
      });
    await tx
      .update(groupMeetings)
      .set({ status: 'held', updatedAt: now, version: meeting.version + 1 })
      .where(and(eq(groupMeetings.orgId, scope.orgId), eq(groupMeetings.id, meetingId)));
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'group.attendance',
        entityType: 'group_meeting',
        entityId: meetingId,
        detail: { marks: input.entries.length },
      }),
      now,
    );
    return detailOf(tx, scope, found, now);
  });
}
