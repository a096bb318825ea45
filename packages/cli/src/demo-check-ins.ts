/**
 * SIVA-2: a student's own daily check-ins from the portal over the last four
 * weeks — wellbeing on the faces from 1 to 5, now and then a few words, at most
 * one a program day. A mood is what the weeks looked like; the demo asks the
 * domain's own early-warning rule (`earlyWarning`, the policy's
 * `wellbeingWarning`) whether the check-ins say what the mood means — a drop,
 * three days at 1, or nothing to worry about — and refuses to load otherwise.
 */
import { randomUUID } from 'node:crypto';
import {
  addDays,
  checkInDayOf,
  type DailyCheckIn,
  earlyWarning,
  LOOKBACK_DAYS,
  type LocalDate,
  WELLBEING_MAX,
  WELLBEING_MIN,
} from '@tandem/domain';
import { type DemoProgram, midnightOf, type Story } from './demo-story';

export const CHECK_IN_NOTE = 'check_ins.note';

export type Mood =
  /** Good and bad days around a level; no warning. */
  | { kind: 'steady'; level: number }
  /** A sustained fall: the newest three check-ins well under the weeks before (`wellbeing_drop`). */
  | { kind: 'drop'; from: number; to: number }
  /** The newest three check-ins at 1 on consecutive days (`wellbeing_low`). */
  | { kind: 'low'; from: number };

export interface CheckInSpec {
  story: Story;
  /** The student's portal login: check-ins are their own. */
  userId: string;
  mood: Mood;
  /** The last day they checked in (default: today, once their usual hour has come; yesterday when `notToday`). */
  until?: LocalDate;
  notToday?: boolean;
  notes: readonly string[];
  /** Words for the bad days of a drop or a low streak. */
  hardNotes?: readonly string[];
}

const clamp = (n: number) => Math.max(WELLBEING_MIN, Math.min(WELLBEING_MAX, Math.round(n)));

export function writeCheckIns(p: DemoProgram, spec: CheckInSpec) {
  const rng = p.rng;
  const { mood } = spec;
  const today = checkInDayOf(p.now, p.policy);
  const firstServed = spec.story.stretches[0]?.from ?? today;
  const from = [addDays(today, -LOOKBACK_DAYS), firstServed].sort().at(-1)!;
  const last = spec.until ?? (spec.notToday ? addDays(today, -1) : today);
  const hour = rng.pick([8, 9, 12, 19, 21]);
  const days: LocalDate[] = [];
  for (let d = from; d <= last; d = addDays(d, 1)) {
    const instant = midnightOf(d, p.policy.timeZone) + hour * 3600_000;
    if (instant > p.now.getTime() - 60_000) continue; // not yet today
    days.push(d);
  }
  // The pattern lives in the newest three: they are never skipped; earlier days now and then are.
  const kept = days.filter((_, i) => i >= days.length - 3 || !rng.chance(0.12));
  const level = mood.kind === 'steady' ? mood.level : mood.from;
  const scores = kept.map((_, i) => {
    const recent = i >= kept.length - 3;
    if (recent && mood.kind === 'low') return 1;
    if (recent && mood.kind === 'drop') return clamp(mood.to + rng.pick([0, 0, 1]) * (i % 2));
    return clamp(level + rng.pick([-1, 0, 0, 0, 1]));
  });
  let checkIns: DailyCheckIn[] = kept.map((day, i) => ({ day, wellbeing: scores[i]! }));
  const want = mood.kind === 'steady' ? null : mood.kind === 'low' ? 'low_streak' : 'drop';
  if ((earlyWarning(checkIns, today, p.policy)?.reason ?? null) !== want) {
    // Chance blurred the weeks: the newest days level out again (steady), or the fall is plain (drop).
    const n = checkIns.length;
    checkIns = checkIns.map((c, i) => {
      if (mood.kind === 'steady' && i >= n - 3) return { ...c, wellbeing: clamp(level) };
      if (mood.kind === 'drop')
        return { ...c, wellbeing: i >= n - 3 ? mood.to : i >= n - 10 ? mood.from : c.wellbeing };
      return c;
    });
  }
  const warning = earlyWarning(checkIns, today, p.policy);
  if ((warning?.reason ?? null) !== want) {
    throw new Error(`demo check-ins of ${spec.story.participantId} give ${warning?.reason ?? 'no warning'}`);
  }
  for (const [i, c] of checkIns.entries()) {
    const hard = mood.kind !== 'steady' && i >= checkIns.length - 3;
    const words = hard ? (spec.hardNotes ?? spec.notes) : spec.notes;
    const note = rng.chance(hard ? 0.7 : 0.2) ? rng.pick(words) : null;
    const id = randomUUID();
    const at = new Date(midnightOf(c.day, p.policy.timeZone) + (hour * 60 + rng.int(0, 50)) * 60_000);
    const when = at.getTime() > p.now.getTime() ? new Date(p.now.getTime() - 60_000) : at;
    p.rows.checkIns.push({
      orgId: p.orgId,
      id,
      participantId: spec.story.participantId,
      day: c.day,
      wellbeing: c.wellbeing,
      note: note === null ? null : p.seal(CHECK_IN_NOTE, id, note),
      createdBy: spec.userId,
      createdAt: when,
      updatedAt: when,
    });
  }
}
