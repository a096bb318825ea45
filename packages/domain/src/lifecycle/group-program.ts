import { DateTime } from 'luxon';
import type { Policy } from '../policy/schema';
import type { Decision, Refusal } from '../refusal';
import { allow, deny, refuse } from '../refusal';
import { addDays, type LocalDate } from '../time/zone';
import {
  type AttendanceStatus,
  canStartGroup,
  GROUP_TRANSITIONS,
  type GroupFacts,
  type GroupStatus,
} from './groups';
import { LIFECYCLE_RULE_ID } from './states';

/** MOH-8: a group program is planned with a meeting count within the program's bounds. */
export function canPlanGroup(plannedMeetings: number, policy: Policy): Decision {
  const rule = policy.groups;
  if (!rule) return deny(refuse(LIFECYCLE_RULE_ID, 'groups_not_in_program', {}));
  if (plannedMeetings < rule.minMeetings || plannedMeetings > rule.maxMeetings) {
    return deny(
      refuse(rule.ruleId, 'group_meetings_out_of_range', {
        meetings: plannedMeetings,
        minMeetings: rule.minMeetings,
        maxMeetings: rule.maxMeetings,
      }),
    );
  }
  return allow(true);
}

/**
 * The dates of a weekly series (MOH-8: weekly meetings): `count` days on the
 * slot's weekday (0 = Sunday … 6 = Saturday, as availability slots are), the
 * first on or after `startsOn`.
 */
export function weeklyMeetingDays(startsOn: LocalDate, weekday: number, count: number): LocalDate[] {
  const startDay = new Date(`${startsOn}T00:00:00Z`).getUTCDay();
  const first = addDays(startsOn, (weekday - startDay + 7) % 7);
  return Array.from({ length: count }, (_, i) => addDays(first, 7 * i));
}

/** The instant a meeting starts: a program day at the slot's wall-clock time in the program's zone. */
export function meetingStart(day: LocalDate, time: string, zone: string): Date {
  const dt = DateTime.fromISO(`${day}T${time}`, { zone });
  if (!dt.isValid) throw new RangeError(`not a day and time: ${day} ${time}`);
  return dt.toJSDate();
}

/**
 * A group moves planned → running → closed. Starting it checks MOH-8 at that
 * moment: enough members (12–15 in the Israeli program) and a meeting count
 * within bounds.
 */
export function canChangeGroupStatus(
  group: GroupFacts & { status: GroupStatus },
  to: GroupStatus,
  policy: Policy,
): Decision {
  const rule = policy.groups;
  if (!rule) return deny(refuse(LIFECYCLE_RULE_ID, 'groups_not_in_program', {}));
  const next: readonly GroupStatus[] = GROUP_TRANSITIONS[group.status];
  if (!next.includes(to)) {
    return deny(refuse(LIFECYCLE_RULE_ID, 'group_status_not_allowed', { from: group.status, to }));
  }
  return to === 'running' ? canStartGroup(group, policy) : allow(true);
}

/**
 * Attendance is taken at a meeting of a running group, for its members only.
 * Every refusal names the first participant that is not a member.
 */
export function canRecordAttendance(
  group: { status: GroupStatus; memberIds: readonly string[] },
  meeting: { status: 'planned' | 'held' | 'cancelled' },
  participantIds: readonly string[],
  policy: Policy,
): Decision {
  const ruleId = policy.groups?.ruleId ?? LIFECYCLE_RULE_ID;
  const refusals: Refusal[] = [];
  if (group.status !== 'running')
    refusals.push(refuse(ruleId, 'group_not_running', { status: group.status }));
  if (meeting.status === 'cancelled') refusals.push(refuse(ruleId, 'group_meeting_cancelled', {}));
  const stranger = participantIds.find((id) => !group.memberIds.includes(id));
  if (stranger) refusals.push(refuse(ruleId, 'group_attendance_not_enrolled', { participantId: stranger }));
  return refusals.length ? deny(...refusals) : allow(true);
}

export interface AttendanceRow {
  readonly meetingId: string;
  readonly participantId: string;
  readonly status: AttendanceStatus;
}

export interface AttendanceSummary {
  readonly participantId: string;
  readonly present: number;
  readonly absent: number;
  readonly excused: number;
  /** Present out of the held meetings recorded for this person, 0–1; null before any. */
  readonly rate: number | null;
}

/** Attendance over the program, per member: how many held meetings they came to. */
export function attendanceSummary(
  memberIds: readonly string[],
  rows: readonly AttendanceRow[],
): AttendanceSummary[] {
  return memberIds.map((participantId) => {
    const own = rows.filter((r) => r.participantId === participantId);
    const count = (s: AttendanceStatus) => own.filter((r) => r.status === s).length;
    const present = count('present');
    return {
      participantId,
      present,
      absent: count('absent'),
      excused: count('excused'),
      rate: own.length === 0 ? null : Math.round((present / own.length) * 100) / 100,
    };
  });
}
