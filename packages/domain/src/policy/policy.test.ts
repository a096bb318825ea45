import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY } from './fixture';
import { PRESET_IDS, PRESETS } from './presets';
import { deepMerge, resolvePolicy } from './resolve';
import { zPolicy } from './schema';

const preset = (id: (typeof PRESET_IDS)[number]) => {
  const r = resolvePolicy(id);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.policy;
};

describe('presets', () => {
  it('every preset and the fixture are valid policies', () => {
    for (const id of PRESET_IDS) expect(zPolicy.safeParse(PRESETS[id]).success).toBe(true);
    expect(zPolicy.safeParse(FIXTURE_POLICY).success).toBe(true);
  });

  describe('P1 il-social-mentorship', () => {
    const p = preset('il-social-mentorship');
    it('MOH-3: the Israeli preset caps a week at 3 hours and 2 visits, in-person visits only, weeks from Sunday', () => {
      expect(p.timeZone).toBe('Asia/Jerusalem');
      expect(p.weekStartsOn).toBe('sunday');
      expect(p.weeklyCap).toEqual({
        ruleId: 'MOH-3',
        maxHours: 3,
        maxVisits: 2,
        countedModes: ['in_person'],
        overrideRole: 'coordinator',
      });
    });
    it('MOH-1: a coordinator-approved match and a plan with at least one goal', () => {
      expect(p.matchApproval).toEqual({ ruleId: 'MOH-1', approverRole: 'coordinator' });
      expect(p.plan).toEqual({ ruleId: 'MOH-1', minGoals: 1 });
    });
    it('MOH-2: twelve support domains', () => {
      expect(p.supportDomains?.ruleId).toBe('MOH-2');
      expect(p.supportDomains?.domains).toHaveLength(12);
      expect(p.supportDomains?.domains).toContain('education_employment');
    });
    it('MOH-4: a 3-month trial reviewed by the coordinator', () => {
      expect(p.trial).toMatchObject({ ruleId: 'MOH-4', months: 3, reviewerRole: 'coordinator' });
    });
    it('MOH-5: two years by default; the committee approves extensions', () => {
      expect(p.duration).toMatchObject({
        ruleId: 'MOH-5',
        defaultMonths: 24,
        extensionApproverRole: 'committee',
      });
    });
    it('MOH-6: at most 36 months in total', () => {
      expect(p.totalDurationCap).toMatchObject({ ruleId: 'MOH-6', maxMonths: 36 });
    });
    it('MOH-7: virtual video/phone up to 3 hours a week; beyond 3 months the district coordinator (committee) approves', () => {
      expect(p.virtual).toMatchObject({
        ruleId: 'MOH-7',
        modes: ['video', 'phone'],
        maxHoursPerWeek: 3,
        approvalHorizonMonths: 3,
        approverRole: 'committee',
      });
    });
    it('MOH-8 and MOH-9: groups of 12–15 people, 15–20 one-hour meetings, one group per service period', () => {
      expect(p.groups).toEqual({
        ruleId: 'MOH-8',
        minParticipants: 12,
        maxParticipants: 15,
        minMeetings: 15,
        maxMeetings: 20,
        meetingMinutes: 60,
        onePerServicePeriod: { ruleId: 'MOH-9' },
      });
    });
    it('MOH-10, MOH-11, MOH-12, MOH-13: mentor at least 21, same language, not family, trained', () => {
      expect(p.mentorMinAge).toEqual({ ruleId: 'MOH-10', years: 21 });
      expect(p.culturalMatch).toEqual({ ruleId: 'MOH-11', sharedLanguageRequired: true });
      expect(p.mentorNotFamily).toEqual({ ruleId: 'MOH-12' });
      expect(p.training).toEqual({ ruleId: 'MOH-13' });
    });
    it('MOH-15: suspended after 3 months of hospitalization, renewal 14 days before discharge', () => {
      expect(p.hospitalization).toEqual({
        ruleId: 'MOH-15',
        suspendAfterMonths: 3,
        renewalOpensDaysBeforeDischarge: 14,
      });
    });
    it('MOH-16: participants waiting for a replacement mentor are flagged', () => {
      expect(p.rematch?.ruleId).toBe('MOH-16');
    });
    it('has no consent, briefing or finance rule', () => {
      expect(p.consent).toBeUndefined();
      expect(p.briefing).toBeUndefined();
      expect(p.finance).toBeUndefined();
    });
  });

  describe('P2 il-community-mentors', () => {
    const p = preset('il-community-mentors');
    it('CM-1: 50 hours of training before the first placement', () => {
      expect(p.training).toEqual({ ruleId: 'CM-1', requiredHours: 50 });
    });
    it('CM-3: service users are 16 or older', () => {
      expect(p.participantMinAge).toEqual({ ruleId: 'CM-3', years: 16 });
    });
    it('CM-4: every risk observation alerts the coordinator at once', () => {
      expect(p.riskReferral).toMatchObject({
        ruleId: 'CM-4',
        alertRole: 'coordinator',
        immediateSeverities: ['low', 'medium', 'high', 'immediate'],
      });
      expect(p.riskReferral?.emergencyGuidance?.map((s) => s.phone)).toEqual([
        undefined,
        '101',
        '1201',
        undefined,
      ]);
    });
    it('CM-2: weekly field work in Israeli weeks', () => {
      expect(p.contactRhythm).toEqual({ kind: 'weekly', ruleId: 'CM-2' });
      expect(p.weekStartsOn).toBe('sunday');
    });
    it('has no weekly cap, trial or mentor age rule', () => {
      expect(p.weeklyCap).toBeUndefined();
      expect(p.trial).toBeUndefined();
      expect(p.mentorMinAge).toBeUndefined();
    });
  });

  describe('P3 dk-rampen', () => {
    const p = preset('dk-rampen');
    it('runs in Copenhagen with Monday weeks', () => {
      expect(p.timeZone).toBe('Europe/Copenhagen');
      expect(p.weekStartsOn).toBe('monday');
    });
    it('RAMP-1: consent before a match; RAMP-4: briefing before the first contact', () => {
      expect(p.consent).toEqual({ ruleId: 'RAMP-1' });
      expect(p.briefing).toEqual({ ruleId: 'RAMP-4' });
    });
    it('RAMP-3: the plan needs an employment goal', () => {
      expect(p.plan?.requiredDomains).toEqual([{ ruleId: 'RAMP-3', domain: 'employment' }]);
    });
    it('RAMP-5: contact rhythm is agreed per mentorship', () => {
      expect(p.contactRhythm).toEqual({ kind: 'agreed', ruleId: 'RAMP-5' });
    });
  });

  describe('P4 lv-siva-remote', () => {
    const p = preset('lv-siva-remote');
    it('SIVA-2: a daily check-in in Riga time', () => {
      expect(p.timeZone).toBe('Europe/Riga');
      expect(p.contactRhythm).toEqual({ kind: 'daily', ruleId: 'SIVA-2' });
    });
    it('SIVA-5: contact by email, phone or messenger', () => {
      expect(p.contactModes).toEqual(['email', 'phone', 'messenger']);
    });
  });

  describe('P5 dk-municipal-mentor', () => {
    const p = preset('dk-municipal-mentor');
    it('MUNI-6: the state refunds 50 % of wages and training, outside the ceiling, chapter 23 excluded', () => {
      expect(p.finance).toEqual({
        ruleId: 'MUNI-6',
        refundShare: 0.5,
        refundableCosts: ['mentor_wages', 'mentor_training'],
        excludedTargetGroups: ['vulnerable_young_unemployed'],
        outsideRefundCeiling: true,
      });
    });
    it('MUNI-2: contacts can be accompaniment to authorities, doctor, psychologist, physiotherapist', () => {
      expect(p.accompaniment?.types).toEqual([
        'authority_meeting',
        'letters',
        'doctor',
        'psychologist',
        'physiotherapist',
        'other',
      ]);
    });
    it('MUNI-1: the mentor roles are support domains', () => {
      expect(p.supportDomains?.ruleId).toBe('MUNI-1');
      expect(p.supportDomains?.domains).toContain('system_guide');
    });
  });
});

describe('resolvePolicy', () => {
  it('deep-merges overrides into the preset', () => {
    const r = resolvePolicy('il-social-mentorship', { weeklyCap: { maxHours: 4 } });
    expect(r.ok && r.policy.weeklyCap).toEqual({
      ruleId: 'MOH-3',
      maxHours: 4,
      maxVisits: 2,
      countedModes: ['in_person'],
      overrideRole: 'coordinator',
    });
  });

  it('replaces arrays and removes a section given null', () => {
    const r = resolvePolicy('il-social-mentorship', { contactModes: ['in_person'], virtual: null });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.contactModes).toEqual(['in_person']);
    expect(r.policy.virtual).toBeUndefined();
  });

  it('adds a section the preset lacks', () => {
    const r = resolvePolicy('lv-siva-remote', { consent: { ruleId: 'RAMP-1' } });
    expect(r.ok && r.policy.consent).toEqual({ ruleId: 'RAMP-1' });
  });

  it('returns field errors with dotted paths for invalid values and unknown keys', () => {
    const r = resolvePolicy('dk-rampen', {
      timeZone: 'Mars/Olympus',
      weeklyCap: { maxHours: -1 },
      colour: 'red',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path).sort();
    expect(paths).toContain('timeZone');
    expect(paths).toContain('');
    expect(paths.some((p) => p.startsWith('weeklyCap'))).toBe(true);
  });

  it('refuses an unknown preset and non-object overrides', () => {
    expect(resolvePolicy('xx')).toEqual({
      ok: false,
      errors: [{ path: 'presetId', message: 'unknown preset' }],
    });
    expect(resolvePolicy('dk-rampen', [1]).ok).toBe(false);
  });

  it('checks bounds across fields', () => {
    const r = resolvePolicy('il-social-mentorship', { groups: { minParticipants: 20 } });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([{ path: 'groups.minParticipants', message: 'more than maxParticipants' }]);
  });

  it('does not mutate the preset', () => {
    resolvePolicy('il-social-mentorship', { weeklyCap: { maxHours: 9 } });
    expect(PRESETS['il-social-mentorship'].weeklyCap?.maxHours).toBe(3);
  });

  it('deepMerge leaves the base alone when there is no override', () => {
    expect(deepMerge({ a: 1 }, undefined)).toEqual({ a: 1 });
  });
});
