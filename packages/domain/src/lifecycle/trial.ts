import type { Policy } from '../policy/schema';
import type { Decision } from '../refusal';
import { allow, deny, refuse } from '../refusal';
import { type LocalDate, localDate } from '../time/zone';
import type { LifecycleFacts } from './facts';
import { notInState } from './guard';
import { LIFECYCLE_RULE_ID, type RematchReason, type TrialOutcome } from './states';

export const TRIAL_REFUSAL_CODES = ['trial_not_in_program', 'trial_already_reviewed'] as const;

/** What a trial review outcome does (MOH-4). */
export interface TrialReviewEffect {
  readonly outcome: TrialOutcome;
  readonly reviewedOn: LocalDate;
  /** continue and revise_plan → active; change_mentor → awaiting_match. */
  readonly nextState: 'active' | 'awaiting_match';
  /** change_mentor ends the current mentor's assignment; history keeps it (MOH-16). */
  readonly endAssignment: { readonly mentorId: string; readonly reason: RematchReason } | null;
  /** revise_plan keeps the mentor and asks the coordinator for a new plan version. */
  readonly planRevisionRequired: boolean;
  /** Since when the participant waits for a new mentor. */
  readonly awaitingSince: LocalDate | null;
}

/**
 * MOH-4: record the trial review. It may be held before the due day (a
 * mismatch can show early); it is due at the end of the trial months.
 */
export function reviewTrial(
  facts: LifecycleFacts,
  outcome: TrialOutcome,
  policy: Policy,
  now: Date,
): Decision<TrialReviewEffect> {
  const m = facts.mentorship;
  if (!policy.trial) return deny(refuse(LIFECYCLE_RULE_ID, 'trial_not_in_program', {}));
  const wrongState = notInState('review_trial', m.state);
  if (wrongState) return deny(wrongState);
  if (m.trialReviewedOn) {
    return deny(refuse(policy.trial.ruleId, 'trial_already_reviewed', { reviewedOn: m.trialReviewedOn }));
  }
  const today = localDate(now, policy.timeZone);
  const changing = outcome === 'change_mentor';
  return allow({
    outcome,
    reviewedOn: today,
    nextState: changing ? 'awaiting_match' : 'active',
    endAssignment: changing && m.mentorId ? { mentorId: m.mentorId, reason: 'trial_review' } : null,
    planRevisionRequired: outcome === 'revise_plan',
    awaitingSince: changing ? today : null,
  });
}
