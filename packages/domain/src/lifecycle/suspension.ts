import type { Policy } from '../policy/schema';
import type { Decision, Refusal } from '../refusal';
import { allow, deny, refuse } from '../refusal';
import { isLocalDate, type LocalDate, localDate } from '../time/zone';
import { hospitalizationClock, totalCapStatus } from './clocks';
import type { Hospitalization, LifecycleFacts, Suspension } from './facts';
import { notInState } from './guard';
import { LIFECYCLE_RULE_ID, type SuspensionReason } from './states';

export const SUSPENSION_REFUSAL_CODES = [
  'hospitalization_not_in_program',
  'hospitalization_dates_invalid',
  'hospitalization_not_recorded',
  'renewal_not_open',
  'discharge_date_unknown',
] as const;

/** MOH-15: record (or update) a hospitalization: its start and expected discharge. */
export function recordHospitalization(
  facts: LifecycleFacts,
  h: Hospitalization,
  policy: Policy,
): Decision<Hospitalization> {
  const rule = policy.hospitalization;
  if (!rule) return deny(refuse(LIFECYCLE_RULE_ID, 'hospitalization_not_in_program', {}));
  const wrongState = notInState('record_hospitalization', facts.mentorship.state);
  if (wrongState) return deny(wrongState);
  const dates = [h.startedOn, h.expectedDischargeOn, h.dischargedOn].filter(
    (d): d is LocalDate => d !== null,
  );
  const valid =
    dates.every(isLocalDate) &&
    (!h.expectedDischargeOn || h.expectedDischargeOn >= h.startedOn) &&
    (!h.dischargedOn || h.dischargedOn >= h.startedOn);
  if (!valid) return deny(refuse(rule.ruleId, 'hospitalization_dates_invalid', { startedOn: h.startedOn }));
  return allow(h);
}

/**
 * Suspend the service. For hospitalization the rule requires it after the
 * third month (MOH-15, see `mustSuspendForHospitalization`); a coordinator may
 * also suspend earlier or for another reason.
 */
export function suspendMentorship(
  facts: LifecycleFacts,
  reason: SuspensionReason,
  policy: Policy,
  now: Date,
): Decision<{ state: 'suspended'; suspension: Suspension }> {
  const m = facts.mentorship;
  const wrongState = notInState('suspend', m.state);
  if (wrongState) return deny(wrongState);
  if (reason === 'hospitalization' && !m.hospitalization) {
    return deny(
      refuse(policy.hospitalization?.ruleId ?? LIFECYCLE_RULE_ID, 'hospitalization_not_recorded', {}),
    );
  }
  const from = m.state === 'trial' ? 'trial' : 'active';
  return allow({ state: 'suspended', suspension: { reason, since: localDate(now, policy.timeZone), from } });
}

/**
 * Resume a suspended mentorship to the state it left. After a hospitalization
 * renewal opens N days before the expected discharge (MOH-15: two weeks), or on
 * discharge; the total cap (MOH-6) must leave a day to serve.
 */
export function resumeMentorship(
  facts: LifecycleFacts,
  policy: Policy,
  now: Date,
): Decision<{ state: 'trial' | 'active'; clearHospitalization: boolean }> {
  const m = facts.mentorship;
  const wrongState = notInState('resume', m.state);
  if (wrongState) return deny(wrongState);
  const today = localDate(now, policy.timeZone);
  const refusals: Refusal[] = [];
  const h = m.hospitalization;
  if (m.suspension?.reason === 'hospitalization' && h) {
    const clock = hospitalizationClock(h, policy);
    if (clock && !clock.renewalOpensOn) refusals.push(refuse(clock.ruleId, 'discharge_date_unknown', {}));
    else if (clock?.renewalOpensOn && today < clock.renewalOpensOn) {
      refusals.push(
        refuse(clock.ruleId, 'renewal_not_open', {
          renewalOpensOn: clock.renewalOpensOn,
          expectedDischargeOn: h.expectedDischargeOn,
        }),
      );
    }
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
  if (refusals.length) return deny(...refusals);
  return allow({ state: m.suspension?.from ?? 'active', clearHospitalization: !!h });
}
