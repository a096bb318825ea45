import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDate, programWeek, WEEKDAYS } from './zone';

const ZONES = ['Asia/Jerusalem', 'Europe/Copenhagen', 'Europe/Riga', 'America/Santiago', 'Pacific/Chatham'];
// 2024-01-01 … 2030-12-31, to the millisecond.
const instant = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) })
  .map((ms) => new Date(ms));

describe('program week properties', () => {
  it('every instant lies in its week, which starts on the week-start day at local midnight and spans 7 local days', () => {
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom(...ZONES),
        fc.constantFrom(...WEEKDAYS),
        (at, zone, weekStartsOn) => {
          const week = programWeek(at, zone, weekStartsOn);
          expect(week.start.getTime()).toBeLessThanOrEqual(at.getTime());
          expect(at.getTime()).toBeLessThan(week.end.getTime());
          expect(localDate(week.start, zone)).toBe(week.startDate);
          expect(DateTime.fromISO(week.startDate).weekday).toBe(WEEKDAYS.indexOf(weekStartsOn) + 1);
          expect(daysBetween(week.startDate, localDate(week.end, zone))).toBe(7);
          const hours = (week.end.getTime() - week.start.getTime()) / 3_600_000;
          expect(hours).toBeGreaterThanOrEqual(167);
          expect(hours).toBeLessThanOrEqual(169);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('consecutive weeks meet without a gap or an overlap', () => {
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom(...ZONES),
        fc.constantFrom(...WEEKDAYS),
        (at, zone, weekStartsOn) => {
          const week = programWeek(at, zone, weekStartsOn);
          const next = programWeek(week.end, zone, weekStartsOn);
          expect(next.start).toEqual(week.end);
          expect(next.startDate).toBe(addDays(week.startDate, 7));
        },
      ),
      { numRuns: 300 },
    );
  });
});
