import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY } from '../policy/fixture';
import { checkWeeklyCaps } from './caps';
import type { Contact } from './contact';

// Monday 2 February 2026 09:00 Copenhagen, plus up to six days.
const visit = (day: number, durationMinutes: number): Contact => ({
  startsAt: new Date(Date.UTC(2026, 1, 2 + day, 8)),
  durationMinutes,
  mode: 'in_person',
  reached: true,
  domains: [],
  specialActivity: false,
});
const visitArb = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 240 }));

describe('weekly cap properties (fixture: 3 h, 2 visits)', () => {
  it('MOH-3: a new visit is refused exactly when the week would pass 180 minutes or 2 visits', () => {
    fc.assert(
      fc.property(fc.array(visitArb, { maxLength: 4 }), visitArb, (existing, [day, minutes]) => {
        const r = checkWeeklyCaps(
          existing.map(([d, m]) => visit(d, m)),
          visit(day, minutes),
          FIXTURE_POLICY,
        );
        const total = existing.reduce((s, [, m]) => s + m, 0) + minutes;
        expect(r.overCap.some((x) => x.code === 'weekly_hours_cap_exceeded')).toBe(total > 180);
        expect(r.overCap.some((x) => x.code === 'weekly_visits_cap_exceeded')).toBe(existing.length + 1 > 2);
        expect(r.withinCaps).toBe(total <= 180 && existing.length + 1 <= 2);
      }),
      { numRuns: 300 },
    );
  });

  it('MOH-3: the order of the existing contacts does not matter', () => {
    fc.assert(
      fc.property(fc.array(visitArb, { maxLength: 5 }), visitArb, (existing, [day, minutes]) => {
        const list = existing.map(([d, m]) => visit(d, m));
        const a = checkWeeklyCaps(list, visit(day, minutes), FIXTURE_POLICY);
        const b = checkWeeklyCaps([...list].reverse(), visit(day, minutes), FIXTURE_POLICY);
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});
