import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, localDate, programWeek, WEEKDAYS } from './zone';

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

// Every zone this runtime knows: the remembered days must agree with a fresh conversion in all of them.
const ALL_ZONES = Intl.supportedValuesOf('timeZone');

describe('remembered days and plain day arithmetic agree with Luxon', () => {
  it('localDate, asked again and for a nearby instant, is the day Luxon gives, in every zone from 1900 to 2100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -900_000, max: 900_000 }),
        fc.constantFrom(...ALL_ZONES),
        (ms, step, zone) => {
          for (const t of [ms, ms, ms + step]) {
            const expected = DateTime.fromMillis(t, { zone }).toISODate();
            expect(localDate(new Date(t), zone)).toBe(expected);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('localDate is right on both sides of every local midnight of 2026, in the programs’ zones and zones with odd offsets or clock changes at midnight', () => {
    for (const zone of [
      ...ZONES,
      'America/New_York',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Asia/Tehran',
    ]) {
      let dt = DateTime.fromISO('2026-01-01T00:00', { zone });
      for (let i = 0; i < 366; i++, dt = dt.plus({ days: 1 })) {
        const midnight = dt.startOf('day').toMillis();
        for (const t of [midnight - 1, midnight, midnight + 1, midnight + 3 * 3_600_000]) {
          expect(localDate(new Date(t), zone)).toBe(DateTime.fromMillis(t, { zone }).toISODate());
        }
      }
    }
  });

  it('addMonths and daysBetween are Luxon’s calendar arithmetic, month ends and leap years included', () => {
    fc.assert(
      fc.property(
        // From the year 20, so that 5,000 days back is still a year Luxon writes with four digits.
        fc.integer({ min: -61_500_000_000_000, max: Date.UTC(9980, 0, 1) }),
        fc.integer({ min: -120, max: 120 }),
        fc.integer({ min: -5000, max: 5000 }),
        (ms, months, days) => {
          const date = DateTime.fromMillis(ms, { zone: 'UTC' }).toISODate()!;
          const luxon = DateTime.fromISO(date, { zone: 'UTC' });
          expect(addMonths(date, months)).toBe(luxon.plus({ months }).toISODate());
          const other = luxon.plus({ days }).toISODate()!;
          expect(daysBetween(date, other)).toBe(days);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('addDays is Luxon’s calendar arithmetic, including leap days and the years 1–99', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -62_135_596_800_000, max: Date.UTC(9998, 0, 1) }), // 0001-01-01 …
        fc.integer({ min: -4000, max: 4000 }),
        (ms, days) => {
          const date = DateTime.fromMillis(ms, { zone: 'UTC' }).toISODate()!;
          expect(addDays(date, days)).toBe(
            DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate(),
          );
        },
      ),
      { numRuns: 3000 },
    );
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('0050-03-01', -1)).toBe('0050-02-28');
    expect(() => addDays('2026-04-31', 1)).toThrow(RangeError);
  });
});
