/**
 * P1 · Social mentorship in community mental-health rehabilitation (Israel):
 * mentors and participants across the general, Haredi and Arab sectors around
 * Haifa, Nazareth, Akko, Bnei Brak and Jerusalem; weekly visits within the
 * 3-hour, two-visit cap (MOH-3), virtual meetings within their own cap (MOH-7),
 * and the lifecycle's every turn: trial reviews, a rematch, a hospitalization,
 * extensions, closures.
 */
import { daysBetween } from '@tandem/domain';
import { type Draft, isCurrentWeek, spreadOver, type WeekPlanner } from './demo-contacts';
import { socialSkillsGroup } from './demo-il-social-group';
import { mentors } from './demo-il-social-mentors';
import { participants } from './demo-il-social-participants';
import { stories } from './demo-il-social-stories';
import type { ProgramSpec } from './demo-program';

const OVER_CAP_REASONS = [
  'Accompanied to the National Insurance appeal hearing; agreed with the coordinator.',
  'Extra visit after a crisis at home; the coordinator was informed the same day.',
  'Day trip with the community leisure group, a special activity.',
];
const NOTES = [
  'Practised the phone call to the employment office together.',
  'Walked to the community centre; talked about the week.',
  'Went over the monthly budget; the electricity bill is paid.',
  'Tired today, but kept the appointment. Agreed to meet on Tuesday.',
  'Prepared questions for the psychiatrist appointment.',
];

/** Weekly visits within MOH-3 (≤ 3 h, ≤ 2 visits), or video and phone within MOH-7 when virtual. */
const week: WeekPlanner = (story, days, p) => {
  const rng = p.rng;
  const out: Draft[] = [];
  const current = isCurrentWeek(days, p);
  const first = days[0]!.day;
  const since = story.row.virtualSince;
  const note = () => (rng.chance(0.2) ? rng.pick(NOTES) : undefined);
  const virtual = story.row.mode === 'virtual' && since !== null && since !== undefined && first >= since;
  // Once in a virtual stretch, some weeks in, a hard week: a long extra call over the MOH-7 cap, with its reason.
  const hard =
    virtual && !current && Math.floor(daysBetween(since, first) / 7) === 5 + Math.floor(story.momentum * 4);
  if (!hard && rng.chance(0.05) && !current) return out; // a holiday week without a meeting
  if (virtual) {
    for (const day of spreadOver(days, rng.int(2, 3), p)) {
      out.push({
        day,
        hour: rng.pick([10, 17, 19]),
        minutes: rng.pick([40, 45, 60]),
        mode: rng.chance(0.7) ? 'video' : 'phone',
        note: note(),
      });
    }
    if (hard) {
      out.push({
        day: days.at(-1)!.day,
        hour: 20,
        minutes: 120,
        mode: 'video',
        overCapReason: 'A hard week after a loss in the family; an extra call agreed with the coordinator.',
      });
    }
    return out;
  }
  const pairs = [
    [60, 90],
    [90, 90],
    [60, 120],
    [75, 75],
    [60, 60],
    [90, 60],
  ] as const;
  const visits = rng.chance(0.55) && days.length > 1 ? rng.pick(pairs) : [rng.pick([90, 120, 150, 180])];
  spreadOver(days, visits.length, p).forEach((day, i) => {
    out.push({
      day,
      hour: rng.pick([10, 16, 17, 18]),
      minutes: visits[i] ?? 60,
      mode: 'in_person',
      specialActivity: rng.chance(0.12),
      note: note(),
    });
  });
  if (rng.chance(0.3)) {
    const reached = rng.chance(0.85);
    out.push({
      day: rng.pick(days).day,
      hour: 20,
      minutes: reached ? rng.pick([10, 15, 20]) : 0,
      mode: rng.chance(0.6) ? 'phone' : 'messenger',
      reached,
    });
  }
  if (!current && rng.chance(0.035)) {
    out.push({
      day: days.at(-1)!.day,
      hour: 12,
      minutes: 120,
      mode: 'in_person',
      overCapReason: rng.pick(OVER_CAP_REASONS),
      specialActivity: true,
    });
  }
  return out;
};

export const ilSocial: ProgramSpec = {
  seed: 101,
  org: { name: 'Tandem Demo — Social Mentorship', slug: 'demo' },
  site: 'Haifa',
  program: { name: 'Social mentorship in community rehabilitation', presetId: 'il-social-mentorship' },
  mentors,
  participants,
  week,
  stories,
  between: socialSkillsGroup,
};
