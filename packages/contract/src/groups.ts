import { ATTENDANCE_STATUSES, GROUP_LEAVE_REASONS, GROUP_STATUSES } from '@tandem/domain/lifecycle/groups';
import { z } from 'zod';
import { safeText, zId, zRuleRefusal } from './common';
import { zDate } from './people';

const zTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM');

/**
 * Planning a group program (MOH-8): a facilitator, a weekly slot in the
 * program's time zone (weekday 0 = Sunday … 6 = Saturday), the first day and
 * the number of meetings, within the program's bounds (15–20 in the Israeli
 * program). The meetings are planned weekly from the first day.
 */
export const zGroupCreate = z.strictObject({
  programId: zId,
  name: safeText({ max: 120 }),
  facilitatorUserId: zId,
  weekday: z.number().int().min(0).max(6),
  startTime: zTime,
  startsOn: zDate,
  plannedMeetings: z.number().int().min(1).max(100),
});
export type GroupCreate = z.input<typeof zGroupCreate>;

/** An edit with If-Match: rename, change facilitator, or move planned → running → closed. */
export const zGroupUpdate = z
  .strictObject({
    name: safeText({ max: 120 }),
    facilitatorUserId: zId,
    status: z.enum(GROUP_STATUSES),
  })
  .partial();
export type GroupUpdate = z.input<typeof zGroupUpdate>;

export const zGroupSummary = z.object({
  id: zId,
  programId: zId,
  name: z.string(),
  facilitatorUserId: zId,
  facilitatorName: z.string(),
  weekday: z.number().int(),
  startTime: z.string(),
  startsOn: zDate,
  plannedMeetings: z.number().int(),
  status: z.enum(GROUP_STATUSES),
  /** Members now; null for a participant, who sees their own group, not its other members. */
  memberCount: z.number().int().nullable(),
  /** The program's bounds (MOH-8), so the screen can say how many more are needed. */
  minParticipants: z.number().int(),
  maxParticipants: z.number().int(),
  nextMeetingAt: z.string().nullable(),
  /** The program's IANA zone: meeting times are shown on its wall clock. */
  timeZone: z.string(),
  version: z.number().int(),
});
export type GroupSummary = z.infer<typeof zGroupSummary>;

export const zGroupMeeting = z.object({
  id: zId,
  number: z.number().int(),
  startsAt: z.string(),
  status: z.enum(['planned', 'held', 'cancelled']),
  /** Staff: every member's mark at this meeting. A participant: only their own. */
  attendance: z.array(z.object({ participantId: zId, status: z.enum(ATTENDANCE_STATUSES) })),
  version: z.number().int(),
});
export type GroupMeeting = z.infer<typeof zGroupMeeting>;

export const zGroupEnrolment = z.object({
  id: zId,
  groupId: zId,
  participantId: zId,
  participantName: z.string(),
  enrolledOn: zDate,
});
export type GroupEnrolment = z.infer<typeof zGroupEnrolment>;

/** Attendance over the program, per member (MOH-8): present out of the meetings recorded. */
export const zAttendanceSummary = z.object({
  participantId: zId,
  present: z.number().int(),
  absent: z.number().int(),
  excused: z.number().int(),
  rate: z.number().nullable(),
});

/** A member who left before the group ended (MOH-8), with the day and why. */
export const zFormerMember = zGroupEnrolment.extend({
  leftOn: zDate,
  leftReason: z.enum(GROUP_LEAVE_REASONS),
});

export const zGroupDetail = zGroupSummary.extend({
  meetings: z.array(zGroupMeeting),
  /** The members now. Staff only; empty for a participant (they never see other people). */
  enrolments: z.array(zGroupEnrolment),
  /** Staff only: who left, so their attendance so far still reads with a name. */
  formerMembers: z.array(zFormerMember),
  attendanceSummary: z.array(zAttendanceSummary),
});
export type GroupDetail = z.infer<typeof zGroupDetail>;

export const zGroupList = z.object({ items: z.array(zGroupSummary) });

/**
 * Whom a coordinator may enrol: the program's participants with an open
 * service period who are not members yet, each with the rules that would
 * refuse them now (MOH-9: already in another group this period), empty when
 * they can join. The same domain rule decides here and on enrolment.
 */
export const zGroupCandidates = z.object({
  items: z.array(z.object({ participantId: zId, displayName: z.string(), refusals: z.array(zRuleRefusal) })),
});
export type GroupCandidates = z.infer<typeof zGroupCandidates>;

export const zEnrolmentCreate = z.strictObject({ participantId: zId });

/** A member leaves the group before it ends (MOH-8). */
export const zGroupLeave = z.strictObject({ reason: z.enum(GROUP_LEAVE_REASONS) });
export type EnrolmentCreate = z.input<typeof zEnrolmentCreate>;

/** One extra meeting beyond the planned series, within the program's maximum (MOH-8). */
export const zMeetingCreate = z.strictObject({ startsAt: z.iso.datetime({ offset: true }) });

/** Attendance at one meeting, sent with the meeting's If-Match; the marks given replace earlier ones. */
export const zAttendanceUpdate = z.strictObject({
  entries: z
    .array(z.strictObject({ participantId: zId, status: z.enum(ATTENDANCE_STATUSES) }))
    .min(1)
    .max(100),
});
export type AttendanceUpdate = z.input<typeof zAttendanceUpdate>;

export const zGroupParams = z.strictObject({ id: zId });
export const zGroupMeetingParams = z.strictObject({ id: zId, meetingId: zId });
export const zGroupEnrolmentParams = z.strictObject({ id: zId, participantId: zId });
