import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  daysBetween,
  endOfLocalDay,
  isLocalDate,
  isValidTimeZone,
  localDate,
  programWeek,
  startOfLocalDay,
} from './zone';

const JERUSALEM = 'Asia/Jerusalem';
const COPENHAGEN = 'Europe/Copenhagen';
const RIGA = 'Europe/Riga';
const at = (iso: string) => new Date(iso);
const hours = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 3_600_000;

describe('program week', () => {
  it('a Jerusalem week starts on Sunday at local midnight: Saturday 23:59 and Sunday 00:00 fall in different weeks', () => {
    // 2026-01-17 is a Saturday; Israel is UTC+2 in winter.
    const saturday = programWeek(at('2026-01-17T21:59:00Z'), JERUSALEM, 'sunday'); // Sat 23:59 local
    const sunday = programWeek(at('2026-01-17T22:00:00Z'), JERUSALEM, 'sunday'); // Sun 00:00 local
    expect(saturday.startDate).toBe('2026-01-11');
    expect(saturday.end).toEqual(at('2026-01-17T22:00:00Z'));
    expect(sunday.startDate).toBe('2026-01-18');
    expect(sunday.start).toEqual(at('2026-01-17T22:00:00Z'));
  });

  it('a Copenhagen week starts on Monday: Sunday 23:59 and Monday 00:00 fall in different weeks', () => {
    const sunday = programWeek(at('2026-01-18T22:59:00Z'), COPENHAGEN, 'monday');
    const monday = programWeek(at('2026-01-18T23:00:00Z'), COPENHAGEN, 'monday');
    expect(sunday.startDate).toBe('2026-01-12');
    expect(monday.startDate).toBe('2026-01-19');
    expect(monday.start).toEqual(at('2026-01-18T23:00:00Z'));
  });

  it('the Israeli week with the spring change (Friday 27 March 2026) lasts 167 hours', () => {
    const week = programWeek(at('2026-03-27T12:00:00Z'), JERUSALEM, 'sunday');
    expect(week.startDate).toBe('2026-03-22');
    expect(week.start).toEqual(at('2026-03-21T22:00:00Z')); // UTC+2
    expect(week.end).toEqual(at('2026-03-28T21:00:00Z')); // UTC+3
    expect(hours(week.start, week.end)).toBe(167);
  });

  it('the Israeli autumn change falls on Sunday 25 October 2026, the first day of a week: that week lasts 169 hours', () => {
    const lastSaturdayMinute = programWeek(at('2026-10-24T20:59:00Z'), JERUSALEM, 'sunday'); // Sat 23:59 IDT
    const firstSundayMinute = programWeek(at('2026-10-24T21:00:00Z'), JERUSALEM, 'sunday'); // Sun 00:00 IDT
    expect(lastSaturdayMinute.startDate).toBe('2026-10-18');
    expect(firstSundayMinute.startDate).toBe('2026-10-25');
    expect(hours(firstSundayMinute.start, firstSundayMinute.end)).toBe(169);
  });

  it('the Danish weeks with the 2026 changes (29 March, 25 October) last 167 and 169 hours', () => {
    const spring = programWeek(at('2026-03-29T12:00:00Z'), COPENHAGEN, 'monday');
    expect(spring.startDate).toBe('2026-03-23');
    expect(hours(spring.start, spring.end)).toBe(167);
    const autumn = programWeek(at('2026-10-25T12:00:00Z'), COPENHAGEN, 'monday');
    expect(autumn.startDate).toBe('2026-10-19');
    expect(hours(autumn.start, autumn.end)).toBe(169);
  });

  it('an instant belongs to the week of its local day, not its UTC day', () => {
    // 2026-06-06 22:30Z is Sunday 01:30 in Riga (UTC+3): Monday-start week of 1 June.
    expect(programWeek(at('2026-06-06T22:30:00Z'), RIGA, 'monday').startDate).toBe('2026-06-01');
    // …but in Jerusalem (also UTC+3 in summer) it is Sunday: a new week starts.
    expect(programWeek(at('2026-06-06T22:30:00Z'), JERUSALEM, 'sunday').startDate).toBe('2026-06-07');
  });
});

describe('calendar arithmetic', () => {
  it('MOH-4: three months after 15 January 2026 is 15 April 2026, across the March DST change', () => {
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    const trialEnd = startOfLocalDay(addMonths('2026-01-15', 3), JERUSALEM);
    expect(trialEnd).toEqual(at('2026-04-14T21:00:00Z')); // local midnight, summer time
  });

  it('months clamp to the end of a shorter month', () => {
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
  });

  it('days between calendar days ignore DST', () => {
    expect(daysBetween('2026-03-22', '2026-03-29')).toBe(7);
    expect(daysBetween('2026-03-01', '2029-03-01')).toBe(1096);
    expect(daysBetween('2026-01-10', '2026-01-01')).toBe(-9);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('local day of an instant and its bounds follow the zone', () => {
    expect(localDate(at('2026-01-17T22:30:00Z'), JERUSALEM)).toBe('2026-01-18');
    expect(localDate(at('2026-01-17T22:30:00Z'), COPENHAGEN)).toBe('2026-01-17');
    expect(endOfLocalDay('2026-03-27', JERUSALEM)).toEqual(at('2026-03-27T21:00:00Z'));
  });

  it('MOH-10: age is in completed years; a 29 February birthday arrives on 1 March', () => {
    expect(ageOn('2005-04-10', '2026-04-09')).toBe(20);
    expect(ageOn('2005-04-10', '2026-04-10')).toBe(21);
    expect(ageOn('2008-02-29', '2029-02-28')).toBe(20);
    expect(ageOn('2008-02-29', '2029-03-01')).toBe(21);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('validates zones and calendar days', () => {
    expect(isValidTimeZone('Asia/Jerusalem')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-2-1')).toBe(false);
  });
});
