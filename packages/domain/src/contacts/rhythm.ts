import type { Policy } from '../policy/schema';
import {
  addDays,
  daysBetween,
  endOfLocalDay,
  type LocalDate,
  localDate,
  programWeek,
  programWeekOfDate,
  startOfLocalDay,
} from '../time/zone';

export type RhythmKind = 'daily' | 'weekly' | 'agreed';

export interface RhythmStatus {
  readonly ruleId: string;
  readonly kind: RhythmKind;
  /** The interval in days for an agreed rhythm; null otherwise. */
  readonly everyDays: number | null;
  /** Contact is behind the rhythm (daily: not reached today; weekly: not this week; agreed: interval passed). */
  readonly lapsed: boolean;
  /** 'due': only the current day/week is still open; 'overdue': a whole day/week/interval was missed. */
  readonly severity: 'due' | 'overdue' | null;
  /** First instant without the expected contact. */
  readonly lapsedSince: Date | null;
  /** By when the next reached contact is expected. */
  readonly dueAt: Date;
  /** Whole days (daily, agreed) or weeks (weekly) missed before the current one. */
  readonly missed: number;
}

export interface RhythmInput {
  readonly lastReachedAt: Date | null;
  /** When the rhythm started to apply (the mentorship's start); contact is expected from then. */
  readonly since: Date;
  /** Interval agreed between participant and mentor (RAMP-5); the policy default applies when null. */
  readonly agreedEveryDays?: number | null;
}

/**
 * RAMP-5 / SIVA-2: is contact behind the program's rhythm?
 * - daily: every program-calendar day needs a reached contact; on a day
 *   without one yet the status is 'due' ("not reached today"), and 'overdue'
 *   once a whole day passed without one.
 * - weekly: every program week needs one, likewise per week.
 * - agreed every N days: the next contact is due by the end of day N after the
 *   last one (or after the start), 'overdue' from then.
 * Returns null when the program has no rhythm or none was agreed.
 */
export function rhythmStatus(input: RhythmInput, policy: Policy, now: Date): RhythmStatus | null {
  const rhythm = policy.contactRhythm;
  if (!rhythm) return null;
  const zone = policy.timeZone;
  const today = localDate(now, zone);
  const { lastReachedAt, since } = input;

  if (rhythm.kind === 'daily') {
    // Days expected: from the start day on; the first unreached day follows the last reached one.
    const firstOpen: LocalDate = lastReachedAt
      ? addDays(localDate(lastReachedAt, zone), 1)
      : localDate(since, zone);
    const dueAt = endOfLocalDay(firstOpen > today ? firstOpen : today, zone);
    if (firstOpen > today) return ok(rhythm.ruleId, 'daily', null, dueAt);
    const missed = daysBetween(firstOpen, today);
    return lapse(rhythm.ruleId, 'daily', null, startOfLocalDay(firstOpen, zone), dueAt, missed);
  }

  if (rhythm.kind === 'weekly') {
    const current = programWeek(now, zone, policy.weekStartsOn);
    const firstOpen = lastReachedAt
      ? programWeekOfDate(
          addDays(programWeek(lastReachedAt, zone, policy.weekStartsOn).startDate, 7),
          zone,
          policy.weekStartsOn,
        )
      : programWeek(since, zone, policy.weekStartsOn);
    if (firstOpen.startDate > current.startDate) return ok(rhythm.ruleId, 'weekly', null, firstOpen.end);
    const missed = daysBetween(firstOpen.startDate, current.startDate) / 7;
    return lapse(rhythm.ruleId, 'weekly', null, firstOpen.start, current.end, missed);
  }

  const everyDays = input.agreedEveryDays ?? rhythm.defaultEveryDays ?? null;
  if (everyDays === null) return null;
  const anchor = localDate(lastReachedAt ?? since, zone);
  const dueAt = endOfLocalDay(addDays(anchor, everyDays), zone);
  if (now < dueAt) return ok(rhythm.ruleId, 'agreed', everyDays, dueAt);
  const missed = daysBetween(addDays(anchor, everyDays + 1), today) + 1;
  return { ...lapse(rhythm.ruleId, 'agreed', everyDays, dueAt, dueAt, missed), severity: 'overdue' };
}

const ok = (ruleId: string, kind: RhythmKind, everyDays: number | null, dueAt: Date): RhythmStatus => ({
  ruleId,
  kind,
  everyDays,
  lapsed: false,
  severity: null,
  lapsedSince: null,
  dueAt,
  missed: 0,
});

const lapse = (
  ruleId: string,
  kind: RhythmKind,
  everyDays: number | null,
  lapsedSince: Date,
  dueAt: Date,
  missed: number,
): RhythmStatus => ({
  ruleId,
  kind,
  everyDays,
  lapsed: true,
  severity: missed > 0 ? 'overdue' : 'due',
  lapsedSince,
  dueAt,
  missed,
});
