import type { ContactMode } from '../contacts/modes';
import type { Policy } from '../policy/schema';
import type { Decision, Refusal } from '../refusal';
import { allow, deny, refuse } from '../refusal';
import { localDate } from '../time/zone';
import {
  hospitalizationClock,
  mustSuspendForHospitalization,
  totalCapStatus,
  virtualContinuationMissing,
  virtualHorizonOn,
} from './clocks';
import type { LifecycleFacts } from './facts';
import { notInState } from './guard';

export const CONTACT_LIFECYCLE_REFUSAL_CODES = [
  'contact_in_future',
  'briefing_not_acknowledged',
  'planned_end_passed',
  'hospitalization_suspension_required',
  'virtual_continuation_required',
] as const;

/** What the contact rule reads: the mentorship, its mentor (RAMP-4) and the person's service so far (MOH-6). */
export type ContactFacts = Pick<LifecycleFacts, 'mentorship' | 'mentor' | 'serviceHistory'>;

/**
 * A phone's clock runs a little fast now and then; a contact logged "now" on
 * it is not a contact in the future.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * May a contact on this instant, by this mode, be logged in this mentorship?
 * RAMP-4 briefing before the first contact; MOH-5 not past the planned end
 * without an approved extension; MOH-6 not past the total cap; MOH-15 not
 * after the third month of hospitalization; MOH-7 virtual contacts beyond the
 * horizon need an approved continuation. Weekly caps are `checkWeeklyCaps`.
 */
export function canRecordContact(
  facts: ContactFacts,
  contact: { readonly startsAt: Date; readonly mode: ContactMode },
  policy: Policy,
  now: Date,
): Decision {
  const m = facts.mentorship;
  const wrongState = notInState('record_contact', m.state);
  if (wrongState) return deny(wrongState);
  const day = localDate(contact.startsAt, policy.timeZone);
  const today = localDate(now, policy.timeZone);
  const refusals: Refusal[] = [];

  if (contact.startsAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    refusals.push(refuse('API-01', 'contact_in_future', { date: day }));
  }

  if (policy.briefing) {
    const ack = facts.mentor?.briefingAcknowledgedOn;
    if (!ack || ack > day) refusals.push(refuse(policy.briefing.ruleId, 'briefing_not_acknowledged', {}));
  }

  if (policy.duration && m.plannedEndOn && day > m.plannedEndOn) {
    refusals.push(refuse(policy.duration.ruleId, 'planned_end_passed', { plannedEndOn: m.plannedEndOn }));
  }

  const cap = totalCapStatus(facts.serviceHistory, policy, today);
  if (cap && day > cap.lastAllowedDay) {
    refusals.push(
      refuse(cap.ruleId, 'total_duration_cap_reached', {
        maxMonths: cap.maxMonths,
        lastAllowedDay: cap.lastAllowedDay,
      }),
    );
  }

  if (m.hospitalization && mustSuspendForHospitalization(m, policy, day)) {
    const clock = hospitalizationClock(m.hospitalization, policy);
    refusals.push(
      refuse(clock?.ruleId ?? 'MOH-15', 'hospitalization_suspension_required', {
        suspendFrom: clock?.suspendFrom ?? day,
      }),
    );
  }

  if (policy.virtual?.modes.includes(contact.mode) && virtualContinuationMissing(m, policy, day)) {
    refusals.push(
      refuse(policy.virtual.ruleId, 'virtual_continuation_required', {
        horizonOn: virtualHorizonOn(m, policy) ?? day,
        approverRole: policy.virtual.approverRole,
      }),
    );
  }

  return refusals.length ? deny(...refusals) : allow(true);
}
