import { randomUUID } from 'node:crypto';
import type { GroupDetail, GroupSummary, zGroupCreate, zGroupUpdate } from '@tandem/contract';
import { type Db, groupMeetings, groups, programs, type Tx } from '@tandem/db';
import {
  attendanceSummary,
  canChangeGroupStatus,
  canPlanGroup,
  type GroupLeaveReason,
  type GroupStatus,
  meetingStart,
  weeklyMeetingDays,
} from '@tandem/domain/lifecycle/index';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { entryFor, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { staleVersion } from '../../concurrency';
import { fieldNotFound, notFound } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { must } from '../mentorships/command';
import { policyOf } from '../programs/service';
import {
  attendanceOf,
  enrolmentsOf,
  type FoundGroup,
  facilitatorOf,
  findGroup,
  listGroups,
  meetingsOf,
} from './queries';

export interface GroupDeps {
  db: Db;
  clock: Clock;
}

type MeetingRow = typeof groupMeetings.$inferSelect;
type EnrolmentRows = Awaited<ReturnType<typeof enrolmentsOf>>;

const isStaff = (scope: Scope) => scope.role !== 'participant';

function summaryOf(
  found: FoundGroup,
  memberCount: number | null,
  meetings: readonly MeetingRow[],
  now: Date,
): GroupSummary {
  const rule = policyOf(found.program).groups;
  const next = meetings.find((m) => m.status === 'planned' && m.startsAt >= now);
  return {
    id: found.g.id,
    programId: found.g.programId,
    name: found.g.name,
    facilitatorUserId: found.g.facilitatorUserId,
    facilitatorName: found.facilitatorName,
    weekday: found.g.weekday,
    startTime: found.g.startTime,
    startsOn: found.g.startsOn,
    plannedMeetings: found.g.plannedMeetings,
    status: found.g.status as GroupStatus,
    memberCount,
    minParticipants: rule?.minParticipants ?? 0,
    maxParticipants: rule?.maxParticipants ?? 0,
    nextMeetingAt: next ? next.startsAt.toISOString() : null,
    timeZone: found.program.timeZone,
    version: found.g.version,
  };
}

/**
 * The group as the caller may see it. Staff: every member, every mark. A
 * participant: the group, its meetings and their own marks only — never the
 * names or attendance of the other members.
 */
export async function detailOf(
  db: Db | Tx,
  scope: Scope,
  found: FoundGroup,
  now: Date,
): Promise<GroupDetail> {
  const enrolled: EnrolmentRows = await enrolmentsOf(db, scope, [found.g.id]);
  const left: EnrolmentRows = isStaff(scope)
    ? await enrolmentsOf(db, scope, [found.g.id], { left: true })
    : [];
  const meetings = await meetingsOf(db, scope, [found.g.id]);
  const marks = await attendanceOf(db, scope, found.g.id);
  const mine = new Set(
    enrolled.filter((e) => e.participantUserId === scope.userId).map((e) => e.e.participantId),
  );
  // Staff read everyone's marks, those who left included: their attendance so far is part of the record.
  const shownIds = isStaff(scope) ? [...enrolled, ...left].map((e) => e.e.participantId) : [...mine];
  const shown = marks.filter((m) => shownIds.includes(m.participantId));
  return {
    ...summaryOf(found, isStaff(scope) ? enrolled.length : null, meetings, now),
    meetings: meetings.map((m) => ({
      id: m.id,
      number: m.number,
      startsAt: m.startsAt.toISOString(),
      status: m.status as 'planned' | 'held' | 'cancelled',
      attendance: shown
        .filter((a) => a.meetingId === m.id)
        .map((a) => ({
          participantId: a.participantId,
          status: a.status as 'present' | 'absent' | 'excused',
        })),
      version: m.version,
    })),
    enrolments: isStaff(scope)
      ? enrolled.map((e) => ({
          id: e.e.id,
          groupId: e.e.groupId,
          participantId: e.e.participantId,
          participantName: e.participantName,
          enrolledOn: e.e.enrolledOn,
        }))
      : [],
    formerMembers: left.map((e) => ({
      id: e.e.id,
      groupId: e.e.groupId,
      participantId: e.e.participantId,
      participantName: e.participantName,
      enrolledOn: e.e.enrolledOn,
      leftOn: e.e.leftOn!,
      leftReason: e.e.leftReason as GroupLeaveReason,
    })),
    attendanceSummary: attendanceSummary(
      shownIds,
      shown.map((a) => ({
        meetingId: a.meetingId,
        participantId: a.participantId,
        status: a.status as 'present' | 'absent' | 'excused',
      })),
    ),
  };
}

export async function readGroups(deps: GroupDeps, scope: Scope, meta: RequestMeta) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const rows = await listGroups(tx, scope);
    const ids = rows.map((r) => r.g.id);
    const enrolled = isStaff(scope) ? await enrolmentsOf(tx, scope, ids) : [];
    const meetings = await meetingsOf(tx, scope, ids);
    await writeAudit(
      tx,
      entryFor(scope, meta, { action: 'group.list', entityType: 'group', detail: { count: rows.length } }),
      now,
    );
    return rows.map((r) =>
      summaryOf(
        r,
        isStaff(scope) ? enrolled.filter((e) => e.e.groupId === r.g.id).length : null,
        meetings.filter((m) => m.groupId === r.g.id),
        now,
      ),
    );
  });
}

export async function readGroup(deps: GroupDeps, scope: Scope, id: string, meta: RequestMeta) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await findGroup(tx, scope, id);
    if (!found) throw notFound('group');
    await writeAudit(
      tx,
      entryFor(scope, meta, { action: 'group.read', entityType: 'group', entityId: id }),
      now,
    );
    return detailOf(tx, scope, found, now);
  });
}

/**
 * MOH-8: plan a group program. The meeting count must lie within the
 * program's bounds; the meetings are planned weekly on the slot from the first
 * day, in the program's time zone. Group, meetings and audit in one transaction.
 */
export async function planGroup(
  tx: Tx,
  deps: GroupDeps,
  scope: Scope,
  input: z.output<typeof zGroupCreate>,
  meta: RequestMeta,
): Promise<GroupDetail> {
  const now = deps.clock.now();
  const [program] = await tx
    .select()
    .from(programs)
    .where(and(eq(programs.orgId, scope.orgId), eq(programs.id, input.programId)));
  if (!program) throw fieldNotFound('programId', 'program');
  if (!(await facilitatorOf(tx, scope, input.facilitatorUserId))) {
    throw fieldNotFound('facilitatorUserId', 'facilitator');
  }
  const policy = policyOf(program);
  must(canPlanGroup(input.plannedMeetings, policy));
  const id = randomUUID();
  await tx.insert(groups).values({
    orgId: scope.orgId,
    id,
    programId: program.id,
    name: input.name,
    facilitatorUserId: input.facilitatorUserId,
    weekday: input.weekday,
    startTime: input.startTime,
    startsOn: input.startsOn,
    plannedMeetings: input.plannedMeetings,
    createdBy: scope.userId,
    createdAt: now,
    updatedAt: now,
  });
  const days = weeklyMeetingDays(input.startsOn, input.weekday, input.plannedMeetings);
  await tx.insert(groupMeetings).values(
    days.map((day, i) => ({
      orgId: scope.orgId,
      id: randomUUID(),
      groupId: id,
      number: i + 1,
      startsAt: meetingStart(day, input.startTime, policy.timeZone),
      createdAt: now,
      updatedAt: now,
    })),
  );
  await writeAudit(
    tx,
    entryFor(scope, meta, {
      action: 'group.create',
      entityType: 'group',
      entityId: id,
      detail: { plannedMeetings: input.plannedMeetings },
    }),
    now,
  );
  const found = await findGroup(tx, scope, id);
  return detailOf(tx, scope, found!, now);
}

/**
 * Rename, hand over to another facilitator, or move the group on: planned →
 * running checks MOH-8 at that moment (12–15 members, 15–20 meetings in the
 * Israeli program); running → closed ends it. If-Match (REL-03).
 */
export async function updateGroup(
  deps: GroupDeps,
  scope: Scope,
  id: string,
  version: number,
  input: z.output<typeof zGroupUpdate>,
  meta: RequestMeta,
): Promise<GroupDetail> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await findGroup(tx, scope, id, { lock: true });
    if (!found) throw notFound('group');
    if (found.g.version !== version) throw staleVersion(await detailOf(tx, scope, found, now));
    if (input.facilitatorUserId && !(await facilitatorOf(tx, scope, input.facilitatorUserId))) {
      throw fieldNotFound('facilitatorUserId', 'facilitator');
    }
    const status = found.g.status as GroupStatus;
    if (input.status && input.status !== status) {
      const members = await enrolmentsOf(tx, scope, [id]);
      const meetings = (await meetingsOf(tx, scope, [id])).filter((m) => m.status !== 'cancelled');
      must(
        canChangeGroupStatus(
          { id, status, memberIds: members.map((m) => m.e.participantId), plannedMeetings: meetings.length },
          input.status,
          policyOf(found.program),
        ),
      );
    }
    await tx
      .update(groups)
      .set({
        ...(input.name ? { name: input.name } : {}),
        ...(input.facilitatorUserId ? { facilitatorUserId: input.facilitatorUserId } : {}),
        ...(input.status ? { status: input.status } : {}),
        updatedAt: now,
        version: found.g.version + 1,
      })
      .where(and(eq(groups.orgId, scope.orgId), eq(groups.id, id)));
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'group.update',
        entityType: 'group',
        entityId: id,
        detail: { fields: Object.keys(input).sort(), ...(input.status ? { status: input.status } : {}) },
      }),
      now,
    );
    return detailOf(tx, scope, (await findGroup(tx, scope, id))!, now);
  });
}
