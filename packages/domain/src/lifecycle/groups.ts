import type { Policy } from '../policy/schema';
import type { Decision, Refusal } from '../refusal';
import { allow, deny, refuse } from '../refusal';
import { type LocalDate, localDate } from '../time/zone';
import { LIFECYCLE_RULE_ID } from './states';

export const GROUP_REFUSAL_CODES = [
  'groups_not_in_program',
  'group_full',
  'group_already_member',
  'group_once_per_service_period',
  'group_too_small',
  'group_meetings_out_of_range',
  'group_meeting_limit_reached',
  'group_closed',
  'group_not_running',
  'group_no_service_period',
  'group_attendance_not_enrolled',
  'group_meeting_cancelled',
  'group_status_not_allowed',
  'group_not_a_member',
] as const;

/** Why a member left a group before it ended. */
export const GROUP_LEAVE_REASONS = ['participant_choice', 'service_ended', 'not_suitable', 'other'] as const;
export type GroupLeaveReason = (typeof GROUP_LEAVE_REASONS)[number];

/** A group is planned (enrolment open), then running (meetings held), then closed. */
export const GROUP_STATUSES = ['planned', 'running', 'closed'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];
export const GROUP_TRANSITIONS = {
  planned: ['running', 'closed'],
  running: ['closed'],
  closed: [],
} as const satisfies Record<GroupStatus, readonly GroupStatus[]>;

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface GroupFacts {
  readonly id: string;
  /** Absent means planned (older callers). */
  readonly status?: GroupStatus;
  readonly memberIds: readonly string[];
  /** Meetings planned for the group program. */
  readonly plannedMeetings: number;
}

export interface GroupEnrolment {
  readonly groupId: string;
  readonly enrolledOn: LocalDate;
}

/** What of an open mentorship dates the current service period. */
export interface ServiceStart {
  readonly trialStartedOn: LocalDate | null;
  readonly startedOn: LocalDate | null;
  readonly awaitingSince: LocalDate | null;
  readonly createdAt: Date;
}

/** MOH-9: the current service period began when the open mentorship did: its trial, its start, or its wait for a mentor. */
export const servicePeriodStart = (ms: ServiceStart, zone: string): LocalDate =>
  ms.trialStartedOn ?? ms.startedOn ?? ms.awaitingSince ?? localDate(ms.createdAt, zone);

/**
 * MOH-8 group size (at most `maxParticipants`) and MOH-9 one group per
 * service period: no other group since the current service period started.
 * Under concurrency the server must hold the count (REL-04).
 */
export function canEnrolInGroup(
  group: GroupFacts,
  participantId: string,
  enrolments: readonly GroupEnrolment[],
  /** Null when the person has no open service period (no open mentorship). */
  servicePeriodStartedOn: LocalDate | null,
  policy: Policy,
): Decision {
  const rule = policy.groups;
  if (!rule) return deny(refuse(LIFECYCLE_RULE_ID, 'groups_not_in_program', {}));
  if (group.status === 'closed') return deny(refuse(rule.ruleId, 'group_closed', {}));
  if (group.memberIds.includes(participantId)) return deny(refuse(rule.ruleId, 'group_already_member', {}));
  const refusals: Refusal[] = [];
  if (group.memberIds.length >= rule.maxParticipants) {
    refusals.push(refuse(rule.ruleId, 'group_full', { maxParticipants: rule.maxParticipants }));
  }
  const once = rule.onePerServicePeriod;
  if (once && servicePeriodStartedOn === null) {
    return deny(refuse(once.ruleId, 'group_no_service_period', {}));
  }
  const earlier = enrolments.find(
    (e) =>
      e.groupId !== group.id && servicePeriodStartedOn !== null && e.enrolledOn >= servicePeriodStartedOn,
  );
  if (once && earlier) {
    refusals.push(refuse(once.ruleId, 'group_once_per_service_period', { enrolledOn: earlier.enrolledOn }));
  }
  return refusals.length ? deny(...refusals) : allow(true);
}

/** MOH-8: a group program starts with at least the minimum members and a meeting count within bounds. */
export function canStartGroup(group: GroupFacts, policy: Policy): Decision {
  const rule = policy.groups;
  if (!rule) return deny(refuse(LIFECYCLE_RULE_ID, 'groups_not_in_program', {}));
  const refusals: Refusal[] = [];
  if (group.memberIds.length < rule.minParticipants) {
    refusals.push(
      refuse(rule.ruleId, 'group_too_small', {
        members: group.memberIds.length,
        minParticipants: rule.minParticipants,
      }),
    );
  }
  if (group.plannedMeetings < rule.minMeetings || group.plannedMeetings > rule.maxMeetings) {
    refusals.push(
      refuse(rule.ruleId, 'group_meetings_out_of_range', {
        meetings: group.plannedMeetings,
        minMeetings: rule.minMeetings,
        maxMeetings: rule.maxMeetings,
      }),
    );
  }
  return refusals.length ? deny(...refusals) : allow(true);
}

/** MOH-8: no more meetings than the program allows. */
export function canAddGroupMeeting(meetingsSoFar: number, policy: Policy): Decision {
  const rule = policy.groups;
  if (!rule) return deny(refuse(LIFECYCLE_RULE_ID, 'groups_not_in_program', {}));
  if (meetingsSoFar >= rule.maxMeetings) {
    return deny(refuse(rule.ruleId, 'group_meeting_limit_reached', { maxMeetings: rule.maxMeetings }));
  }
  return allow(true);
}

/**
 * MOH-8: a member may leave a group that has not ended. Their place opens for
 * someone else (the size counts members only); their attendance so far stays
 * in the record, and the group is still the one of their service period for
 * MOH-9, since they did take part in it.
 */
export function canLeaveGroup(group: GroupFacts, participantId: string, policy: Policy): Decision {
  const rule = policy.groups;
  if (!rule) return deny(refuse(LIFECYCLE_RULE_ID, 'groups_not_in_program', {}));
  if (group.status === 'closed') return deny(refuse(rule.ruleId, 'group_closed', {}));
  if (!group.memberIds.includes(participantId)) return deny(refuse(rule.ruleId, 'group_not_a_member', {}));
  return allow(true);
}
