import type { Policy } from '../policy/schema';
import {
  addDays,
  addMonths,
  daysBetween,
  endOfLocalDay,
  type LocalDate,
  maxDate,
  minDate,
  startOfLocalDay,
} from '../time/zone';
import type { Hospitalization, Mentorship, ServicePeriod } from './facts';
import type { MentorshipState } from './states';

/**
 * The dates every program clock runs on, in calendar days of the program's
 * zone. A period of N months from day S covers S … addMonths(S, N) − 1 day.
 */

export type Severity = 'info' | 'due' | 'overdue';

export interface Deadline {
  readonly ruleId: string;
  /** The day by which the thing is due (inclusive). */
  readonly dueOn: LocalDate;
  /** The instant the due day ends: overdue from then on. */
  readonly dueAt: Date;
  /** 'info' before the notice window, 'due' inside it, 'overdue' after `dueAt`. */
  readonly severity: Severity;
}

export function deadlineOf(
  ruleId: string,
  dueOn: LocalDate,
  noticeDays: number,
  zone: string,
  now: Date,
): Deadline {
  const dueAt = endOfLocalDay(dueOn, zone);
  const noticeFrom = startOfLocalDay(addDays(dueOn, -noticeDays), zone);
  const severity: Severity = now >= dueAt ? 'overdue' : now >= noticeFrom ? 'due' : 'info';
  return { ruleId, dueOn, dueAt, severity };
}

// ── MOH-4 trial ────────────────────────────────────────────────────────────

/** The trial review is due on the day the trial has lasted its months: 15 Jan + 3 months → 15 Apr. */
export function trialReviewDueOn(m: Pick<Mentorship, 'trialStartedOn'>, policy: Policy): LocalDate | null {
  if (!policy.trial || !m.trialStartedOn) return null;
  return addMonths(m.trialStartedOn, policy.trial.months);
}

export function trialReviewDeadline(m: Mentorship, policy: Policy, now: Date): Deadline | null {
  const dueOn = trialReviewDueOn(m, policy);
  if (!policy.trial || !dueOn || m.state !== 'trial' || m.trialReviewedOn) return null;
  return deadlineOf(policy.trial.ruleId, dueOn, policy.trial.noticeDays, policy.timeZone, now);
}

// ── MOH-5 planned end ─────────────────────────────────────────────────────

/** Last planned day for a mentorship starting on `startedOn`: 24 months from 15 Jan 2026 → 14 Jan 2028. */
export function defaultPlannedEndOn(startedOn: LocalDate, policy: Policy): LocalDate | null {
  if (!policy.duration) return null;
  return addDays(addMonths(startedOn, policy.duration.defaultMonths), -1);
}

const SERVING: readonly MentorshipState[] = ['trial', 'active'];

export function plannedEndDeadline(m: Mentorship, policy: Policy, now: Date): Deadline | null {
  if (!policy.duration || !m.plannedEndOn || !SERVING.includes(m.state)) return null;
  return deadlineOf(
    policy.duration.ruleId,
    m.plannedEndOn,
    policy.duration.endNoticeDays,
    policy.timeZone,
    now,
  );
}

// ── MOH-6 total duration across all mentorships of a person ────────────────

export interface TotalCapStatus {
  readonly ruleId: string;
  readonly maxMonths: number;
  /** Days the cap allows: N months counted from the person's first day of service. */
  readonly capDays: number;
  /** Service days used up to and including today. */
  readonly usedDays: number;
  /** The last day the ongoing period (or one starting today) may run; before today when the cap is used up. */
  readonly lastAllowedDay: LocalDate;
  /** No day of service is left from today on. */
  readonly reached: boolean;
}

/** Union of periods as inclusive day ranges (overlaps counted once), ongoing periods cut at `until`. */
function merged(periods: readonly ServicePeriod[], until: LocalDate): Array<[LocalDate, LocalDate]> {
  const ranges = periods
    .map((p): [LocalDate, LocalDate] => [p.from, p.to ?? until])
    .filter(([a, b]) => a <= b)
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: Array<[LocalDate, LocalDate]> = [];
  for (const [a, b] of ranges) {
    const last = out.at(-1);
    if (last && a <= addDays(last[1], 1)) last[1] = maxDate(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const countDays = (ranges: Array<[LocalDate, LocalDate]>) =>
  ranges.reduce((n, [a, b]) => n + daysBetween(a, b) + 1, 0);

/**
 * MOH-6: a person's service across mentors and restarts never exceeds the cap.
 * The cap in days is N months from the first day of service (36 months from
 * 1 Mar 2026 = 1 096 days), so one unbroken mentorship may run to the day
 * before the same date N months later (28 Feb 2029). Days of earlier periods
 * are subtracted from what the ongoing period (or a new one starting today)
 * may use. Suspended time is not service: close the period at suspension.
 */
export function totalCapStatus(
  history: readonly ServicePeriod[],
  policy: Policy,
  today: LocalDate,
): TotalCapStatus | null {
  const rule = policy.totalDurationCap;
  if (!rule) return null;
  const open = history.filter((p) => p.to === null).sort((a, b) => (a.from < b.from ? 1 : -1))[0];
  const periodStart = open ? open.from : today;
  const closedBefore = history.filter((p) => p !== open).map((p) => ({ from: p.from, to: p.to ?? today }));
  const earlier = merged(
    closedBefore
      .filter((p) => p.from < periodStart)
      .map((p) => ({ from: p.from, to: minDate(p.to, addDays(periodStart, -1)) })),
    today,
  );
  const firstDay = earlier[0]?.[0] ?? periodStart;
  const capDays = daysBetween(firstDay, addMonths(firstDay, rule.maxMonths));
  const usedBefore = countDays(earlier);
  const lastAllowedDay = addDays(periodStart, capDays - usedBefore - 1);
  const usedDays = countDays(merged(history, today));
  return {
    ruleId: rule.ruleId,
    maxMonths: rule.maxMonths,
    capDays,
    usedDays,
    lastAllowedDay,
    reached: lastAllowedDay < today,
  };
}

export function totalCapDeadline(
  history: readonly ServicePeriod[],
  policy: Policy,
  now: Date,
  today: LocalDate,
): Deadline | null {
  const status = totalCapStatus(history, policy, today);
  if (!status || !policy.totalDurationCap || !history.some((p) => p.to === null)) return null;
  return deadlineOf(
    status.ruleId,
    status.lastAllowedDay,
    policy.totalDurationCap.noticeDays,
    policy.timeZone,
    now,
  );
}

/**
 * Service periods from a state log: each stretch in trial or active, from the
 * day it began to the day it ended (both counted, erring toward the cap).
 */
export function servicePeriodsFromLog(
  log: ReadonlyArray<{ readonly state: MentorshipState; readonly on: LocalDate }>,
): ServicePeriod[] {
  const out: ServicePeriod[] = [];
  let openFrom: LocalDate | null = null;
  for (const entry of log) {
    const serving = SERVING.includes(entry.state);
    if (serving && openFrom === null) openFrom = entry.on;
    if (!serving && openFrom !== null) {
      out.push({ from: openFrom, to: entry.on });
      openFrom = null;
    }
  }
  if (openFrom !== null) out.push({ from: openFrom, to: null });
  return out;
}

// ── MOH-7 virtual horizon ──────────────────────────────────────────────────

/** First day of virtual service that needs an approved continuation (virtualSince + horizon months). */
export function virtualHorizonOn(m: Mentorship, policy: Policy): LocalDate | null {
  if (!policy.virtual || m.mode !== 'virtual' || !m.virtualSince) return null;
  return addMonths(m.virtualSince, policy.virtual.approvalHorizonMonths);
}

/** MOH-7: on this day, does virtual service need an approval it does not have? */
export function virtualContinuationMissing(m: Mentorship, policy: Policy, day: LocalDate): boolean {
  const horizon = virtualHorizonOn(m, policy);
  if (!horizon || day < horizon) return false;
  return !(m.virtualApprovedUntil && day <= m.virtualApprovedUntil);
}

export function virtualContinuationDeadline(m: Mentorship, policy: Policy, now: Date): Deadline | null {
  const horizon = virtualHorizonOn(m, policy);
  if (!policy.virtual || !horizon || !SERVING.includes(m.state)) return null;
  const lastCovered =
    m.virtualApprovedUntil && m.virtualApprovedUntil >= horizon ? m.virtualApprovedUntil : null;
  const dueOn = lastCovered ?? addDays(horizon, -1);
  return deadlineOf(policy.virtual.ruleId, dueOn, policy.virtual.noticeDays, policy.timeZone, now);
}

// ── MOH-15 hospitalization ─────────────────────────────────────────────────

export interface HospitalizationClock {
  readonly ruleId: string;
  /** First day the service is discontinued: the day after the Nth month of hospitalization. */
  readonly suspendFrom: LocalDate;
  /** First day renewal is possible (N days before the expected discharge); null when not known. */
  readonly renewalOpensOn: LocalDate | null;
}

export function hospitalizationClock(h: Hospitalization, policy: Policy): HospitalizationClock | null {
  const rule = policy.hospitalization;
  if (!rule) return null;
  return {
    ruleId: rule.ruleId,
    suspendFrom: addMonths(h.startedOn, rule.suspendAfterMonths),
    renewalOpensOn: h.dischargedOn
      ? h.dischargedOn
      : h.expectedDischargeOn
        ? addDays(h.expectedDischargeOn, -rule.renewalOpensDaysBeforeDischarge)
        : null,
  };
}

/** MOH-15: on this day the hospitalization has lasted past the threshold and the service must be suspended. */
export function mustSuspendForHospitalization(m: Mentorship, policy: Policy, day: LocalDate): boolean {
  const h = m.hospitalization;
  if (!h || (h.dischargedOn && h.dischargedOn <= day)) return false;
  const clock = hospitalizationClock(h, policy);
  return !!clock && day >= clock.suspendFrom;
}
