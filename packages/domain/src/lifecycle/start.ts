import { planReadyForStart } from '../plans/plan';
import type { Policy } from '../policy/schema';
import type { Decision, Refusal } from '../refusal';
import { allow, deny, refuse } from '../refusal';
import { ageOn, type LocalDate, localDate, minDate } from '../time/zone';
import { defaultPlannedEndOn, totalCapStatus, trialReviewDueOn } from './clocks';
import type { LifecycleFacts } from './facts';
import { notInState } from './guard';
import { LIFECYCLE_RULE_ID } from './states';

export const START_REFUSAL_CODES = [
  'match_missing',
  'match_not_approved',
  'consent_missing',
  'mentor_birth_date_missing',
  'mentor_too_young',
  'participant_birth_date_missing',
  'participant_too_young',
  'mentor_training_incomplete',
  'mentor_training_hours_short',
  'mentor_is_family',
  'total_duration_cap_reached',
] as const;

export interface StartEffect {
  readonly state: 'trial' | 'active';
  readonly mentorId: string;
  /** First day of service; kept when a new mentor takes over (MOH-16). */
  readonly startedOn: LocalDate;
  /** A new mentor starts a new trial (MOH-4); null when the program has none. */
  readonly trialStartedOn: LocalDate | null;
  readonly trialReviewDueOn: LocalDate | null;
  /** Last planned day (MOH-5), never past the last day the total cap allows (MOH-6). */
  readonly plannedEndOn: LocalDate | null;
  readonly lastAllowedDay: LocalDate | null;
}

/**
 * Can the match start (or restart with a new mentor)? Every unmet rule is
 * returned at once, so a coordinator sees the whole list:
 * MOH-1 approved match + plan, RAMP-1 consent, MOH-10 mentor age, CM-3
 * participant age, MOH-13/CM-1 training, MOH-12 not family, MOH-6 total cap.
 */
export function canStart(facts: LifecycleFacts, policy: Policy, now: Date): Decision<StartEffect> {
  const today = localDate(now, policy.timeZone);
  const m = facts.mentorship;
  const wrongState = notInState('start', m.state);
  if (wrongState) return deny(wrongState);

  const refusals: Refusal[] = [];
  const { mentor, match, participant } = facts;
  const matchRule = policy.matchApproval?.ruleId ?? LIFECYCLE_RULE_ID;

  if (!match || !mentor || match.mentorId !== mentor.id) {
    refusals.push(refuse(matchRule, 'match_missing', {}));
  } else if (
    policy.matchApproval &&
    (match.approvedByRole !== policy.matchApproval.approverRole || !match.approvedOn)
  ) {
    refusals.push(
      refuse(matchRule, 'match_not_approved', { approverRole: policy.matchApproval.approverRole }),
    );
  }

  const plan = planReadyForStart(facts.plan, policy);
  if (!plan.ok) refusals.push(...plan.refusals);

  if (policy.consent && !(participant?.consentGivenOn && participant.consentGivenOn <= today)) {
    refusals.push(refuse(policy.consent.ruleId, 'consent_missing', {}));
  }

  if (policy.mentorMinAge && mentor) {
    const { ruleId, years } = policy.mentorMinAge;
    if (!mentor.birthDate) refusals.push(refuse(ruleId, 'mentor_birth_date_missing', { minAge: years }));
    else {
      const age = ageOn(mentor.birthDate, today);
      if (age < years) refusals.push(refuse(ruleId, 'mentor_too_young', { age, minAge: years }));
    }
  }

  if (policy.participantMinAge) {
    const { ruleId, years } = policy.participantMinAge;
    if (!participant?.birthDate)
      refusals.push(refuse(ruleId, 'participant_birth_date_missing', { minAge: years }));
    else {
      const age = ageOn(participant.birthDate, today);
      if (age < years) refusals.push(refuse(ruleId, 'participant_too_young', { age, minAge: years }));
    }
  }

  if (policy.training && mentor) {
    const { ruleId, requiredHours = 0 } = policy.training;
    const completed = !!mentor.trainingCompletedOn && mentor.trainingCompletedOn <= today;
    if (!completed) refusals.push(refuse(ruleId, 'mentor_training_incomplete', {}));
    else if (mentor.trainingHours < requiredHours) {
      refusals.push(
        refuse(ruleId, 'mentor_training_hours_short', { hours: mentor.trainingHours, requiredHours }),
      );
    }
  }

  if (policy.mentorNotFamily && mentor?.familyOf.includes(m.participantId)) {
    refusals.push(refuse(policy.mentorNotFamily.ruleId, 'mentor_is_family', {}));
  }

  const cap = totalCapStatus(facts.serviceHistory, policy, today);
  if (cap?.reached) {
    refusals.push(
      refuse(cap.ruleId, 'total_duration_cap_reached', {
        maxMonths: cap.maxMonths,
        lastAllowedDay: cap.lastAllowedDay,
      }),
    );
  }

  if (refusals.length || !mentor) return deny(...refusals);

  const startedOn = m.startedOn ?? today;
  const trialStartedOn = policy.trial ? today : null;
  const planned = m.plannedEndOn ?? defaultPlannedEndOn(startedOn, policy);
  return allow({
    state: policy.trial ? 'trial' : 'active',
    mentorId: mentor.id,
    startedOn,
    trialStartedOn,
    trialReviewDueOn: trialReviewDueOn({ trialStartedOn }, policy),
    plannedEndOn: planned && cap ? minDate(planned, cap.lastAllowedDay) : planned,
    lastAllowedDay: cap?.lastAllowedDay ?? null,
  });
}
