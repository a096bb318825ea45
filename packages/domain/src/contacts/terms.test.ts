import { describe, expect, it } from 'vitest';
import { PRESETS } from '../policy/presets';
import { validateContact } from './contact';
import { ACCOMPANIMENT_TYPES } from './modes';
import { agreeRhythm, agreesOwnRhythm, contactTerms, modeWithin } from './terms';

const terms = (id: keyof typeof PRESETS) => contactTerms(PRESETS[id]);

describe('what a contact records in each program', () => {
  it('SIVA-5: the Latvian program logs e-mail, phone and messenger, and starts on e-mail, not in person', () => {
    const t = terms('lv-siva-remote');
    expect(t.modes).toEqual(['email', 'phone', 'messenger']);
    expect(t.defaultMode).toBe('email');
    expect(modeWithin(t, 'in_person')).toBe('email');
    expect(modeWithin(t, 'phone')).toBe('phone');
  });

  it('SIVA-5: every mode offered passes the contact rules; one not offered is refused', () => {
    const policy = PRESETS['lv-siva-remote'];
    const contact = (mode: (typeof policy.contactModes)[number] | 'in_person') =>
      validateContact(
        {
          startsAt: new Date(),
          durationMinutes: 15,
          mode,
          reached: true,
          domains: [],
          specialActivity: false,
        },
        policy,
      ).ok;
    expect(contactTerms(policy).modes.every(contact)).toBe(true);
    expect(contact('in_person')).toBe(false);
  });

  it('MUNI-1, MUNI-2: the municipal program offers e-mail, its own domains and the kinds of accompaniment', () => {
    const t = terms('dk-municipal-mentor');
    expect(t.modes).toContain('email');
    expect(t.domainsRuleId).toBe('MUNI-1');
    expect(t.domains).toContain('system_guide');
    expect(t.accompanimentRuleId).toBe('MUNI-2');
    // Meetings with authorities, letters, doctor, psychologist, physiotherapist: every kind there is.
    expect(t.accompanimentTypes).toEqual(ACCOMPANIMENT_TYPES);
  });

  it('MOH-2, MOH-3: the Israeli program tags its support domains and marks special activities on visits only', () => {
    const t = terms('il-social-mentorship');
    expect(t.domainsRuleId).toBe('MOH-2');
    expect(t.domains).toHaveLength(12);
    expect(t.specialActivityModes).toEqual(['in_person']);
    expect(t.specialActivityRuleId).toBe('MOH-3');
    expect(t.accompanimentTypes).toEqual([]);
    expect(t.modes).not.toContain('email');
  });

  it('a program without a weekly cap or domains offers neither (Community Mentors)', () => {
    const t = terms('il-community-mentors');
    expect(t.domains).toEqual([]);
    expect(t.specialActivityModes).toEqual([]);
    expect(t.defaultMode).toBe('in_person');
  });

  it('RAMP-5: only Rampen lets the pair agree its own rhythm', () => {
    const agreeing = Object.entries(PRESETS)
      .filter(([, p]) => agreesOwnRhythm(p))
      .map(([id]) => id);
    expect(agreeing).toEqual(['dk-rampen']);
  });

  it('RAMP-5: a pair agrees its interval in Rampen; elsewhere the refusal names the rule that sets the rhythm', () => {
    expect(agreeRhythm(10, PRESETS['dk-rampen'])).toEqual({ ok: true, value: 10 });
    const weekly = agreeRhythm(10, PRESETS['il-social-mentorship']);
    expect(weekly).toEqual({
      ok: false,
      refusals: [
        { kind: 'refusal', ruleId: 'MOH-3', code: 'rhythm_set_by_program', params: { rhythm: 'weekly' } },
      ],
    });
    const daily = agreeRhythm(10, PRESETS['lv-siva-remote']);
    expect(daily.ok ? null : daily.refusals[0]).toMatchObject({
      ruleId: 'SIVA-2',
      params: { rhythm: 'daily' },
    });
  });
});
