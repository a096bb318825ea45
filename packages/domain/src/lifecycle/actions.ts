import type { Policy } from '../policy/schema';
import type { Decision, Refusal } from '../refusal';
import { allow } from '../refusal';
import { addDays, localDate, maxDate } from '../time/zone';
import { virtualHorizonOn } from './clocks';
import { changeMentor, closeMentorship } from './closure';
import { canRecordContact } from './contact';
import { requestExtension } from './extension';
import type { LifecycleFacts } from './facts';
import { canStart } from './start';
import { actionsIn, type MentorshipAction, type MentorshipState, targetsOf } from './states';
import { resumeMentorship, suspendMentorship } from './suspension';
import { reviewTrial } from './trial';
import { requestVirtualContinuation } from './virtual';

export interface ActionAvailability {
  readonly action: MentorshipAction;
  readonly allowed: boolean;
  /** Why not, when not allowed: the same refusals the server returns. */
  readonly refusals: readonly Refusal[];
  /** States the action may lead to (from the transition table). */
  readonly targets: readonly MentorshipState[];
}

const PROBE = { id: 'probe', requestedBy: 'probe', reason: 'probe' };

/** Actions that only exist when the program has the rule behind them. */
function relevant(action: MentorshipAction, facts: LifecycleFacts, policy: Policy): boolean {
  switch (action) {
    case 'review_trial':
      return !!policy.trial;
    case 'switch_mode':
      return !!policy.virtual;
    case 'request_extension':
      return !!policy.duration;
    case 'request_virtual_continuation':
      return !!policy.virtual && facts.mentorship.mode === 'virtual';
    case 'record_hospitalization':
      return !!policy.hospitalization;
    default:
      return true;
  }
}

function check(
  action: MentorshipAction,
  facts: LifecycleFacts,
  policy: Policy,
  now: Date,
): Decision<unknown> {
  const m = facts.mentorship;
  switch (action) {
    case 'start':
      return canStart(facts, policy, now);
    case 'record_contact': {
      const mode = m.mode === 'virtual' ? (policy.virtual?.modes[0] ?? 'video') : 'in_person';
      return canRecordContact(facts, { startsAt: now, mode }, policy, now);
    }
    case 'review_trial':
      return reviewTrial(facts, 'continue', policy, now);
    case 'request_extension': {
      const from = m.plannedEndOn ?? localDate(now, policy.timeZone);
      return requestExtension(facts, addDays(from, 1), PROBE, policy, now);
    }
    case 'request_virtual_continuation': {
      const horizon = virtualHorizonOn(m, policy) ?? localDate(now, policy.timeZone);
      const next = m.virtualApprovedUntil ? maxDate(horizon, addDays(m.virtualApprovedUntil, 1)) : horizon;
      return requestVirtualContinuation(facts, next, PROBE, policy, now);
    }
    case 'suspend':
      return suspendMentorship(facts, 'other', policy, now);
    case 'resume':
      return resumeMentorship(facts, policy, now);
    case 'change_mentor':
      return changeMentor(facts, 'mismatch', policy, now);
    case 'close':
      return closeMentorship(facts, 'participant_choice', null, policy, now);
    case 'switch_mode':
    case 'record_hospitalization':
      return allow(true);
  }
}

/**
 * What may happen next to a mentorship in `state`, and why not when it may
 * not. The server calls it before acting and the UI to enable buttons; both
 * get the same refusals (DESIGN principle 1). Actions whose rule the program
 * lacks (no trial, no virtual mode, …) are left out.
 */
export function availableActions(
  state: MentorshipState,
  facts: LifecycleFacts,
  policy: Policy,
  now: Date,
): ActionAvailability[] {
  const inState: LifecycleFacts = { ...facts, mentorship: { ...facts.mentorship, state } };
  return actionsIn(state)
    .filter((action) => relevant(action, inState, policy))
    .map((action) => {
      const d = check(action, inState, policy, now);
      return { action, allowed: d.ok, refusals: d.ok ? [] : d.refusals, targets: targetsOf(state, action) };
    });
}

/** Convenience for a single action: the refusals, or an empty list when allowed. */
export function refusalsFor(
  action: MentorshipAction,
  facts: LifecycleFacts,
  policy: Policy,
  now: Date,
): readonly Refusal[] | null {
  const found = availableActions(facts.mentorship.state, facts, policy, now).find((a) => a.action === action);
  return found ? found.refusals : null;
}
