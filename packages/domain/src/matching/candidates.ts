import type { Policy } from '../policy/schema';
import type { Refusal } from '../refusal';
import type { LocalDate } from '../time/zone';
import { eligibility } from './eligibility';
import type { MentorProfile, ParticipantProfile } from './profiles';
import { type Score, scorePair, weightsFrom } from './score';

export interface Candidates {
  readonly candidates: readonly { mentorId: string; score: Score }[];
  readonly excluded: readonly { mentorId: string; refusals: readonly Refusal[] }[];
}

/** Ranked, explained candidates for one participant: best score first, ties by mentor id. */
export function rankCandidates(
  p: ParticipantProfile,
  mentors: readonly MentorProfile[],
  policy: Policy,
  on: LocalDate,
): Candidates {
  const weights = weightsFrom(policy.matchingWeights);
  const candidates: { mentorId: string; score: Score }[] = [];
  const excluded: { mentorId: string; refusals: Refusal[] }[] = [];
  for (const m of mentors) {
    const refusals = eligibility(p, m, policy, on);
    if (refusals.length) excluded.push({ mentorId: m.id, refusals });
    else candidates.push({ mentorId: m.id, score: scorePair(p, m, weights) });
  }
  candidates.sort((a, b) => b.score.total - a.score.total || (a.mentorId < b.mentorId ? -1 : 1));
  excluded.sort((a, b) => (a.mentorId < b.mentorId ? -1 : 1));
  return { candidates, excluded };
}
