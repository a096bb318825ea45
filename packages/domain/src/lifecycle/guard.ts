import type { Refusal } from '../refusal';
import { refuse } from '../refusal';
import { LIFECYCLE_RULE_ID, type MentorshipAction, type MentorshipState, targetsOf } from './states';

export const GUARD_REFUSAL_CODES = ['action_not_available', 'participant_has_open_mentorship'] as const;

/** Refusal when the transition table has no such action in this state. */
export function notInState(action: MentorshipAction, state: MentorshipState): Refusal | null {
  return targetsOf(state, action).length > 0
    ? null
    : refuse(LIFECYCLE_RULE_ID, 'action_not_available', { action, state });
}

/**
 * A person has at most one open mentorship: a new mentor is a rematch on the
 * open one (MOH-16 keeps its history there), never a second, parallel record.
 */
export function alreadyHasOpenMentorship(open: { id: string; state: MentorshipState }): Refusal {
  return refuse(LIFECYCLE_RULE_ID, 'participant_has_open_mentorship', {
    mentorshipId: open.id,
    state: open.state,
  });
}
