import type { Policy } from '../policy/schema';
import type { Refusal } from '../refusal';
import type { LocalDate } from '../time/zone';
import { eligibility } from './eligibility';
import { type Score, scorePair, weightsFrom } from './score';
import type { MentorProfile, ParticipantProfile, Weights } from './types';

export interface Candidate {
  readonly mentorId: string;
  readonly score: Score;
}
export interface Exclusion {
  readonly mentorId: string;
  readonly refusals: readonly Refusal[];
}
export interface Candidates {
  /** Eligible mentors, best total first; equal totals by mentor id. */
  readonly candidates: readonly Candidate[];
  /** Mentors a hard constraint rules out, by mentor id, each with every rule it breaks. */
  readonly excluded: readonly Exclusion[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ranked, explained candidates for one participant on a given day. Without
 * explicit weights, the program's `matchingWeights` over the defaults apply.
 */
export function rankCandidates(
  p: ParticipantProfile,
  mentors: readonly MentorProfile[],
  policy: Policy,
  onDate: LocalDate,
): Candidates;
export function rankCandidates(
  p: ParticipantProfile,
  mentors: readonly MentorProfile[],
  policy: Policy,
  weights: Weights,
  onDate: LocalDate,
): Candidates;
export function rankCandidates(
  p: ParticipantProfile,
  mentors: readonly MentorProfile[],
  policy: Policy,
  weightsOrDate: Weights | LocalDate,
  maybeDate?: LocalDate,
): Candidates {
  const weights = typeof weightsOrDate === 'string' ? weightsFrom(policy.matchingWeights) : weightsOrDate;
  const on = typeof weightsOrDate === 'string' ? weightsOrDate : maybeDate;
  if (on === undefined) throw new TypeError('rankCandidates needs the date of the match');
  const candidates: Candidate[] = [];
  const excluded: Exclusion[] = [];
  for (const m of mentors) {
    const refusals = eligibility(p, m, policy, on);
    if (refusals.length) excluded.push({ mentorId: m.id, refusals });
    else candidates.push({ mentorId: m.id, score: scorePair(p, m, weights) });
  }
  candidates.sort((a, b) => b.score.total - a.score.total || byId(a.mentorId, b.mentorId));
  excluded.sort((a, b) => byId(a.mentorId, b.mentorId));
  return { candidates, excluded };
}
