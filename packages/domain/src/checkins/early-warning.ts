import type { Policy } from '../policy/schema';
import { addDays, daysBetween, type LocalDate } from '../time/zone';

export interface DailyCheckIn {
  readonly day: LocalDate;
  readonly wellbeing: number;
}

export interface WellbeingWarning {
  readonly ruleId: string;
  /** `low_streak`: consecutive days at 1; `drop`: the moving average fell. */
  readonly reason: 'low_streak' | 'drop';
  /** First and last day of the recent window. */
  readonly since: LocalDate;
  readonly lastDay: LocalDate;
  /** Rounded to two decimals, for the sentence. */
  readonly recentAverage: number;
  readonly baselineAverage: number | null;
}

/** Check-ins older than this many days before today are not read at all. */
export const LOOKBACK_DAYS = 28;
/** A pattern whose newest check-in is older than this many days raises no fresh warning. */
export const STALE_AFTER_DAYS = 7;
/** The baseline is at most this many check-ins just before the recent window. */
export const BASELINE_MAX = 7;

const round2 = (n: number) => Math.round(n * 100) / 100;
const sum = (xs: readonly DailyCheckIn[]) => xs.reduce((s, c) => s + c.wellbeing, 0);

/**
 * Early warning on a participant's own daily check-ins (SIVA-2), read on
 * program day `today`. Defined precisely, with the program's numbers
 * (`wellbeingWarning` in the policy; SIVA: 3 check-ins, 1.5 points, 3 days):
 *
 * - Only check-ins from `today − 28 days` to `today` count, one per day.
 * - The recent window R is the `recentCheckIns` newest of them. If there are
 *   fewer, or the newest is more than 7 days before today, there is no warning.
 * - The baseline B is the check-ins just before R, at most 7 of them; it needs
 *   at least `recentCheckIns` of its own.
 * - **Low streak**: the newest `lowStreakDays` check-ins are all 1 and lie on
 *   consecutive program days → warning `low_streak` (needs no baseline).
 * - **Sustained drop**: average(B) − average(R) ≥ `dropPoints` → warning `drop`.
 *   Compared in integers (sum(B)·|R| − sum(R)·|B| ≥ dropPoints·|B|·|R|), so a
 *   fall of exactly 1.5 counts and 1.49… does not.
 * A low streak is reported before a drop when both hold. Returns null without
 * the policy section.
 */
export function earlyWarning(
  checkIns: readonly DailyCheckIn[],
  today: LocalDate,
  policy: Policy,
): WellbeingWarning | null {
  const rule = policy.wellbeingWarning;
  if (!rule) return null;
  const from = addDays(today, -LOOKBACK_DAYS);
  const byDay = new Map<LocalDate, DailyCheckIn>();
  for (const c of checkIns) if (c.day >= from && c.day <= today) byDay.set(c.day, c);
  const newestFirst = [...byDay.values()].sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  const n = rule.recentCheckIns;
  const recent = newestFirst.slice(0, n);
  const newest = recent[0];
  if (recent.length < n || !newest || daysBetween(newest.day, today) > STALE_AFTER_DAYS) return null;
  const baseline = newestFirst.slice(n, n + BASELINE_MAX);
  const oldestRecent = recent[recent.length - 1]!;
  const base = {
    ruleId: rule.ruleId,
    since: oldestRecent.day,
    lastDay: newest.day,
    recentAverage: round2(sum(recent) / recent.length),
    baselineAverage: baseline.length >= n ? round2(sum(baseline) / baseline.length) : null,
  };

  const streak = newestFirst.slice(0, rule.lowStreakDays);
  const last = streak[streak.length - 1];
  if (
    last &&
    streak.length === rule.lowStreakDays &&
    streak.every((c) => c.wellbeing === 1) &&
    daysBetween(last.day, streak[0]!.day) === rule.lowStreakDays - 1
  ) {
    return { ...base, reason: 'low_streak' };
  }
  if (baseline.length < n) return null;
  const fall = sum(baseline) * recent.length - sum(recent) * baseline.length;
  if (fall >= rule.dropPoints * baseline.length * recent.length) return { ...base, reason: 'drop' };
  return null;
}
