import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY, fixturePolicy } from '../policy/fixture';
import type { PresetId } from '../policy/presets';
import { resolvePolicy } from '../policy/resolve';
import { refuse } from '../refusal';
import { checkWeeklyCaps, weeksOverCap, weekTotals } from './caps';
import type { Contact } from './contact';
import { lastReachedAt, validateContact } from './contact';

const contact = (startsAt: string, over: Partial<Contact> = {}): Contact => ({
  startsAt: new Date(startsAt),
  durationMinutes: 60,
  mode: 'in_person',
  reached: true,
  domains: [],
  specialActivity: false,
  ...over,
});
const preset = (id: PresetId) => {
  const r = resolvePolicy(id);
  if (!r.ok) throw new Error(id);
  return r.policy;
};
const IL = preset('il-social-mentorship');

describe('weekly caps with the neutral fixture (Copenhagen, Monday weeks, 3 h / 2 visits)', () => {
  it('MOH-3: exactly 3 hours in a week is within the cap', () => {
    const r = checkWeeklyCaps(
      [contact('2026-02-02T09:00:00Z', { durationMinutes: 120 })],
      contact('2026-02-04T09:00:00Z', { durationMinutes: 60 }),
      FIXTURE_POLICY,
    );
    expect(r.withinCaps).toBe(true);
    expect(r.overCap).toEqual([]);
    expect(r.after.cappedMinutes).toBe(180);
  });

  it('MOH-3: one minute over 3 hours is over the cap, overridable by the coordinator', () => {
    const r = checkWeeklyCaps(
      [contact('2026-02-02T09:00:00Z', { durationMinutes: 120 })],
      contact('2026-02-04T09:00:00Z', { durationMinutes: 61 }),
      FIXTURE_POLICY,
    );
    expect(r.withinCaps).toBe(false);
    expect(r.overrideRole).toBe('coordinator');
    expect(r.overCap).toEqual([
      refuse('MOH-3', 'weekly_hours_cap_exceeded', {
        weekStart: '2026-02-02',
        usedHours: 2,
        addedHours: 1.02,
        capHours: 3,
      }),
    ]);
  });

  it('MOH-3: a third visit in a week is over the visit cap even within the hours', () => {
    const r = checkWeeklyCaps(
      [
        contact('2026-02-02T09:00:00Z', { durationMinutes: 30 }),
        contact('2026-02-03T09:00:00Z', { durationMinutes: 30 }),
      ],
      contact('2026-02-05T09:00:00Z', { durationMinutes: 30 }),
      FIXTURE_POLICY,
    );
    expect(r.overCap).toEqual([
      refuse('MOH-3', 'weekly_visits_cap_exceeded', { weekStart: '2026-02-02', visits: 2, capVisits: 2 }),
    ]);
  });

  it('MOH-3: contacts of the previous program week do not count (Sunday 23:59 vs Monday 00:00 in Copenhagen)', () => {
    const sundayLate = contact('2026-02-08T22:59:00Z', { durationMinutes: 180 }); // Sun 23:59 local
    const mondayStart = contact('2026-02-08T23:00:00Z', { durationMinutes: 180 }); // Mon 00:00 local
    const r = checkWeeklyCaps([sundayLate], mondayStart, FIXTURE_POLICY);
    expect(r.week.startDate).toBe('2026-02-09');
    expect(r.withinCaps).toBe(true);
    const same = checkWeeklyCaps(
      [sundayLate],
      contact('2026-02-08T21:00:00Z', { durationMinutes: 30 }),
      FIXTURE_POLICY,
    );
    expect(same.withinCaps).toBe(false);
  });

  it('MOH-3: unreached visits and phone calls do not count toward the in-person cap', () => {
    const r = checkWeeklyCaps(
      [
        contact('2026-02-02T09:00:00Z', { durationMinutes: 180, reached: false }),
        contact('2026-02-03T09:00:00Z', { durationMinutes: 180, mode: 'messenger' }),
      ],
      contact('2026-02-04T09:00:00Z', { durationMinutes: 180 }),
      FIXTURE_POLICY,
    );
    expect(r.withinCaps).toBe(true);
  });

  it('MOH-7: video and phone have their own 3-hour weekly cap', () => {
    const existing = [contact('2026-02-02T09:00:00Z', { mode: 'video', durationMinutes: 150 })];
    expect(
      checkWeeklyCaps(
        existing,
        contact('2026-02-03T09:00:00Z', { mode: 'phone', durationMinutes: 30 }),
        FIXTURE_POLICY,
      ).withinCaps,
    ).toBe(true);
    const over = checkWeeklyCaps(
      existing,
      contact('2026-02-03T09:00:00Z', { mode: 'phone', durationMinutes: 45 }),
      FIXTURE_POLICY,
    );
    expect(over.overCap).toEqual([
      refuse('MOH-7', 'weekly_virtual_cap_exceeded', {
        weekStart: '2026-02-02',
        usedHours: 2.5,
        addedHours: 0.75,
        capHours: 3,
      }),
    ]);
  });

  it('MOH-3: a contact that does not add to a capped total is never refused, even in a week already over', () => {
    const existing = [contact('2026-02-02T09:00:00Z', { durationMinutes: 240, capOverrideReason: 'crisis' })];
    const r = checkWeeklyCaps(
      existing,
      contact('2026-02-03T09:00:00Z', { mode: 'email', durationMinutes: 10 }),
      FIXTURE_POLICY,
    );
    expect(r.withinCaps).toBe(true);
  });

  it('MOH-3: special-activity hours are tracked and still count toward the cap', () => {
    const t = weekTotals(
      [
        contact('2026-02-02T09:00:00Z', { durationMinutes: 90, specialActivity: true }),
        contact('2026-02-03T09:00:00Z', { durationMinutes: 60 }),
        contact('2026-02-03T12:00:00Z', { durationMinutes: 20, mode: 'video', specialActivity: true }),
      ],
      FIXTURE_POLICY,
    );
    expect(t).toEqual({
      cappedMinutes: 150,
      visits: 2,
      virtualMinutes: 20,
      specialActivityMinutes: 110,
      totalMinutes: 170,
      reachedContacts: 3,
    });
  });

  it('a program without caps never refuses', () => {
    const r = checkWeeklyCaps(
      [],
      contact('2026-02-02T09:00:00Z', { durationMinutes: 600 }),
      fixturePolicy({ weeklyCap: null, virtual: null }),
    );
    expect(r).toMatchObject({ withinCaps: true, overCap: [], overrideRole: null });
  });

  it('MOH-3: lists weeks over a cap, oldest first, and whether an override reason was recorded', () => {
    const weeks = weeksOverCap(
      [
        contact('2026-02-10T09:00:00Z', { durationMinutes: 200 }),
        contact('2026-02-02T09:00:00Z', { durationMinutes: 120 }),
        contact('2026-02-03T09:00:00Z', { durationMinutes: 120, capOverrideReason: 'court hearing' }),
        contact('2026-02-17T09:00:00Z', { durationMinutes: 60 }),
        contact('2026-02-18T09:00:00Z', { mode: 'video', durationMinutes: 200 }),
      ],
      FIXTURE_POLICY,
    );
    expect(weeks.map((w) => [w.week.startDate, w.ruleIds, w.overridden])).toEqual([
      ['2026-02-02', ['MOH-3'], true],
      ['2026-02-09', ['MOH-3'], false],
      ['2026-02-16', ['MOH-7'], false],
    ]);
  });
});

describe('weekly caps with the presets', () => {
  it('MOH-3: the Israeli preset counts from Sunday 00:00 Jerusalem time — Saturday 23:59 belongs to the previous week', () => {
    const saturdayLate = contact('2026-01-17T21:59:00Z', { durationMinutes: 180 }); // Sat 23:59 local
    expect(
      checkWeeklyCaps([saturdayLate], contact('2026-01-17T22:00:00Z', { durationMinutes: 180 }), IL)
        .withinCaps,
    ).toBe(true);
    expect(
      checkWeeklyCaps([saturdayLate], contact('2026-01-17T21:00:00Z', { durationMinutes: 1 }), IL).withinCaps,
    ).toBe(false);
  });

  it('MOH-3: the Israeli week across the spring DST change (27 March 2026) still caps at 3 hours', () => {
    const r = checkWeeklyCaps(
      [contact('2026-03-22T08:00:00Z', { durationMinutes: 150 })], // Sunday 22 March, winter time
      contact('2026-03-28T20:30:00Z', { durationMinutes: 30 }), // Sat 23:30 summer time, still the week of 22 March
      IL,
    );
    expect(r.week.startDate).toBe('2026-03-22');
    expect(r.withinCaps).toBe(true);
    expect(r.after.cappedMinutes).toBe(180);
  });

  it('MOH-7: the Israeli preset caps video and phone at 3 hours a week', () => {
    const r = checkWeeklyCaps(
      [contact('2026-01-11T08:00:00Z', { mode: 'video', durationMinutes: 180 })],
      contact('2026-01-12T08:00:00Z', { mode: 'phone', durationMinutes: 5 }),
      IL,
    );
    expect(r.overCap.map((x) => x.ruleId)).toEqual(['MOH-7']);
  });

  it('SIVA-5: the Latvian preset has no caps and logs email, phone and messenger only', () => {
    const lv = preset('lv-siva-remote');
    expect(
      checkWeeklyCaps([], contact('2026-01-12T08:00:00Z', { mode: 'phone', durationMinutes: 600 }), lv)
        .withinCaps,
    ).toBe(true);
    expect(validateContact(contact('2026-01-12T08:00:00Z', { mode: 'in_person' }), lv)).toEqual({
      ok: false,
      refusals: [refuse('API-01', 'contact_mode_not_offered', { mode: 'in_person' })],
    });
    expect(
      validateContact(
        contact('2026-01-12T08:00:00Z', { mode: 'messenger', domains: ['wellbeing'], wellbeing: 4 }),
        lv,
      ).ok,
    ).toBe(true);
  });
});

describe('validateContact', () => {
  it('MUNI-2: accompaniment types come from the program', () => {
    const p5 = preset('dk-municipal-mentor');
    expect(
      validateContact(contact('2026-01-12T08:00:00Z', { accompanimentType: 'physiotherapist' }), p5).ok,
    ).toBe(true);
    expect(
      validateContact(
        contact('2026-01-12T08:00:00Z', { accompanimentType: 'physiotherapist' }),
        FIXTURE_POLICY,
      ),
    ).toEqual({
      ok: false,
      refusals: [refuse('MUNI-2', 'accompaniment_type_not_offered', { type: 'physiotherapist' })],
    });
  });

  it('MOH-2: contact domains come from the program list', () => {
    expect(
      validateContact(contact('2026-01-12T08:00:00Z', { domains: ['recovery', 'magic'] }), FIXTURE_POLICY),
    ).toEqual({
      ok: false,
      refusals: [refuse('MOH-2', 'unknown_support_domain', { domain: 'magic' })],
    });
  });

  it('wellbeing is 1–5 and a reached contact has a duration', () => {
    const r = validateContact(
      contact('2026-01-12T08:00:00Z', { wellbeing: 0, durationMinutes: 0 }),
      FIXTURE_POLICY,
    );
    expect(r.ok ? [] : r.refusals.map((x) => x.code)).toEqual([
      'contact_duration_invalid',
      'contact_wellbeing_out_of_range',
    ]);
    expect(
      validateContact(contact('2026-01-12T08:00:00Z', { reached: false, durationMinutes: 0 }), FIXTURE_POLICY)
        .ok,
    ).toBe(true);
  });

  it('finds the last reached contact', () => {
    expect(
      lastReachedAt([
        contact('2026-01-12T08:00:00Z'),
        contact('2026-01-14T08:00:00Z', { reached: false }),
        contact('2026-01-13T08:00:00Z'),
      ]),
    ).toEqual(new Date('2026-01-13T08:00:00Z'));
    expect(lastReachedAt([])).toBeNull();
  });
});
