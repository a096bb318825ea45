import type { Policy } from '../policy/schema';
import type { Refusal } from '../refusal';
import { refuse } from '../refusal';
import type { Role } from '../roles';
import { isWithin, type ProgramWeek, programWeek } from '../time/zone';
import type { Contact } from './contact';

export const CAP_REFUSAL_CODES = [
  'weekly_hours_cap_exceeded',
  'weekly_visits_cap_exceeded',
  'weekly_virtual_cap_exceeded',
] as const;

/** What one program week holds. Only reached contacts count: an unanswered call or a missed visit is no service. */
export interface WeekTotals {
  /** Minutes of the modes counted by the weekly cap (MOH-3: in-person visits). */
  readonly cappedMinutes: number;
  /** Number of visits of the counted modes (MOH-3). */
  readonly visits: number;
  /** Minutes of the virtual modes (MOH-7: video and phone). */
  readonly virtualMinutes: number;
  /** Minutes marked as special activities (MOH-3), part of the capped minutes when their mode counts. */
  readonly specialActivityMinutes: number;
  readonly totalMinutes: number;
  readonly reachedContacts: number;
}

export interface WeeklyCapCheck {
  /** True when the new contact keeps the week within every cap. */
  readonly withinCaps: boolean;
  /** One refusal per cap the new contact would exceed; logging it anyway needs a recorded reason. */
  readonly overCap: Refusal[];
  /** Role that may override (MOH-3: coordinator; the coordinator when only a virtual cap applies). */
  readonly overrideRole: Role | null;
  readonly week: ProgramWeek;
  readonly before: WeekTotals;
  readonly after: WeekTotals;
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

export function weekTotals(contacts: readonly Contact[], policy: Policy): WeekTotals {
  const capped = new Set(policy.weeklyCap?.countedModes ?? []);
  const virtual = new Set(policy.virtual?.modes ?? []);
  let cappedMinutes = 0;
  let visits = 0;
  let virtualMinutes = 0;
  let specialActivityMinutes = 0;
  let totalMinutes = 0;
  let reachedContacts = 0;
  for (const c of contacts) {
    if (!c.reached) continue;
    reachedContacts += 1;
    totalMinutes += c.durationMinutes;
    if (c.specialActivity) specialActivityMinutes += c.durationMinutes;
    if (capped.has(c.mode)) {
      cappedMinutes += c.durationMinutes;
      visits += 1;
    }
    if (virtual.has(c.mode)) virtualMinutes += c.durationMinutes;
  }
  return { cappedMinutes, visits, virtualMinutes, specialActivityMinutes, totalMinutes, reachedContacts };
}

export const weekOf = (instant: Date, policy: Policy): ProgramWeek =>
  programWeek(instant, policy.timeZone, policy.weekStartsOn);

/** Contacts that fall in a program week. */
export const contactsInWeek = (contacts: readonly Contact[], week: ProgramWeek): Contact[] =>
  contacts.filter((c) => isWithin(c.startsAt, week.start, week.end));

/**
 * MOH-3 / MOH-7: would a new contact take its program week over a cap?
 * `existing` may hold any contacts of the mentorship; only those in the new
 * contact's week (in the program's zone, from its week-start day) count. When
 * editing a contact, leave the old version out of `existing`. Reaching the cap
 * exactly (3 h 0 min) is within it.
 */
export function checkWeeklyCaps(
  existing: readonly Contact[],
  candidate: Contact,
  policy: Policy,
): WeeklyCapCheck {
  const week = weekOf(candidate.startsAt, policy);
  const inWeek = contactsInWeek(existing, week);
  const before = weekTotals(inWeek, policy);
  const after = weekTotals([...inWeek, candidate], policy);
  const weekStart = week.startDate;
  const overCap: Refusal[] = [];

  const cap = policy.weeklyCap;
  if (cap && after.cappedMinutes > before.cappedMinutes && after.cappedMinutes > cap.maxHours * 60) {
    overCap.push(
      refuse(cap.ruleId, 'weekly_hours_cap_exceeded', {
        weekStart,
        usedHours: hours(before.cappedMinutes),
        addedHours: hours(after.cappedMinutes - before.cappedMinutes),
        capHours: cap.maxHours,
      }),
    );
  }
  if (cap?.maxVisits !== undefined && after.visits > before.visits && after.visits > cap.maxVisits) {
    overCap.push(
      refuse(cap.ruleId, 'weekly_visits_cap_exceeded', {
        weekStart,
        visits: before.visits,
        capVisits: cap.maxVisits,
      }),
    );
  }
  const virtual = policy.virtual;
  if (
    virtual &&
    after.virtualMinutes > before.virtualMinutes &&
    after.virtualMinutes > virtual.maxHoursPerWeek * 60
  ) {
    overCap.push(
      refuse(virtual.ruleId, 'weekly_virtual_cap_exceeded', {
        weekStart,
        usedHours: hours(before.virtualMinutes),
        addedHours: hours(after.virtualMinutes - before.virtualMinutes),
        capHours: virtual.maxHoursPerWeek,
      }),
    );
  }
  return {
    withinCaps: overCap.length === 0,
    overCap,
    overrideRole: cap?.overrideRole ?? (virtual ? 'coordinator' : null),
    week,
    before,
    after,
  };
}

export interface WeekOverCap {
  readonly week: ProgramWeek;
  readonly totals: WeekTotals;
  /** Rule IDs whose cap the week exceeds. */
  readonly ruleIds: string[];
  readonly over: { readonly hours: boolean; readonly visits: boolean; readonly virtual: boolean };
  /** A counted contact of the week carries a recorded override reason (the one logged over the cap). */
  readonly overridden: boolean;
}

/** Program weeks over a cap, oldest first (for reports and attention lists). */
export function weeksOverCap(contacts: readonly Contact[], policy: Policy): WeekOverCap[] {
  const byWeek = new Map<string, { week: ProgramWeek; contacts: Contact[] }>();
  for (const c of contacts) {
    const week = weekOf(c.startsAt, policy);
    const entry = byWeek.get(week.startDate) ?? { week, contacts: [] };
    entry.contacts.push(c);
    byWeek.set(week.startDate, entry);
  }
  const out: WeekOverCap[] = [];
  for (const key of [...byWeek.keys()].sort()) {
    const { week, contacts: list } = byWeek.get(key)!;
    const totals = weekTotals(list, policy);
    const cap = policy.weeklyCap;
    const v = policy.virtual;
    const over = {
      hours: !!cap && totals.cappedMinutes > cap.maxHours * 60,
      visits: cap?.maxVisits !== undefined && totals.visits > cap.maxVisits,
      virtual: !!v && totals.virtualMinutes > v.maxHoursPerWeek * 60,
    };
    if (!over.hours && !over.visits && !over.virtual) continue;
    const ruleIds = [
      ...new Set([...(over.hours || over.visits ? [cap!.ruleId] : []), ...(over.virtual ? [v!.ruleId] : [])]),
    ];
    const counted = new Set([...(cap?.countedModes ?? []), ...(v?.modes ?? [])]);
    const overridden = list
      .filter((c) => c.reached && counted.has(c.mode))
      .some((c) => !!c.capOverrideReason);
    out.push({ week, totals, ruleIds, over, overridden });
  }
  return out;
}
