import type { Refusal } from '../refusal';
import { refuse } from '../refusal';
import { LIFECYCLE_RULE_ID, type MentorshipAction, type MentorshipState, targetsOf } from './states';

export const GUARD_REFUSAL_CODES = ['action_not_available'] as const;

/** Refusal when the transition table has no such action in this state. */
export function notInState(action: MentorshipAction, state: MentorshipState): Refusal | null {
  return targetsOf(state, action).length > 0
    ? null
    : refuse(LIFECYCLE_RULE_ID, 'action_not_available', { action, state });
}
