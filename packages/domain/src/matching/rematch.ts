import { alreadyHasOpenMentorship } from '../lifecycle/guard';
import { type MentorshipState, REMATCH_REASONS } from '../lifecycle/states';
import type { Refusal } from '../refusal';

/** A participant's open mentorship, as matching sees it. */
export interface OpenMentorship {
  readonly id: string;
  readonly state: MentorshipState;
  /** Current or proposed mentor; null while the mentorship waits for one. */
  readonly mentorId: string | null;
}

/**
 * MOH-16: the mentorship waits for a (replacement) mentor — it awaits a match
 * and nobody is proposed, because the mentor left, the match was judged
 * inadequate or the trial review chose to change the mentor (MOH-4).
 */
export const waitsForMentor = (open: OpenMentorship): boolean =>
  open.state === 'awaiting_match' && open.mentorId === null;

/**
 * How a participant can be placed: without an open mentorship they get a new
 * one; when theirs waits for a mentor it gets the new mentor and keeps its
 * history (MOH-16); otherwise they are already with a mentor, and a person has
 * one open mentorship at a time.
 */
export type Placement =
  | { readonly kind: 'new' }
  | { readonly kind: 'rematch'; readonly mentorshipId: string }
  | { readonly kind: 'held'; readonly refusal: Refusal };

export function placementOf(open: OpenMentorship | null): Placement {
  if (!open) return { kind: 'new' };
  if (waitsForMentor(open)) return { kind: 'rematch', mentorshipId: open.id };
  return { kind: 'held', refusal: alreadyHasOpenMentorship(open) };
}

/** A mentor's stretch on a mentorship that has ended, with its coded reason. */
export interface EndedAssignment {
  readonly mentorId: string;
  readonly endReason: string | null;
}

const REMATCHED: readonly string[] = REMATCH_REASONS;

/**
 * Mentors not to propose again for this mentorship: those whose stretch on it
 * ended because they left, the match was judged inadequate or the trial review
 * chose another mentor. No program rule forbids them outright, so a cohort
 * allocation rules them out by default and the coordinator may allow one back.
 * Sorted and without repeats.
 */
export function formerMentorsOf(ended: readonly EndedAssignment[]): string[] {
  const ids = ended.filter((a) => a.endReason !== null && REMATCHED.includes(a.endReason));
  return [...new Set(ids.map((a) => a.mentorId))].sort();
}
