/**
 * A year of contacts for each demo story, drafted by the program's own rhythm
 * and then passed through the same domain checks the API applies to a logged
 * contact: the shape (modes, domains, accompaniment types the program offers)
 * and the weekly caps (MOH-3, MOH-7). A draft that would go over a cap is kept
 * only when the story gave it a reason, recorded the way the API records it;
 * any other such draft is dropped, so the demo never breaks a cap silently.
 */
import { randomUUID } from 'node:crypto';
import {
  type AccompanimentType,
  addDays,
  type Contact,
  type ContactMode,
  checkWeeklyCaps,
  type LocalDate,
  validateContact,
  weekOf,
} from '@tandem/domain';
import { at, type DemoProgram, type Story } from './demo-story';

/** One planned contact, before the rules have looked at it. */
export interface Draft {
  day: LocalDate;
  hour: number;
  minute?: number;
  minutes: number;
  mode: ContactMode;
  reached?: boolean;
  specialActivity?: boolean;
  accompanimentType?: AccompanimentType | null;
  /** Why this contact may go over the weekly cap (an accompaniment, a crisis week…). */
  overCapReason?: string;
  domains?: string[];
  note?: string;
}

/** A serving day of a story, with the mentor who served it. */
export interface ServingDay {
  day: LocalDate;
  mentorId: string;
}

/**
 * How one program's contacts fall: given the serving days of one program
 * week of a story, the drafts for that week.
 */
export type WeekPlanner = (story: Story, days: readonly ServingDay[], p: DemoProgram) => Draft[];

export const NOTE_COLUMN = 'contacts.note';

/** Contacts from one year back to now, for every story of the program. */
export function writeContacts(p: DemoProgram, stories: readonly Story[], plan: WeekPlanner) {
  const from = addDays(p.today, -364);
  const weekStarts = new Map<LocalDate, LocalDate>();
  const weekStartOf = (day: LocalDate) => {
    let start = weekStarts.get(day);
    if (start === undefined) {
      start = weekOf(at(p, day, 12), p.policy).startDate;
      weekStarts.set(day, start);
    }
    return start;
  };
  for (const story of stories) {
    const byWeek = new Map<string, ServingDay[]>();
    for (const d of story.servingDays(from)) {
      const key = weekStartOf(d.day);
      const list = byWeek.get(key) ?? [];
      list.push(d);
      byWeek.set(key, list);
    }
    for (const days of byWeek.values()) {
      const drafts = plan(story, days, p).sort((a, b) =>
        a.day === b.day
          ? a.hour * 60 + (a.minute ?? 0) - (b.hour * 60 + (b.minute ?? 0))
          : a.day < b.day
            ? -1
            : 1,
      );
      const week: Contact[] = [];
      for (const draft of drafts) {
        const mentorId = days.find((d) => d.day === draft.day)?.mentorId;
        const startsAt = at(p, draft.day, draft.hour, draft.minute ?? 0);
        // Nothing after now: today's later contacts have not happened yet.
        if (!mentorId || startsAt.getTime() >= p.now.getTime() - 60_000) continue;
        const candidate: Contact = {
          startsAt,
          durationMinutes: draft.minutes,
          mode: draft.mode,
          reached: draft.reached ?? true,
          domains: draft.domains ?? pickDomains(story, p),
          wellbeing: draft.reached === false ? null : wellbeing(story, draft.day, p),
          specialActivity: draft.specialActivity ?? false,
          accompanimentType: draft.accompanimentType ?? null,
          capOverrideReason: draft.overCapReason ?? null,
        };
        const shape = validateContact(candidate, p.policy);
        if (!shape.ok) throw new Error(`demo contact breaks ${shape.refusals[0]?.code}`);
        const caps = checkWeeklyCaps(week, candidate, p.policy);
        if (!caps.withinCaps && !draft.overCapReason) continue;
        week.push(candidate);
        const id = randomUUID();
        p.rows.contacts.push({
          orgId: p.orgId,
          id,
          mentorshipId: story.id,
          participantId: story.participantId,
          mentorId,
          loggedBy: p.loggerOf(mentorId),
          startsAt,
          durationMinutes: candidate.durationMinutes,
          mode: candidate.mode,
          reached: candidate.reached,
          domains: [...candidate.domains],
          wellbeing: candidate.wellbeing ?? null,
          specialActivity: candidate.specialActivity,
          accompanimentType: candidate.accompanimentType ?? null,
          note: draft.note ? p.seal(NOTE_COLUMN, id, draft.note) : null,
          overCapReason: caps.withinCaps ? null : (draft.overCapReason ?? null),
          overCapRuleIds: caps.overCap.map((r) => r.ruleId),
          createdAt: new Date(Math.min(p.now.getTime(), startsAt.getTime() + (draft.minutes + 20) * 60_000)),
        });
      }
    }
  }
}

/** One or two of the story's goal domains: contacts work on what the plan is about. */
function pickDomains(story: Story, p: DemoProgram): string[] {
  if (story.domains.length === 0) return [];
  return p.rng.sample(story.domains, p.rng.int(1, Math.min(2, story.domains.length)));
}

/** Wellbeing 1–5 that drifts up as the mentorship goes well, with good and bad days. */
function wellbeing(story: Story, day: LocalDate, p: DemoProgram): number {
  const base = 2 + story.momentum * 2 * story.progressOn(day) + story.momentum;
  return Math.max(1, Math.min(5, Math.round(base + (p.rng.next() - 0.5) * 1.6)));
}

/** The days of a week in order, and helpers the planners share. */
export const daysOf = (days: readonly ServingDay[]) => days.map((d) => d.day);

/** `n` different days of the week, in calendar order. */
export function spreadOver(days: readonly ServingDay[], n: number, p: DemoProgram): LocalDate[] {
  return p.rng
    .sample(daysOf(days), n)
    .sort()
    .filter((d, i, all) => all.indexOf(d) === i);
}

const currentWeekStarts = new WeakMap<DemoProgram, LocalDate>();

/**
 * Whether the week is the one that holds the load day (kept light, so today
 * can be logged). Serving days never lie after today, so a week is the
 * current one exactly when its first serving day is on or after the current
 * week's first day.
 */
export function isCurrentWeek(days: readonly ServingDay[], p: DemoProgram): boolean {
  let start = currentWeekStarts.get(p);
  if (start === undefined) {
    start = weekOf(p.now, p.policy).startDate;
    currentWeekStarts.set(p, start);
  }
  return days[0]!.day >= start;
}
