import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY, fixturePolicy } from '../policy/fixture';
import { resolvePolicy } from '../policy/resolve';
import { refuse } from '../refusal';
import { canAddGroupMeeting, canEnrolInGroup, canStartGroup, type GroupFacts } from './groups';

const group = (members: number, plannedMeetings = 3, id = 'grp-1'): GroupFacts => ({
  id,
  memberIds: Array.from({ length: members }, (_, i) => `p-${i + 100}`),
  plannedMeetings,
});

describe('groups (fixture: 3–5 members, 2–4 meetings)', () => {
  it('MOH-8: the group is full at the maximum', () => {
    expect(canEnrolInGroup(group(4), 'p-1', [], '2026-01-01', FIXTURE_POLICY).ok).toBe(true);
    expect(canEnrolInGroup(group(5), 'p-1', [], '2026-01-01', FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('MOH-8', 'group_full', { maxParticipants: 5 })],
    });
  });

  it('MOH-9: one group per service period; a group in an earlier period does not count', () => {
    const earlier = [{ groupId: 'grp-0', enrolledOn: '2025-03-01' }];
    expect(canEnrolInGroup(group(1), 'p-1', earlier, '2026-01-01', FIXTURE_POLICY).ok).toBe(true);
    const thisPeriod = [{ groupId: 'grp-0', enrolledOn: '2026-01-01' }];
    expect(canEnrolInGroup(group(1), 'p-1', thisPeriod, '2026-01-01', FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('MOH-9', 'group_once_per_service_period', { enrolledOn: '2026-01-01' })],
    });
  });

  it('MOH-8: a group starts with enough members and a meeting count within bounds', () => {
    expect(canStartGroup(group(3, 2), FIXTURE_POLICY).ok).toBe(true);
    expect(canStartGroup(group(2, 5), FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [
        refuse('MOH-8', 'group_too_small', { members: 2, minParticipants: 3 }),
        refuse('MOH-8', 'group_meetings_out_of_range', { meetings: 5, minMeetings: 2, maxMeetings: 4 }),
      ],
    });
    expect(canAddGroupMeeting(3, FIXTURE_POLICY).ok).toBe(true);
    expect(canAddGroupMeeting(4, FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('MOH-8', 'group_meeting_limit_reached', { maxMeetings: 4 })],
    });
  });

  it('MOH-8: the Israeli preset takes 12–15 members and 15–20 meetings', () => {
    const r = resolvePolicy('il-social-mentorship');
    if (!r.ok) throw new Error('preset');
    expect(canStartGroup(group(12, 15), r.policy).ok).toBe(true);
    expect(canStartGroup(group(11, 15), r.policy).ok).toBe(false);
    expect(canEnrolInGroup(group(14), 'p-1', [], '2026-01-01', r.policy).ok).toBe(true);
    expect(canEnrolInGroup(group(15), 'p-1', [], '2026-01-01', r.policy).ok).toBe(false);
    expect(canAddGroupMeeting(20, r.policy).ok).toBe(false);
  });

  it('already a member; programs without groups refuse', () => {
    expect(canEnrolInGroup(group(3), 'p-100', [], '2026-01-01', FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('MOH-8', 'group_already_member', {})],
    });
    expect(canStartGroup(group(3), fixturePolicy({ groups: null })).ok).toBe(false);
  });
});
