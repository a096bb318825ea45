import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY, fixturePolicy } from '../policy/fixture';
import { resolvePolicy } from '../policy/resolve';
import { refuse } from '../refusal';
import {
  alertsAtOnce,
  canActOnRisk,
  canChangeReferral,
  emergencyGuidance,
  mayReadRisk,
  riskRuleOf,
} from './risk';

const preset = (id: string) => {
  const r = resolvePolicy(id);
  if (!r.ok) throw new Error(id);
  return r.policy;
};

describe('risk observations (CM-4)', () => {
  it('CM-4: high and immediate alert the coordinator at once; low and medium wait for the list', () => {
    expect(alertsAtOnce('immediate', FIXTURE_POLICY)).toBe(true);
    expect(alertsAtOnce('high', FIXTURE_POLICY)).toBe(true);
    expect(alertsAtOnce('medium', FIXTURE_POLICY)).toBe(false);
    expect(alertsAtOnce('low', FIXTURE_POLICY)).toBe(false);
  });

  it('CM-4: the Community Mentors preset alerts at once for every sign, under its own rule', () => {
    const p = preset('il-community-mentors');
    expect(alertsAtOnce('low', p)).toBe(true);
    expect(riskRuleOf(p)).toBe('CM-4');
  });

  it('a program without a risk section still alerts at once on high and immediate (PLATFORM-8)', () => {
    const p = fixturePolicy({ riskReferral: null });
    expect(alertsAtOnce('high', p)).toBe(true);
    expect(alertsAtOnce('medium', p)).toBe(false);
    expect(riskRuleOf(p)).toBe('PLATFORM-8');
    expect(emergencyGuidance(p, 'en')).toEqual([]);
  });

  it('every preset carries emergency guidance with numbers of its own country, in every language', () => {
    expect(emergencyGuidance(preset('il-social-mentorship'), 'he').map((s) => s.phone)).toEqual([
      null,
      '101',
      '1201',
      null,
    ]);
    expect(emergencyGuidance(preset('lv-siva-remote'), 'lv')[1]).toEqual({
      text: 'Ja kāda dzīvība ir apdraudēta tagad, zvaniet uz ārkārtas tālruni.',
      phone: '112',
    });
    expect(emergencyGuidance(preset('dk-rampen'), 'da')[2]?.phone).toBe('70 201 201');
    expect(emergencyGuidance(preset('dk-municipal-mentor'), 'ar')).toHaveLength(4);
  });

  it('TEN-06: the mentor who wrote it, coordinators and admins read a risk record; nobody else', () => {
    expect(mayReadRisk({ role: 'mentor', userId: 'u1' }, 'u1')).toBe(true);
    expect(mayReadRisk({ role: 'mentor', userId: 'u2' }, 'u1')).toBe(false);
    expect(mayReadRisk({ role: 'coordinator', userId: 'c' }, 'u1')).toBe(true);
    expect(mayReadRisk({ role: 'admin', userId: 'a' }, 'u1')).toBe(true);
    for (const role of ['participant', 'committee', 'evaluator'] as const) {
      expect(mayReadRisk({ role, userId: 'u1' }, 'u1')).toBe(false);
    }
  });

  it('CM-4: a referral is tracked to an outcome, and an outcome is final', () => {
    expect(canChangeReferral('referred', 'accepted', FIXTURE_POLICY).ok).toBe(true);
    expect(canChangeReferral('accepted', 'completed', FIXTURE_POLICY).ok).toBe(true);
    expect(canChangeReferral('accepted', 'referred', FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('CM-4', 'referral_transition_not_allowed', { from: 'accepted', to: 'referred' })],
    });
    expect(canChangeReferral('completed', 'declined', FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('CM-4', 'referral_status_final', { status: 'completed' })],
    });
  });

  it('CM-4: a closed observation takes no more actions or referrals', () => {
    expect(canActOnRisk('referred', FIXTURE_POLICY).ok).toBe(true);
    expect(canActOnRisk('closed', FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('CM-4', 'risk_observation_closed', {})],
    });
  });
});
