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

/** Candidates with the mentors a person is not offered again unless the coordinator allows it. */
export interface CandidatesForRematch extends Candidates {
  /**
   * Former mentors of the person's waiting mentorship whom no hard rule
   * excludes, set aside with their score (MOH-16, decision 016); by mentor id.
   */
  readonly ruledOutByDefault: readonly Candidate[];
}

/**
 * The candidate list as the cohort allocation treats a person waiting for a
 * new mentor: a mentor who left their mentorship, was judged a mismatch or
 * ended at the trial review (`formerMentorsOf`) is ruled out by default, and
 * offered again only once the coordinator allows them. A former mentor a hard
 * rule excludes stays among the excluded, with that rule.
 */
export function setAsideFormerMentors(
  ranked: Candidates,
  formerMentors: readonly string[],
  allowed: readonly string[] = [],
): CandidatesForRematch {
  const aside = new Set(formerMentors.filter((id) => !allowed.includes(id)));
  const ruledOutByDefault = ranked.candidates
    .filter((c) => aside.has(c.mentorId))
    .sort((a, b) => byId(a.mentorId, b.mentorId));
  return {
    candidates: ranked.candidates.filter((c) => !aside.has(c.mentorId)),
    excluded: ranked.excluded,
    ruledOutByDefault,
  };
}
