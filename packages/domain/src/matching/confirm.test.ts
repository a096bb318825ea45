import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../policy/resolve';
import type { Policy } from '../policy/schema';
import { type ConfirmParticipant, confirmationRefusals } from './confirm';
import type { MentorProfile } from './types';

const P1 = ((r) => {
  if (!r.ok) throw new Error('preset');
  return r.policy;
})(resolvePolicy('il-social-mentorship')) as Policy;
const ON = '2026-11-23';

const person = (id: string, over: Partial<ConfirmParticipant> = {}): ConfirmParticipant => ({
  id,
  birthDate: '1990-05-01',
  languages: [{ code: 'he', level: 5 }],
  sector: null,
  gender: 'female',
  preferredMentorGender: 'any',
  place: null,
  modePreference: 'either',
  needs: [],
  interests: [],
  availability: [],
  consentGiven: true,
  openMentorship: null,
  ...over,
});
const mentor = (id: string, over: Partial<MentorProfile> = {}): MentorProfile => ({
  id,
  birthDate: '1980-01-01',
  languages: [{ code: 'he', level: 5 }],
  sector: null,
  gender: 'female',
  profession: null,
  place: null,
  travelRadiusKm: 10,
  availability: [],
  capacity: 2,
  activeMentees: 0,
  interests: [],
  domainStrengths: [],
  trainingCompletedOn: '2025-01-01',
  trainingHours: 0,
  familyOf: [],
  active: true,
  ...over,
});
const check = (
  pairs: [string, string][],
  people: ConfirmParticipant[],
  mentors: MentorProfile[],
  policy: Policy = P1,
) =>
  confirmationRefusals(
    pairs.map(([participantId, mentorId]) => ({ participantId, mentorId })),
    new Map(people.map((p) => [p.id, p])),
    new Map(mentors.map((m) => [m.id, m])),
    policy,
    ON,
  );
const rules = (out: ReturnType<typeof check>) => out.map((r) => [r.index, r.refusals.map((x) => x.ruleId)]);

describe('confirming a cohort allocation', () => {
  it('eligible pairs within capacity pass', () => {
    expect(
      check(
        [
          ['a', 'm'],
          ['b', 'm'],
        ],
        [person('a'), person('b')],
        [mentor('m')],
      ),
    ).toEqual([]);
  });

  it('capacity counts the mentees already held and the pairs before in the same confirmation', () => {
    const out = check(
      [
        ['a', 'm'],
        ['b', 'm'],
      ],
      [person('a'), person('b')],
      [mentor('m', { capacity: 2, activeMentees: 1 })],
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ index: 1, participantId: 'b', mentorId: 'm' });
    expect(out[0]!.refusals[0]).toMatchObject({
      ruleId: 'MATCH-CAPACITY',
      code: 'mentor_at_capacity',
      params: { capacity: 2, activeMentees: 2 },
    });
  });

  it('MOH-12: a family tie declared since the proposal refuses the pair, naming the rule', () => {
    const out = check([['a', 'm']], [person('a')], [mentor('m', { familyOf: ['a'] })]);
    expect(rules(out)).toEqual([[0, ['MOH-12']]]);
  });

  it('MOH-13 and MOH-10: training withdrawn and a mentor under 21 are named together', () => {
    const out = check(
      [['a', 'm']],
      [person('a')],
      [mentor('m', { trainingCompletedOn: null, birthDate: '2008-01-01' })],
    );
    expect(rules(out)).toEqual([[0, ['MOH-10', 'MOH-13']]]);
  });

  it('MOH-11: no shared language is refused', () => {
    const out = check([['a', 'm']], [person('a', { languages: [{ code: 'ar', level: 5 }] })], [mentor('m')]);
    expect(rules(out)).toEqual([[0, ['MOH-11']]]);
  });

  it('RAMP-1: a participant without documented consent cannot be matched in a program that requires it', () => {
    const rampen = resolvePolicy('dk-rampen');
    if (!rampen.ok) throw new Error('preset');
    const out = check([['a', 'm']], [person('a', { consentGiven: false })], [mentor('m')], rampen.policy);
    expect(out[0]!.refusals.map((r) => r.ruleId)).toContain('RAMP-1');
  });

  it('a person already in a mentorship cannot get a second one', () => {
    const out = check(
      [['a', 'm']],
      [person('a', { openMentorship: { id: 'ms1', state: 'trial', mentorId: 'm0' } })],
      [mentor('m')],
    );
    expect(out[0]!.refusals[0]).toMatchObject({
      code: 'participant_has_open_mentorship',
      params: { mentorshipId: 'ms1', state: 'trial' },
    });
  });

  it('MOH-16: a mentorship waiting for a new mentor takes one; a proposed match still waiting to start does not', () => {
    const waiting = person('a', { openMentorship: { id: 'ms1', state: 'awaiting_match', mentorId: null } });
    const proposed = person('b', { openMentorship: { id: 'ms2', state: 'awaiting_match', mentorId: 'm0' } });
    const out = check(
      [
        ['a', 'm'],
        ['b', 'm'],
      ],
      [waiting, proposed],
      [mentor('m')],
    );
    expect(rules(out)).toEqual([[1, ['PLATFORM-4']]]);
    expect(out[0]!.refusals[0]).toMatchObject({
      code: 'participant_has_open_mentorship',
      params: { mentorshipId: 'ms2', state: 'awaiting_match' },
    });
  });

  it('MATCH-CAPACITY: a rematch takes a place like a new match; the third pair for a mentor of two is refused', () => {
    const waiting = (id: string) =>
      person(id, { openMentorship: { id: `ms-${id}`, state: 'awaiting_match', mentorId: null } });
    const out = check(
      [
        ['a', 'm'],
        ['b', 'm'],
        ['c', 'm'],
      ],
      [waiting('a'), person('b'), waiting('c')],
      [mentor('m', { capacity: 2 })],
    );
    expect(rules(out)).toEqual([[2, ['MATCH-CAPACITY']]]);
  });

  it('a pair naming someone not loaded is a programming error, not a silent pass', () => {
    expect(() => check([['a', 'x']], [person('a')], [mentor('m')])).toThrow(RangeError);
  });
});
