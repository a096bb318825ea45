import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY } from '../policy/fixture';
import { resolvePolicy } from '../policy/resolve';
import { refuse } from '../refusal';
import {
  attendanceSummary,
  canChangeGroupStatus,
  canPlanGroup,
  canRecordAttendance,
  meetingStart,
  weeklyMeetingDays,
} from './group-program';
import { canEnrolInGroup, canLeaveGroup } from './groups';

const israeli = () => {
  const r = resolvePolicy('il-social-mentorship');
  if (!r.ok) throw new Error('preset');
  return r.policy;
};
const members = (n: number) => Array.from({ length: n }, (_, i) => `p-${i}`);

describe('group programs (MOH-8)', () => {
  it('MOH-8: the Israeli program plans 15 to 20 meetings; 14 and 21 are refused', () => {
    const p = israeli();
    expect(canPlanGroup(15, p).ok).toBe(true);
    expect(canPlanGroup(20, p).ok).toBe(true);
    expect(canPlanGroup(14, p)).toEqual({
      ok: false,
      refusals: [
        refuse('MOH-8', 'group_meetings_out_of_range', { meetings: 14, minMeetings: 15, maxMeetings: 20 }),
      ],
    });
    expect(canPlanGroup(21, p).ok).toBe(false);
  });

  it('MOH-8: weekly meetings fall on the slot’s weekday, the first on or after the start date', () => {
    // 1 March 2026 is a Sunday; a Tuesday group (2) meets on 3, 10 and 17 March.
    expect(weeklyMeetingDays('2026-03-01', 2, 3)).toEqual(['2026-03-03', '2026-03-10', '2026-03-17']);
    // A Sunday group starting on a Sunday meets that very day.
    expect(weeklyMeetingDays('2026-03-01', 0, 2)).toEqual(['2026-03-01', '2026-03-08']);
    // 17:00 in Jerusalem, before and after the clocks change on 27 March 2026.
    expect(meetingStart('2026-03-24', '17:00', 'Asia/Jerusalem').toISOString()).toBe(
      '2026-03-24T15:00:00.000Z',
    );
    expect(meetingStart('2026-03-31', '17:00', 'Asia/Jerusalem').toISOString()).toBe(
      '2026-03-31T14:00:00.000Z',
    );
  });

  it('MOH-8: a group starts with 12 members and no fewer; it cannot go back to planned', () => {
    const p = israeli();
    const group = (n: number) => ({
      id: 'g',
      status: 'planned' as const,
      memberIds: members(n),
      plannedMeetings: 15,
    });
    expect(canChangeGroupStatus(group(12), 'running', p).ok).toBe(true);
    expect(canChangeGroupStatus(group(11), 'running', p)).toEqual({
      ok: false,
      refusals: [refuse('MOH-8', 'group_too_small', { members: 11, minParticipants: 12 })],
    });
    expect(canChangeGroupStatus({ ...group(12), status: 'running' }, 'planned', p)).toEqual({
      ok: false,
      refusals: [refuse('PLATFORM-4', 'group_status_not_allowed', { from: 'running', to: 'planned' })],
    });
    expect(canChangeGroupStatus(group(3), 'closed', p).ok).toBe(true);
  });

  it('MOH-9: without an open service period a person cannot join a group', () => {
    const g = { id: 'g', memberIds: [], plannedMeetings: 15 };
    expect(canEnrolInGroup(g, 'new', [], null, israeli())).toEqual({
      ok: false,
      refusals: [refuse('MOH-9', 'group_no_service_period', {})],
    });
  });

  it('MOH-8: the 15th member is the last; a closed group takes nobody', () => {
    const p = israeli();
    const g = (n: number) => ({ id: 'g', memberIds: members(n), plannedMeetings: 15 });
    expect(canEnrolInGroup(g(14), 'new', [], '2026-01-01', p).ok).toBe(true);
    expect(canEnrolInGroup(g(15), 'new', [], '2026-01-01', p).ok).toBe(false);
    expect(canEnrolInGroup({ ...g(3), status: 'closed' }, 'new', [], '2026-01-01', p)).toEqual({
      ok: false,
      refusals: [refuse('MOH-8', 'group_closed', {})],
    });
  });
});

describe('leaving a group (MOH-8, MOH-9)', () => {
  it('MOH-8: a member leaves a planned or running group; not a closed one, and not someone who is no member', () => {
    const p = israeli();
    const g = { id: 'g', memberIds: members(13), plannedMeetings: 15 };
    const member = g.memberIds[0]!;
    expect(canLeaveGroup(g, member, p)).toEqual({ ok: true, value: true });
    expect(canLeaveGroup({ ...g, status: 'running' }, member, p).ok).toBe(true);
    expect(canLeaveGroup({ ...g, status: 'closed' }, member, p)).toEqual({
      ok: false,
      refusals: [refuse('MOH-8', 'group_closed', {})],
    });
    expect(canLeaveGroup(g, 'stranger', p)).toEqual({
      ok: false,
      refusals: [refuse('MOH-8', 'group_not_a_member', {})],
    });
  });

  it('MOH-9: the group someone left is still their group of the period; the one they left takes them back', () => {
    const p = israeli();
    const left = [{ groupId: 'first', enrolledOn: '2026-02-01' }];
    const other = { id: 'second', memberIds: [], plannedMeetings: 15 };
    expect(canEnrolInGroup(other, 'leaver', left, '2026-01-01', p)).toEqual({
      ok: false,
      refusals: [refuse('MOH-9', 'group_once_per_service_period', { enrolledOn: '2026-02-01' })],
    });
    const same = { id: 'first', memberIds: [], plannedMeetings: 15 };
    expect(canEnrolInGroup(same, 'leaver', left, '2026-01-01', p).ok).toBe(true);
  });
});

describe('attendance per meeting (MOH-8)', () => {
  it('MOH-8: attendance is taken for members of a running group at a meeting that was not cancelled', () => {
    const g = { status: 'running' as const, memberIds: ['a', 'b'] };
    expect(canRecordAttendance(g, { status: 'planned' }, ['a', 'b'], FIXTURE_POLICY).ok).toBe(true);
    expect(canRecordAttendance(g, { status: 'planned' }, ['a', 'x'], FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('MOH-8', 'group_attendance_not_enrolled', { participantId: 'x' })],
    });
    expect(
      canRecordAttendance({ ...g, status: 'planned' }, { status: 'cancelled' }, ['a'], FIXTURE_POLICY),
    ).toEqual({
      ok: false,
      refusals: [
        refuse('MOH-8', 'group_not_running', { status: 'planned' }),
        refuse('MOH-8', 'group_meeting_cancelled', {}),
      ],
    });
  });

  it('attendance over the program: present out of the meetings recorded, per member', () => {
    const rows = [
      { meetingId: 'm1', participantId: 'a', status: 'present' as const },
      { meetingId: 'm2', participantId: 'a', status: 'absent' as const },
      { meetingId: 'm3', participantId: 'a', status: 'present' as const },
      { meetingId: 'm1', participantId: 'b', status: 'excused' as const },
    ];
    expect(attendanceSummary(['a', 'b', 'c'], rows)).toEqual([
      { participantId: 'a', present: 2, absent: 1, excused: 0, rate: 0.67 },
      { participantId: 'b', present: 0, absent: 0, excused: 1, rate: 0 },
      { participantId: 'c', present: 0, absent: 0, excused: 0, rate: null },
    ]);
  });
});
