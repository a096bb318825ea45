import type { Policy } from '../policy/schema';
import type { Decision } from '../refusal';
import { allow, deny, refuse } from '../refusal';
import { type LocalDate, localDate } from '../time/zone';
import type { LifecycleFacts } from './facts';
import { notInState } from './guard';
import { type ClosureReason, LIFECYCLE_RULE_ID, type RematchReason } from './states';

export const CLOSURE_REFUSAL_CODES = ['closure_note_required', 'no_current_mentor'] as const;

export interface ClosureEffect {
  readonly state: 'closed';
  readonly reason: ClosureReason;
  readonly closedOn: LocalDate;
  /** The current mentor's assignment ends with the mentorship. */
  readonly endAssignment: { readonly mentorId: string } | null;
}

/**
 * Close with a reason. MOH-14: the participant may end the service at any
 * time, so closing is never blocked by other rules; 'other' needs a note.
 */
export function closeMentorship(
  facts: LifecycleFacts,
  reason: ClosureReason,
  note: string | null,
  policy: Policy,
  now: Date,
): Decision<ClosureEffect> {
  const m = facts.mentorship;
  const wrongState = notInState('close', m.state);
  if (wrongState) return deny(wrongState);
  if (reason === 'other' && !note?.trim())
    return deny(refuse(LIFECYCLE_RULE_ID, 'closure_note_required', { reason }));
  return allow({
    state: 'closed',
    reason,
    closedOn: localDate(now, policy.timeZone),
    endAssignment: m.mentorId ? { mentorId: m.mentorId } : null,
  });
}

export interface RematchEffect {
  readonly state: 'awaiting_match';
  readonly endAssignment: {
    readonly mentorId: string;
    readonly reason: RematchReason;
    readonly endedOn: LocalDate;
  };
  readonly awaitingSince: LocalDate;
}

/**
 * MOH-16: the mentor leaves or the match is inadequate; the mentorship goes
 * back to awaiting a match and keeps its history, plan and clocks. The next
 * mentor starts a new trial (see `canStart`).
 */
export function changeMentor(
  facts: LifecycleFacts,
  reason: RematchReason,
  policy: Policy,
  now: Date,
): Decision<RematchEffect> {
  const m = facts.mentorship;
  const wrongState = notInState('change_mentor', m.state);
  if (wrongState) return deny(wrongState);
  const ruleId = policy.rematch?.ruleId ?? LIFECYCLE_RULE_ID;
  if (!m.mentorId) return deny(refuse(ruleId, 'no_current_mentor', {}));
  const today = localDate(now, policy.timeZone);
  return allow({
    state: 'awaiting_match',
    endAssignment: { mentorId: m.mentorId, reason, endedOn: today },
    awaitingSince: today,
  });
}
