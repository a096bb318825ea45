import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../policy/resolve';
import type { Policy } from '../policy/schema';
import { rankCandidates, setAsideFormerMentors } from './candidates';
import { eligibility } from './eligibility';
import type { MentorProfile, ParticipantProfile } from './profiles';
import { DEFAULT_WEIGHTS, scorePair } from './score';

const policy = (id: string): Policy => {
  const r = resolvePolicy(id);
  if (!r.ok) throw new Error(id);
  return r.policy;
};
const P1 = policy('il-social-mentorship');
const P2 = policy('il-community-mentors');
const P3 = policy('dk-rampen');
const ON = '2026-11-23';

const participant = (over: Partial<ParticipantProfile> = {}): ParticipantProfile => ({
  id: 'p1',
  birthDate: '1990-05-01',
  languages: [
    { code: 'ar', level: 5 },
    { code: 'he', level: 3 },
  ],
  sector: 'arab',
  gender: 'male',
  preferredMentorGender: 'any',
  place: { city: 'Haifa', lat: 32.794, lon: 34.9896 },
  modePreference: 'in_person',
  needs: ['education_employment', 'social_situations'],
  interests: ['football', 'music'],
  availability: [
    { day: 0, hour: 17 },
    { day: 0, hour: 18 },
    { day: 2, hour: 17 },
    { day: 2, hour: 18 },
  ],
  consentGiven: true,
  ...over,
});
const mentor = (over: Partial<MentorProfile> = {}): MentorProfile => ({
  id: 'm1',
  birthDate: '1985-01-01',
  languages: [{ code: 'ar', level: 5 }],
  sector: 'arab',
  gender: 'female',
  profession: 'social_worker',
  place: { city: 'Haifa', lat: 32.81, lon: 35.0 },
  travelRadiusKm: 15,
  availability: [
    { day: 0, hour: 17 },
    { day: 0, hour: 18 },
    { day: 2, hour: 17 },
    { day: 2, hour: 18 },
  ],
  capacity: 2,
  activeMentees: 0,
  interests: ['music'],
  domainStrengths: ['education_employment'],
  trainingCompletedOn: '2025-01-01',
  trainingHours: 60,
  familyOf: [],
  active: true,
  ...over,
});
const rules = (r: ReturnType<typeof eligibility>) => r.map((x) => `${x.ruleId}:${x.code}`);

describe('hard constraints of a match', () => {
  it('MOH-10: a mentor who turns 21 tomorrow is excluded today, and eligible on the birthday', () => {
    const m = mentor({ birthDate: '2005-11-24' });
    expect(rules(eligibility(participant(), m, P1, ON))).toContain('MOH-10:mentor_too_young');
    expect(rules(eligibility(participant(), m, P1, '2026-11-24'))).not.toContain('MOH-10:mentor_too_young');
  });

  it('MOH-13: an untrained mentor is excluded in the Israeli program', () => {
    expect(rules(eligibility(participant(), mentor({ trainingCompletedOn: null }), P1, ON))).toContain(
      'MOH-13:mentor_training_incomplete',
    );
  });

  it('CM-1: Community Mentors need 50 training hours; 49 is not enough', () => {
    expect(rules(eligibility(participant(), mentor({ trainingHours: 49 }), P2, ON))).toContain(
      'CM-1:mentor_training_hours_short',
    );
    expect(rules(eligibility(participant(), mentor({ trainingHours: 50 }), P2, ON))).toEqual([]);
  });

  it('MOH-12: a mentor who declared the participant as family is excluded', () => {
    expect(rules(eligibility(participant(), mentor({ familyOf: ['p1'] }), P1, ON))).toEqual([
      'MOH-12:mentor_is_family',
    ]);
  });

  it('CM-3: a service user must be 16; the day before the 16th birthday is too early', () => {
    const p = participant({ birthDate: '2010-11-24' });
    expect(rules(eligibility(p, mentor(), P2, ON))).toEqual(['CM-3:participant_too_young']);
    expect(rules(eligibility(p, mentor(), P2, '2026-11-24'))).toEqual([]);
  });

  it('RAMP-1: without the citizen’s consent there is no match in Rampen', () => {
    expect(rules(eligibility(participant({ consentGiven: false }), mentor(), P3, ON))).toEqual([
      'RAMP-1:consent_missing',
    ]);
  });

  it('MOH-11: at least one shared language is required in the Israeli program', () => {
    expect(
      rules(eligibility(participant(), mentor({ languages: [{ code: 'ru', level: 5 }] }), P1, ON)),
    ).toEqual(['MOH-11:no_shared_language']);
  });

  it('a mentor at capacity or inactive is excluded', () => {
    expect(rules(eligibility(participant(), mentor({ activeMentees: 2 }), P1, ON))).toEqual([
      'MATCH-CAPACITY:mentor_at_capacity',
    ]);
    expect(rules(eligibility(participant(), mentor({ active: false }), P1, ON))).toEqual([
      'MATCH-ACTIVE:mentor_inactive',
    ]);
  });
});

describe('explained score', () => {
  it('the parts add up to the total and say why: shared Arabic, kilometres, common hours, same sector', () => {
    const s = scorePair(participant(), mentor(), { ...DEFAULT_WEIGHTS });
    expect(s.parts.reduce((sum, p) => sum + p.points, 0)).toBe(s.total);
    const part = (c: string) => s.parts.find((p) => p.criterion === c)!;
    expect(part('language').params).toEqual({ language: 'ar', level: 5 });
    expect(part('sector').params).toMatchObject({ same: true });
    expect(part('availability').params).toEqual({ hours: 4 });
    expect(part('distance').params.km).toBe(2);
    expect(part('interests').params).toMatchObject({ shared: 'music', count: 1 });
  });

  it('ranks candidates by score and lists excluded mentors with their rules', () => {
    const far = mentor({ id: 'm2', place: { city: 'Eilat', lat: 29.55, lon: 34.95 }, sector: null });
    const young = mentor({ id: 'm3', birthDate: '2007-01-01' });
    const r = rankCandidates(participant(), [far, mentor(), young], P1, ON);
    expect(r.candidates.map((c) => c.mentorId)).toEqual(['m1', 'm2']);
    expect(r.excluded).toEqual([
      { mentorId: 'm3', refusals: [expect.objectContaining({ ruleId: 'MOH-10' })] },
    ]);
  });
});

describe('MOH-16: former mentors in the candidate list', () => {
  const pool = [
    mentor({ id: 'm1' }),
    mentor({ id: 'm2', place: { city: 'Eilat', lat: 29.55, lon: 34.95 } }),
    mentor({ id: 'm3', trainingCompletedOn: null }),
    mentor({ id: 'm4', sector: null }),
  ];
  const ranked = rankCandidates(participant(), pool, P1, ON);

  it('MOH-16: a former mentor is ruled out by default, with the score they would have had', () => {
    const r = setAsideFormerMentors(ranked, ['m4', 'm1']);
    expect(r.candidates.map((c) => c.mentorId)).toEqual(['m2']);
    expect(r.ruledOutByDefault.map((c) => c.mentorId)).toEqual(['m1', 'm4']);
    expect(r.ruledOutByDefault[0]!.score).toEqual(ranked.candidates.find((c) => c.mentorId === 'm1')!.score);
  });

  it('MOH-16: allowed again, a former mentor takes their place in the ranking', () => {
    const r = setAsideFormerMentors(ranked, ['m4', 'm1'], ['m1']);
    expect(r.candidates.map((c) => c.mentorId)).toEqual(['m1', 'm2']);
    expect(r.ruledOutByDefault.map((c) => c.mentorId)).toEqual(['m4']);
  });

  it('MOH-13, MOH-16: a former mentor a hard rule excludes stays excluded with the rule, not ruled out by default', () => {
    const r = setAsideFormerMentors(ranked, ['m3'], ['m3']);
    expect(r.ruledOutByDefault).toEqual([]);
    expect(r.excluded).toEqual([
      { mentorId: 'm3', refusals: [expect.objectContaining({ ruleId: 'MOH-13' })] },
    ]);
    expect(setAsideFormerMentors(ranked, ['m3']).ruledOutByDefault).toEqual([]);
  });

  it('without former mentors the list is the ranking itself', () => {
    expect(setAsideFormerMentors(ranked, [])).toEqual({ ...ranked, ruledOutByDefault: [] });
  });
});
