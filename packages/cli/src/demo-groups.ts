/**
 * MOH-8, MOH-9: a running group program — planned weekly on a slot in the
 * program's zone with its count of meetings, people in service enrolled once
 * per service period, started with enough members, meetings held with the
 * attendance the facilitator took. Every step asks the domain's own rule, as
 * the groups service does, so the demo never holds a group the API would refuse.
 */
import { randomUUID } from 'node:crypto';
import type { GroupEnrolment } from '@tandem/domain';
import {
  addDays,
  canChangeGroupStatus,
  canEnrolInGroup,
  canLeaveGroup,
  canPlanGroup,
  canRecordAttendance,
  type Decision,
  type GroupLeaveReason,
  type LocalDate,
  meetingStart,
  servicePeriodStart,
  weeklyMeetingDays,
} from '@tandem/domain';
import { at, type DemoProgram, type Story } from './demo-story';

export interface GroupSpec {
  name: string;
  facilitatorUserId: string;
  /** 0 = Sunday … 6 = Saturday, and the local start time. */
  weekday: number;
  startTime: string;
  plannedMeetings: number;
  /** The first day of the series (the first meeting falls on or after it). */
  startsOn: LocalDate;
  members: readonly {
    story: Story;
    enrolledOn: LocalDate;
    /** Chance of coming to a meeting. */
    comes: number;
    /** A member who stopped before the group ended (MOH-8): the day, and why. */
    left?: { on: LocalDate; reason: GroupLeaveReason };
  }[];
}

function allowed(d: Decision<unknown>, what: string) {
  if (!d.ok) throw new Error(`demo ${what} breaks ${d.refusals[0]?.ruleId}: ${d.refusals[0]?.code}`);
}

/** MOH-9 reads the period from the open mentorship exactly as the enrolment command does. */
const periodOf = (p: DemoProgram, s: Story): LocalDate | null =>
  s.row.state === 'closed' || !s.row.createdAt
    ? null
    : servicePeriodStart(
        {
          trialStartedOn: s.row.trialStartedOn ?? null,
          startedOn: s.row.startedOn ?? null,
          awaitingSince: s.row.awaitingSince ?? null,
          createdAt: s.row.createdAt,
        },
        p.policy.timeZone,
      );

export function writeGroup(p: DemoProgram, spec: GroupSpec) {
  const rng = p.rng;
  const rule = p.policy.groups;
  if (!rule) throw new Error('demo program has no groups');
  allowed(canPlanGroup(spec.plannedMeetings, p.policy), 'group plan');
  const id = randomUUID();
  const days = weeklyMeetingDays(spec.startsOn, spec.weekday, spec.plannedMeetings);
  const startedOn = addDays(days[0]!, -1);
  const plannedOn = addDays(spec.startsOn, -28);

  const members = [...spec.members].sort((a, b) => (a.enrolledOn < b.enrolledOn ? -1 : 1));
  const enrolled: string[] = [];
  for (const m of members) {
    const participantId = m.story.participantId;
    const periodStart = periodOf(p, m.story);
    if (!periodStart || periodStart > m.enrolledOn) throw new Error('demo group member not in service yet');
    const earlier: GroupEnrolment[] = p.rows.enrolments
      .filter((e) => e.participantId === participantId)
      .map((e) => ({ groupId: e.groupId, enrolledOn: e.enrolledOn }));
    const status = m.enrolledOn <= startedOn ? 'planned' : 'running';
    const facts = { id, status, memberIds: enrolled, plannedMeetings: spec.plannedMeetings } as const;
    allowed(canEnrolInGroup(facts, participantId, earlier, periodStart, p.policy), 'group enrolment');
    enrolled.push(participantId);
    p.rows.enrolments.push({
      orgId: p.orgId,
      id: randomUUID(),
      groupId: id,
      participantId,
      enrolledOn: m.enrolledOn,
      enrolledBy: p.coordinatorId,
      createdAt: at(p, m.enrolledOn, 12, rng.int(0, 59)),
      leftOn: m.left?.on ?? null,
      leftReason: m.left?.reason ?? null,
    });
  }
  for (const m of members.filter((x) => x.left)) {
    const facts = {
      id,
      status: 'running',
      memberIds: enrolled,
      plannedMeetings: spec.plannedMeetings,
    } as const;
    allowed(canLeaveGroup(facts, m.story.participantId, p.policy), 'leaving the group');
  }
  const atStart = members.filter((m) => m.enrolledOn <= startedOn).map((m) => m.story.participantId);
  allowed(
    canChangeGroupStatus(
      { id, status: 'planned', memberIds: atStart, plannedMeetings: spec.plannedMeetings },
      'running',
      p.policy,
    ),
    'group start',
  );
  p.rows.groups.push({
    orgId: p.orgId,
    id,
    programId: p.programId,
    name: spec.name,
    facilitatorUserId: spec.facilitatorUserId,
    weekday: spec.weekday,
    startTime: spec.startTime,
    startsOn: spec.startsOn,
    plannedMeetings: spec.plannedMeetings,
    status: 'running',
    createdBy: p.coordinatorId,
    createdAt: at(p, plannedOn, 11),
    updatedAt: at(p, startedOn, 15),
    version: 2,
  });

  for (const [i, day] of days.entries()) {
    const startsAt = meetingStart(day, spec.startTime, p.policy.timeZone);
    const ends = startsAt.getTime() + rule.meetingMinutes * 60_000;
    const meetingId = randomUUID();
    const held = ends + 15 * 60_000 < p.now.getTime();
    const recordedAt = new Date(ends + 10 * 60_000);
    p.rows.meetings.push({
      orgId: p.orgId,
      id: meetingId,
      groupId: id,
      number: i + 1,
      startsAt,
      status: held ? 'held' : 'planned',
      createdAt: at(p, plannedOn, 11),
      updatedAt: held ? recordedAt : at(p, plannedOn, 11),
      version: held ? 2 : 1,
    });
    if (!held) continue;
    // Marked from the day they joined until the day they left, as the attendance command allows.
    const present = members.filter((m) => m.enrolledOn <= day && !(m.left && m.left.on <= day));
    const ids = present.map((m) => m.story.participantId);
    allowed(
      canRecordAttendance({ status: 'running', memberIds: ids }, { status: 'planned' }, ids, p.policy),
      'attendance',
    );
    for (const m of present) {
      // No one comes while their mentorship has gone quiet (a lapse, a hospital stay).
      const quiet = m.story.quiet.some((q) => day >= q.from && (q.to === null || day < q.to));
      const roll = rng.next();
      p.rows.attendance.push({
        orgId: p.orgId,
        meetingId,
        groupId: id,
        participantId: m.story.participantId,
        status: quiet ? 'absent' : roll < m.comes ? 'present' : rng.chance(0.5) ? 'excused' : 'absent',
        recordedBy: spec.facilitatorUserId,
        recordedAt,
      });
    }
  }
  return id;
}
