import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY, fixturePolicy } from '../policy/fixture';
import { refuse } from '../refusal';
import { addDays } from '../time/zone';
import { canCheckIn, canEditCheckIn, checkInDayOf } from './check-in';
import { type DailyCheckIn, earlyWarning } from './early-warning';

const TODAY = '2026-04-15';
/** Check-ins on consecutive days ending `end` (oldest first). */
const days = (scores: number[], end = TODAY): DailyCheckIn[] =>
  scores.map((wellbeing, i) => ({ day: addDays(end, i - scores.length + 1), wellbeing }));

describe('SIVA-2 early warning: a sustained drop in the 3-check-in moving average', () => {
  it('SIVA-2: a fall of exactly 1.5 points against the check-ins before is a warning', () => {
    // baseline 5,4,4,5 → 4.5; recent 3,3,3 → 3.0: a fall of 1.5.
    expect(earlyWarning(days([5, 4, 4, 5, 3, 3, 3]), TODAY, FIXTURE_POLICY)).toEqual({
      ruleId: 'SIVA-2',
      reason: 'drop',
      since: '2026-04-13',
      lastDay: TODAY,
      recentAverage: 3,
      baselineAverage: 4.5,
    });
  });

  it('SIVA-2: a fall just under 1.5 points (1.4) is not', () => {
    // baseline 5,5,4,4,4 → 4.4; recent 3,3,3 → 3.0.
    expect(earlyWarning(days([5, 5, 4, 4, 4, 3, 3, 3]), TODAY, FIXTURE_POLICY)).toBeNull();
  });

  it('SIVA-2: the baseline needs at least three check-ins of its own', () => {
    expect(earlyWarning(days([5, 5, 2, 2, 2]), TODAY, FIXTURE_POLICY)).toBeNull();
    expect(earlyWarning(days([5, 5, 5, 2, 2, 2]), TODAY, FIXTURE_POLICY)?.reason).toBe('drop');
  });

  it('SIVA-2: the baseline is the 7 check-ins just before the window; older good days do not count', () => {
    // Eight days at 2 then 5,5,5… no: older 5s are beyond the 7 baseline check-ins.
    const history = days([5, 5, 5, 5, 2, 2, 2, 2, 2, 2, 2, 1, 1, 2]);
    expect(earlyWarning(history, TODAY, FIXTURE_POLICY)).toBeNull();
  });

  it('SIVA-2: a gap in the days does not matter for the drop: it is the latest check-ins that count', () => {
    const gappy = [
      { day: '2026-04-01', wellbeing: 5 },
      { day: '2026-04-03', wellbeing: 5 },
      { day: '2026-04-06', wellbeing: 4 },
      { day: '2026-04-09', wellbeing: 2 },
      { day: '2026-04-12', wellbeing: 3 },
      { day: '2026-04-14', wellbeing: 2 },
    ];
    expect(earlyWarning(gappy, TODAY, FIXTURE_POLICY)).toMatchObject({
      reason: 'drop',
      since: '2026-04-09',
      lastDay: '2026-04-14',
      baselineAverage: 4.67,
      recentAverage: 2.33,
    });
  });

  it('SIVA-2: a pattern whose newest check-in is 7 days old still warns; 8 days old does not', () => {
    const ending = (end: string) => days([5, 5, 5, 3, 3, 3], end);
    expect(earlyWarning(ending(addDays(TODAY, -7)), TODAY, FIXTURE_POLICY)?.reason).toBe('drop');
    expect(earlyWarning(ending(addDays(TODAY, -8)), TODAY, FIXTURE_POLICY)).toBeNull();
  });

  it('SIVA-2: a recovery breaks the warning: the newest check-ins decide', () => {
    expect(earlyWarning(days([5, 5, 5, 3, 3, 3, 5]), TODAY, FIXTURE_POLICY)).toBeNull();
  });
});

describe('SIVA-2 early warning: three consecutive days at 1', () => {
  it('SIVA-2: three check-ins at 1 on three consecutive days is a warning, even without a baseline', () => {
    expect(earlyWarning(days([1, 1, 1]), TODAY, FIXTURE_POLICY)).toEqual({
      ruleId: 'SIVA-2',
      reason: 'low_streak',
      since: '2026-04-13',
      lastDay: TODAY,
      recentAverage: 1,
      baselineAverage: null,
    });
  });

  it('SIVA-2: two days at 1 are not; three at 1 with a day missing between are not a streak', () => {
    expect(earlyWarning(days([1, 1]), TODAY, FIXTURE_POLICY)).toBeNull();
    const withGap = [
      { day: '2026-04-12', wellbeing: 1 },
      { day: '2026-04-14', wellbeing: 1 },
      { day: '2026-04-15', wellbeing: 1 },
    ];
    expect(earlyWarning(withGap, TODAY, FIXTURE_POLICY)).toBeNull();
    expect(earlyWarning(days([1, 2, 1]), TODAY, FIXTURE_POLICY)).toBeNull();
  });

  it('a streak is reported before a drop when both hold; without the policy section nothing is', () => {
    expect(earlyWarning(days([5, 5, 5, 1, 1, 1]), TODAY, FIXTURE_POLICY)?.reason).toBe('low_streak');
    expect(earlyWarning(days([1, 1, 1]), TODAY, fixturePolicy({ wellbeingWarning: null }))).toBeNull();
  });

  it('the program sets the numbers: a drop of 2 points with a 2-check-in window', () => {
    const strict = fixturePolicy({ wellbeingWarning: { recentCheckIns: 2, dropPoints: 2 } });
    expect(earlyWarning(days([5, 5, 3, 3]), TODAY, strict)?.reason).toBe('drop');
    expect(earlyWarning(days([5, 4, 3, 3]), TODAY, strict)).toBeNull();
  });
});

describe('SIVA-2: one check-in per program day, edited that day only', () => {
  it('SIVA-2: the day is the program’s calendar day (Copenhagen), not UTC', () => {
    expect(checkInDayOf(new Date('2026-04-15T22:30:00Z'), FIXTURE_POLICY)).toBe('2026-04-16');
  });

  it('SIVA-2: a second check-in the same day is refused; the first can be edited until local midnight', () => {
    expect(canCheckIn(null, FIXTURE_POLICY).ok).toBe(true);
    expect(canCheckIn({ id: 'c1' }, FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('SIVA-2', 'check_in_exists_today', { checkInId: 'c1' })],
    });
    expect(canEditCheckIn('2026-04-15', new Date('2026-04-15T21:59:59Z'), FIXTURE_POLICY).ok).toBe(true);
    expect(canEditCheckIn('2026-04-15', new Date('2026-04-15T22:00:00Z'), FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('SIVA-2', 'check_in_day_closed', { day: '2026-04-15' })],
    });
  });
});
