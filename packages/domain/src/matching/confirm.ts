import type { Policy } from '../policy/schema';
import type { Refusal } from '../refusal';
import type { LocalDate } from '../time/zone';
import { eligibility } from './eligibility';
import { type OpenMentorship, placementOf } from './rematch';
import type { MentorProfile, ParticipantProfile } from './types';

export interface ConfirmPair {
  readonly participantId: string;
  readonly mentorId: string;
}

/** A participant as confirmation sees them: the profile, and the mentorship they are already in, if any. */
export interface ConfirmParticipant extends ParticipantProfile {
  readonly openMentorship: OpenMentorship | null;
}

export interface PairRefusal {
  /** Position of the pair in the request. */
  readonly index: number;
  readonly participantId: string;
  readonly mentorId: string;
  readonly refusals: readonly Refusal[];
}

/**
 * May these pairs become matches now? Every hard rule of the program is asked
 * again (a mentor may have lost their training date or declared a family tie
 * since the proposal), a person already with a mentor cannot get a second
 * mentorship — one whose mentorship waits for a new mentor gets it there
 * (MOH-16) — and capacity counts the mentor's current mentees plus the pairs before
 * this one in the same confirmation, so one request cannot overfill a mentor
 * either. An empty list means all pairs may be created.
 */
export function confirmationRefusals(
  pairs: readonly ConfirmPair[],
  participants: ReadonlyMap<string, ConfirmParticipant>,
  mentors: ReadonlyMap<string, MentorProfile>,
  policy: Policy,
  on: LocalDate,
): PairRefusal[] {
  const taken = new Map<string, number>();
  const out: PairRefusal[] = [];
  pairs.forEach((pair, index) => {
    const p = participants.get(pair.participantId);
    const m = mentors.get(pair.mentorId);
    if (!p || !m) throw new RangeError(`pair ${index} names someone not loaded`);
    const before = taken.get(m.id) ?? 0;
    taken.set(m.id, before + 1);
    const placement = placementOf(p.openMentorship);
    const refusals = [
      ...(placement.kind === 'held' ? [placement.refusal] : []),
      ...eligibility(p, { ...m, activeMentees: m.activeMentees + before }, policy, on),
    ];
    if (refusals.length) out.push({ index, ...pair, refusals });
  });
  return out;
}
