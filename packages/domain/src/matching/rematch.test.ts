import { describe, expect, it } from 'vitest';
import { capacityRefusal, placesOf } from './eligibility';
import { formerMentorsOf, placementOf, waitsForMentor } from './rematch';

describe('MOH-16: who a cohort allocation may place', () => {
  it('MOH-16: nobody in a mentorship gets a new one; a mentorship waiting for a mentor is rematched', () => {
    expect(placementOf(null)).toEqual({ kind: 'new' });
    expect(placementOf({ id: 'ms1', state: 'awaiting_match', mentorId: null })).toEqual({
      kind: 'rematch',
      mentorshipId: 'ms1',
    });
  });

  it('MOH-16: a proposed match waiting to start, or a mentorship in service or suspended, holds the person', () => {
    for (const state of ['trial', 'active', 'suspended'] as const) {
      const placed = placementOf({ id: 'ms1', state, mentorId: 'm1' });
      expect(placed).toMatchObject({
        kind: 'held',
        refusal: { code: 'participant_has_open_mentorship', params: { mentorshipId: 'ms1', state } },
      });
    }
    expect(placementOf({ id: 'ms1', state: 'awaiting_match', mentorId: 'm1' }).kind).toBe('held');
    expect(waitsForMentor({ id: 'ms1', state: 'awaiting_match', mentorId: 'm1' })).toBe(false);
  });

  it('MOH-16, MOH-4: mentors who left, were judged a mismatch or ended at the trial review are not proposed again', () => {
    expect(
      formerMentorsOf([
        { mentorId: 'm3', endReason: 'trial_review' },
        { mentorId: 'm1', endReason: 'mismatch' },
        { mentorId: 'm2', endReason: 'mentor_left' },
        { mentorId: 'm1', endReason: 'mentor_left' },
        // A stretch ended some other way (a closure reason, or none recorded) is no verdict on the mentor.
        { mentorId: 'm4', endReason: 'goals_met' },
        { mentorId: 'm5', endReason: null },
      ]),
    ).toEqual(['m1', 'm2', 'm3']);
    expect(formerMentorsOf([])).toEqual([]);
  });
});

describe('MATCH-CAPACITY: the one capacity rule', () => {
  it('MATCH-CAPACITY: places free and mentees over a capacity lowered below the load', () => {
    expect(placesOf({ capacity: 3, activeMentees: 1 })).toEqual({ free: 2, over: 0 });
    expect(placesOf({ capacity: 2, activeMentees: 2 })).toEqual({ free: 0, over: 0 });
    expect(placesOf({ capacity: 1, activeMentees: 3 })).toEqual({ free: 0, over: 2 });
  });

  it('MATCH-CAPACITY: one place left is a yes; a full mentor is refused with capacity and load', () => {
    expect(capacityRefusal({ capacity: 3, activeMentees: 2 })).toBeNull();
    expect(capacityRefusal({ capacity: 3, activeMentees: 3 })).toMatchObject({
      ruleId: 'MATCH-CAPACITY',
      code: 'mentor_at_capacity',
      params: { capacity: 3, activeMentees: 3 },
    });
    // Capacity lowered below the current load: no place, and the refusal says the mentor is over it.
    expect(capacityRefusal({ capacity: 1, activeMentees: 2 })).toMatchObject({
      ruleId: 'MATCH-CAPACITY',
      code: 'mentor_over_capacity',
      params: { capacity: 1, activeMentees: 2 },
    });
    expect(capacityRefusal({ capacity: 0, activeMentees: 0 })?.code).toBe('mentor_at_capacity');
  });
});
