import { DateTime } from 'luxon';

/**
 * Program time. Weeks, trial ends, durations and "today" are computed in the
 * program's IANA zone, never in the server's. Instants are `Date` values (UTC
 * underneath, as stored in `timestamptz`); calendar days are ISO strings
 * `YYYY-MM-DD` (`LocalDate`) that mean a day on the program's wall calendar.
 */
export type LocalDate = string;

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidTimeZone(zone: string): boolean {
  return zone.length > 0 && DateTime.now().setZone(zone).isValid;
}

export function isLocalDate(value: string): value is LocalDate {
  return LOCAL_DATE.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

function inZone(instant: Date, zone: string): DateTime {
  const dt = DateTime.fromJSDate(instant, { zone });
  if (!dt.isValid) throw new RangeError(`invalid instant or time zone: ${zone}`);
  return dt;
}

/** A calendar day is zone-free; UTC is only the carrier for calendar arithmetic. */
function day(date: LocalDate): DateTime {
  const dt = DateTime.fromISO(date, { zone: 'UTC' });
  if (!isLocalDate(date) || !dt.isValid) throw new RangeError(`not a calendar date: ${date}`);
  return dt;
}

const iso = (dt: DateTime): LocalDate => dt.toISODate() as LocalDate;

/**
 * The offset last seen in each zone. Contacts, caps and reports ask for the
 * days of the same few weeks over and over, and a time-zone conversion is the
 * costly part. The day the remembered offset gives is only a guess: it is
 * taken once that day's own midnights (remembered too) hold the instant, and
 * the neighbouring days are tried when a clock change moved the offset; the
 * answer never depends on how a zone's offsets fall.
 */
const offsets = new Map<string, number>();

/** The program-calendar day an instant falls on. */
export function localDate(instant: Date, zone: string): LocalDate {
  const t = instant.getTime();
  const offset = offsets.get(zone);
  if (offset !== undefined && Number.isFinite(t)) {
    const shifted = new Date(t + offset);
    const year = shifted.getUTCFullYear();
    if (year >= 1 && year <= 9998) {
      const guess = shifted.toISOString().slice(0, 10);
      for (const d of [guess, addDays(guess, -1), addDays(guess, 1)]) {
        if (midnightMs(d, zone) <= t && t < midnightMs(addDays(d, 1), zone)) return d;
      }
    }
  }
  const dt = inZone(instant, zone);
  offsets.set(zone, dt.offset * 60_000);
  return iso(dt);
}

/**
 * Local midnights already computed, by zone and day: weeks, caps and reports ask
 * for the same few days over and over, and each answer costs a time-zone lookup.
 */
const midnights = new Map<string, number>();
const MIDNIGHTS_KEPT = 20_000;

/** The first instant of a program-calendar day (local midnight, or the first valid time after it). */
export function startOfLocalDay(date: LocalDate, zone: string): Date {
  return new Date(midnightMs(date, zone));
}

function midnightMs(date: LocalDate, zone: string): number {
  const key = `${zone} ${date}`;
  const known = midnights.get(key);
  if (known !== undefined) return known;
  const d = day(date);
  const start = DateTime.fromObject({ year: d.year, month: d.month, day: d.day }, { zone }).startOf('day');
  if (!start.isValid) throw new RangeError(`invalid time zone: ${zone}`);
  if (midnights.size >= MIDNIGHTS_KEPT) midnights.clear();
  midnights.set(key, start.toMillis());
  return start.toMillis();
}

/** The instant after the last of a program-calendar day (= start of the next day). */
export function endOfLocalDay(date: LocalDate, zone: string): Date {
  return startOfLocalDay(addDays(date, 1), zone);
}

/**
 * Calendar arithmetic on the proleptic Gregorian calendar (addDays, addMonths,
 * daysBetween). Plain UTC date arithmetic gives the same days as Luxon for
 * years 0–9999 and costs a fraction; anything else takes the general path,
 * which also refuses what is not a date.
 */
export function addDays(date: LocalDate, days: number): LocalDate {
  const ms = LOCAL_DATE.test(date) && Number.isInteger(days) ? utcDayMs(date) : null;
  if (ms !== null) {
    const out = new Date(ms + days * 86_400_000);
    const year = out.getUTCFullYear();
    if (year >= 0 && year <= 9999) return out.toISOString().slice(0, 10);
  }
  return iso(day(date).plus({ days }));
}

/** Midnight UTC of a `YYYY-MM-DD` day, or null when it names no real day (31 April). */
function utcDayMs(date: string): number | null {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const at = new Date(0);
  at.setUTCFullYear(y, m - 1, d); // not Date.UTC, which reads years 0–99 as 1900–1999
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d
    ? at.getTime()
    : null;
}

/**
 * Calendar months: the same day-of-month N months later; when that month is
 * shorter, its last day (31 Jan + 1 month = 28/29 Feb). A period of N months
 * that starts on day S covers S up to, but not including, addMonths(S, N):
 * a trial that starts on 15 Jan 2026 ends at the start of 15 Apr 2026.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const ms = LOCAL_DATE.test(date) && Number.isInteger(months) ? utcDayMs(date) : null;
  if (ms !== null) {
    const from = new Date(ms);
    const target = new Date(0);
    target.setUTCFullYear(from.getUTCFullYear(), from.getUTCMonth() + months, 1);
    // The same day of the month, or the month's last day when it is shorter.
    const lastDay = new Date(0);
    lastDay.setUTCFullYear(target.getUTCFullYear(), target.getUTCMonth() + 1, 0);
    target.setUTCDate(Math.min(from.getUTCDate(), lastDay.getUTCDate()));
    const year = target.getUTCFullYear();
    if (year >= 0 && year <= 9999) return target.toISOString().slice(0, 10);
  }
  return iso(day(date).plus({ months }));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const a = LOCAL_DATE.test(from) ? utcDayMs(from) : null;
  const b = LOCAL_DATE.test(to) ? utcDayMs(to) : null;
  if (a !== null && b !== null) return Math.round((b - a) / 86_400_000);
  return Math.round(day(to).diff(day(from), 'days').days);
}

export const compareDates = (a: LocalDate, b: LocalDate): number => (a < b ? -1 : a > b ? 1 : 0);
export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);
export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);

/**
 * Completed years on a day. A birthday on 29 February is reached on 1 March in
 * years without one (the person is not yet a year older on 28 February).
 */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const b = day(birthDate);
  const d = day(on);
  const beforeBirthday = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (beforeBirthday ? 1 : 0);
}

export interface ProgramWeek {
  /** First program-calendar day of the week (the program's week-start day). */
  readonly startDate: LocalDate;
  /** First instant of the week in the program's zone. */
  readonly start: Date;
  /** First instant of the next week (exclusive); a week can be 167 or 169 hours across DST. */
  readonly end: Date;
}

const WEEKDAY_NUMBER: Record<Weekday, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

/** Weeks already found, by zone, week start and day (the same few weeks are asked for again and again). */
const weeksSeen = new Map<string, { startDate: LocalDate; start: number; end: number }>();
const WEEKS_KEPT = 20_000;

/** The program week that contains a calendar day. */
export function programWeekOfDate(date: LocalDate, zone: string, weekStartsOn: Weekday): ProgramWeek {
  const key = `${zone} ${weekStartsOn} ${date}`;
  let week = weeksSeen.get(key);
  if (!week) {
    const d = day(date);
    const back = (d.weekday - WEEKDAY_NUMBER[weekStartsOn] + 7) % 7;
    const startDate = iso(d.minus({ days: back }));
    week = { startDate, start: midnightMs(startDate, zone), end: midnightMs(addDays(startDate, 7), zone) };
    if (weeksSeen.size >= WEEKS_KEPT) weeksSeen.clear();
    weeksSeen.set(key, week);
  }
  // New Date objects each time: a caller may change the ones it gets.
  return { startDate: week.startDate, start: new Date(week.start), end: new Date(week.end) };
}

/** The program week that contains an instant, in the program's zone. */
export function programWeek(instant: Date, zone: string, weekStartsOn: Weekday): ProgramWeek {
  return programWeekOfDate(localDate(instant, zone), zone, weekStartsOn);
}

export const isWithin = (instant: Date, from: Date, until: Date): boolean =>
  instant.getTime() >= from.getTime() && instant.getTime() < until.getTime();
