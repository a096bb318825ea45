/**
 * How contacts fall in the programs without a weekly cap: weekly meetings
 * (CM-2, the municipal mentor), an interval agreed per mentorship (RAMP-5) and
 * the daily check-in of remote mentoring (SIVA-2).
 */
import { type AccompanimentType, type ContactMode, daysBetween, type LocalDate } from '@tandem/domain';
import { type Draft, isCurrentWeek, spreadOver, type WeekPlanner } from './demo-contacts';

interface Light {
  mode: ContactMode;
  minutes: readonly number[];
  /** Chance per week. */
  chance: number;
}

export interface WeeklyOptions {
  /** Meetings per week, fewest and most. */
  meetings: readonly [number, number];
  minutes: readonly number[];
  /** Calls and messages between meetings. */
  light: readonly Light[];
  /** MUNI-2: accompaniment to an authority, a doctor…: chance per week, and the kinds. */
  accompaniment?: { chance: number; types: readonly AccompanimentType[]; minutes: readonly number[] };
  hours: readonly number[];
  notes: readonly string[];
}

/** A meeting or two every week, a call or a message between, now and then an accompaniment. */
export function weeklyMeetings(o: WeeklyOptions): WeekPlanner {
  return (_story, days, p) => {
    const rng = p.rng;
    const out: Draft[] = [];
    if (!isCurrentWeek(days, p) && rng.chance(0.05)) return out; // a week off: holidays, illness
    const note = () => (rng.chance(0.2) ? rng.pick(o.notes) : undefined);
    for (const day of spreadOver(days, rng.int(o.meetings[0], o.meetings[1]), p)) {
      out.push({
        day,
        hour: rng.pick(o.hours),
        minutes: rng.pick(o.minutes),
        mode: 'in_person',
        note: note(),
      });
    }
    for (const l of o.light) {
      if (!rng.chance(l.chance)) continue;
      const reached = rng.chance(0.88);
      out.push({
        day: rng.pick(days).day,
        hour: 19,
        minutes: reached ? rng.pick(l.minutes) : 0,
        mode: l.mode,
        reached,
      });
    }
    const a = o.accompaniment;
    if (a && rng.chance(a.chance)) {
      out.push({
        day: rng.pick(days).day,
        hour: rng.pick([9, 10, 13]),
        minutes: rng.pick(a.minutes),
        mode: 'in_person',
        accompanimentType: rng.pick(a.types),
        note: note(),
      });
    }
    return out;
  };
}

export interface AgreedOptions {
  /** The agreed interval when the story has not recorded one. */
  defaultEveryDays: number;
  kinds: readonly { mode: ContactMode; minutes: readonly number[]; weight: number }[];
  hours: readonly number[];
  notes: readonly string[];
}

/**
 * RAMP-5: contact at the interval participant and mentor agreed, a day or two
 * early now and then; a phone call or a message sometimes in between.
 */
export function agreedRhythm(o: AgreedOptions): WeekPlanner {
  const last = new Map<string, LocalDate>();
  return (story, days, p) => {
    const rng = p.rng;
    const every = story.row.agreedEveryDays ?? o.defaultEveryDays;
    const out: Draft[] = [];
    for (const { day } of days) {
      const prev = last.get(story.id);
      if (prev && daysBetween(prev, day) < every - rng.int(0, 2)) continue;
      const kind = weighted(o.kinds, rng.next());
      out.push({
        day,
        hour: rng.pick(o.hours),
        minutes: rng.pick(kind.minutes),
        mode: kind.mode,
        note: rng.chance(0.2) ? rng.pick(o.notes) : undefined,
      });
      last.set(story.id, day);
    }
    if (rng.chance(0.2)) {
      out.push({ day: rng.pick(days).day, hour: 20, minutes: 5, mode: 'messenger' });
    }
    return out;
  };
}

const weighted = <T extends { weight: number }>(items: readonly T[], roll: number): T => {
  const total = items.reduce((s, i) => s + i.weight, 0);
  let acc = 0;
  for (const i of items) {
    acc += i.weight / total;
    if (roll < acc) return i;
  }
  return items.at(-1)!;
};

export interface DailyOptions {
  modes: readonly ContactMode[];
  minutes: readonly number[];
  hours: readonly number[];
  notes: readonly string[];
}

/**
 * SIVA-2: the mentor checks in with each student every day — wellbeing, study
 * progress, problems, praise. An unanswered message is followed by a call
 * later the same day, which mostly reaches them.
 */
export function dailyCheckIns(o: DailyOptions): WeekPlanner {
  return (_story, days, p) => {
    const rng = p.rng;
    const out: Draft[] = [];
    for (const { day } of days) {
      const hour = rng.pick(o.hours);
      const reached = rng.chance(0.95);
      out.push({
        day,
        hour,
        minute: rng.int(0, 50),
        minutes: reached ? rng.pick(o.minutes) : 0,
        mode: rng.pick(o.modes),
        reached,
        note: reached && rng.chance(0.1) ? rng.pick(o.notes) : undefined,
      });
      if (!reached) {
        out.push({ day, hour: hour + 3, minutes: 10, mode: 'phone', reached: rng.chance(0.75) });
      }
    }
    return out;
  };
}
