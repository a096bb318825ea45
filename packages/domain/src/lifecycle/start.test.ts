import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY, fixturePolicy } from '../policy/fixture';
import type { PresetId } from '../policy/presets';
import { resolvePolicy } from '../policy/resolve';
import { refuse } from '../refusal';
import { buildFacts, buildMatch, buildMentor, buildParticipant, buildPlan } from './builders';
import { canStart } from './start';

// Noon on 15 January 2026 in Copenhagen (the fixture's zone).
const NOW = new Date('2026-01-15T11:00:00Z');
const preset = (id: PresetId) => {
  const r = resolvePolicy(id);
  if (!r.ok) throw new Error(id);
  return r.policy;
};
const codes = (d: ReturnType<typeof canStart>) =>
  d.ok ? [] : d.refusals.map((r) => `${r.ruleId} ${r.code}`);

describe('canStart with the neutral fixture', () => {
  it('MOH-1: an approved match with a one-goal plan starts a 3-month trial and a 24-month plan', () => {
    expect(canStart(buildFacts(), FIXTURE_POLICY, NOW)).toEqual({
      ok: true,
      value: {
        state: 'trial',
        mentorId: 'u-mentor',
        startedOn: '2026-01-15',
        trialStartedOn: '2026-01-15',
        trialReviewDueOn: '2026-04-15',
        plannedEndOn: '2028-01-14',
        lastAllowedDay: '2029-01-14',
      },
    });
  });

  it('MOH-1: a match not approved by the coordinator cannot start', () => {
    expect(
      canStart(buildFacts({ match: buildMatch({ approvedByRole: 'mentor' }) }), FIXTURE_POLICY, NOW),
    ).toEqual({
      ok: false,
      refusals: [refuse('MOH-1', 'match_not_approved', { approverRole: 'coordinator' })],
    });
    expect(codes(canStart(buildFacts({ match: null }), FIXTURE_POLICY, NOW))).toEqual([
      'MOH-1 match_missing',
    ]);
  });

  it('MOH-1: a plan without goals cannot start', () => {
    expect(codes(canStart(buildFacts({ plan: buildPlan([]) }), FIXTURE_POLICY, NOW))).toEqual([
      'MOH-1 plan_too_few_goals',
    ]);
  });

  it('RAMP-1: no documented consent, no match', () => {
    const noConsent = buildFacts({ participant: buildParticipant({ consentGivenOn: null }) });
    expect(codes(canStart(noConsent, FIXTURE_POLICY, NOW))).toEqual(['RAMP-1 consent_missing']);
    const future = buildFacts({ participant: buildParticipant({ consentGivenOn: '2026-01-16' }) });
    expect(codes(canStart(future, FIXTURE_POLICY, NOW))).toEqual(['RAMP-1 consent_missing']);
  });

  it('MOH-10: a mentor turning 21 tomorrow is too young today; on the birthday the match may start', () => {
    const young = buildFacts({ mentor: buildMentor({ birthDate: '2005-01-16' }) });
    expect(canStart(young, FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [refuse('MOH-10', 'mentor_too_young', { age: 20, minAge: 21 })],
    });
    const birthday = buildFacts({ mentor: buildMentor({ birthDate: '2005-01-15' }) });
    expect(canStart(birthday, FIXTURE_POLICY, NOW).ok).toBe(true);
    const unknown = buildFacts({ mentor: buildMentor({ birthDate: null }) });
    expect(codes(canStart(unknown, FIXTURE_POLICY, NOW))).toEqual(['MOH-10 mentor_birth_date_missing']);
  });

  it('CM-3: a participant of 15 is too young; 16 today is old enough', () => {
    const p15 = buildFacts({ participant: buildParticipant({ birthDate: '2010-01-16' }) });
    expect(canStart(p15, FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [refuse('CM-3', 'participant_too_young', { age: 15, minAge: 16 })],
    });
    const p16 = buildFacts({ participant: buildParticipant({ birthDate: '2010-01-15' }) });
    expect(canStart(p16, FIXTURE_POLICY, NOW).ok).toBe(true);
  });

  it('MOH-13: training must be completed before the first match, with the required hours', () => {
    const untrained = buildFacts({ mentor: buildMentor({ trainingCompletedOn: null }) });
    expect(codes(canStart(untrained, FIXTURE_POLICY, NOW))).toEqual(['MOH-13 mentor_training_incomplete']);
    const short = buildFacts({ mentor: buildMentor({ trainingHours: 9 }) });
    expect(canStart(short, FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [refuse('MOH-13', 'mentor_training_hours_short', { hours: 9, requiredHours: 10 })],
    });
  });

  it('MOH-12: a family member cannot be the mentor', () => {
    const family = buildFacts({ mentor: buildMentor({ familyOf: ['p-1'] }) });
    expect(codes(canStart(family, FIXTURE_POLICY, NOW))).toEqual(['MOH-12 mentor_is_family']);
  });

  it('lists every unmet rule at once', () => {
    const all = buildFacts({
      match: buildMatch({ approvedOn: null }),
      plan: null,
      participant: buildParticipant({ consentGivenOn: null, birthDate: '2012-01-01' }),
      mentor: buildMentor({ birthDate: '2010-01-01', trainingCompletedOn: null, familyOf: ['p-1'] }),
    });
    expect(codes(canStart(all, FIXTURE_POLICY, NOW))).toEqual([
      'MOH-1 match_not_approved',
      'MOH-1 plan_missing',
      'RAMP-1 consent_missing',
      'MOH-10 mentor_too_young',
      'CM-3 participant_too_young',
      'MOH-13 mentor_training_incomplete',
      'MOH-12 mentor_is_family',
    ]);
  });

  it('MOH-6: a person who used the whole 3 years cannot start again', () => {
    const used = buildFacts({ serviceHistory: [{ from: '2022-01-10', to: '2025-01-09' }] });
    expect(canStart(used, FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [
        refuse('MOH-6', 'total_duration_cap_reached', { maxMonths: 36, lastAllowedDay: '2026-01-14' }),
      ],
    });
  });

  it('MOH-6: earlier service shortens the planned end to the last day the cap allows', () => {
    // 20 months used (2023-01-01 … 2024-08-31 = 609 days); the cap from 2023-01-01 is 1 096 days.
    const facts = buildFacts({ serviceHistory: [{ from: '2023-01-01', to: '2024-08-31' }] });
    const d = canStart(facts, FIXTURE_POLICY, NOW);
    expect(d.ok && d.value.lastAllowedDay).toBe('2027-05-16'); // 15 Jan 2026 + 486 days
    expect(d.ok && d.value.plannedEndOn).toBe('2027-05-16');
  });

  it('MOH-16: a new mentor keeps the first start day and planned end, and starts a new trial', () => {
    const rematch = buildFacts({
      mentorship: { startedOn: '2025-06-01', plannedEndOn: '2027-05-31', awaitingSince: '2026-01-02' },
      serviceHistory: [{ from: '2025-06-01', to: '2026-01-02' }],
    });
    const d = canStart(rematch, FIXTURE_POLICY, NOW);
    expect(d.ok && d.value).toMatchObject({
      state: 'trial',
      startedOn: '2025-06-01',
      trialStartedOn: '2026-01-15',
      trialReviewDueOn: '2026-04-15',
      plannedEndOn: '2027-05-31',
    });
  });

  it('only a mentorship awaiting a match can start', () => {
    expect(canStart(buildFacts({ mentorship: { state: 'active' } }), FIXTURE_POLICY, NOW)).toEqual({
      ok: false,
      refusals: [refuse('PLATFORM-4', 'action_not_available', { action: 'start', state: 'active' })],
    });
  });

  it('a program without a trial starts active', () => {
    const d = canStart(buildFacts(), fixturePolicy({ trial: null }), NOW);
    expect(d.ok && d.value.state).toBe('active');
    expect(d.ok && d.value.trialReviewDueOn).toBeNull();
  });
});

describe('canStart with the presets', () => {
  it('CM-1: the Community Mentors preset needs 50 training hours', () => {
    const p2 = preset('il-community-mentors');
    const d = canStart(buildFacts({ mentor: buildMentor({ trainingHours: 49 }), plan: null }), p2, NOW);
    expect(d).toEqual({
      ok: false,
      refusals: [refuse('CM-1', 'mentor_training_hours_short', { hours: 49, requiredHours: 50 })],
    });
  });

  it('CM-3: the Community Mentors preset serves people from 16', () => {
    const p2 = preset('il-community-mentors');
    const d = canStart(buildFacts({ participant: buildParticipant({ birthDate: '2010-02-01' }) }), p2, NOW);
    expect(codes(d)).toEqual(['CM-3 participant_too_young']);
  });

  it('MOH-10: the Israeli preset refuses a 20-year-old mentor', () => {
    const p1 = preset('il-social-mentorship');
    const d = canStart(
      buildFacts({ mentor: buildMentor({ birthDate: '2005-06-01' }), plan: buildPlan([['recovery']]) }),
      p1,
      NOW,
    );
    expect(codes(d)).toEqual(['MOH-10 mentor_too_young']);
  });

  it('RAMP-1 and RAMP-3: Rampen needs consent and an employment goal', () => {
    const p3 = preset('dk-rampen');
    const d = canStart(
      buildFacts({ participant: buildParticipant({ consentGivenOn: null }), plan: buildPlan([['leisure']]) }),
      p3,
      NOW,
    );
    expect(codes(d)).toEqual(['RAMP-3 plan_required_domain_missing', 'RAMP-1 consent_missing']);
  });

  it('SIVA-1: the Latvian preset starts active (no trial, no plan rule) once the coordinator allocated the mentor', () => {
    const d = canStart(buildFacts({ plan: null }), preset('lv-siva-remote'), NOW);
    expect(d.ok && d.value).toMatchObject({ state: 'active', plannedEndOn: null, lastAllowedDay: null });
  });
});
