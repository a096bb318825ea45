import type { Approval } from '../approvals/approval';
import { requestApproval } from '../approvals/approval';
import type { Policy } from '../policy/schema';
import type { Decision, Refusal } from '../refusal';
import { allow, deny, refuse } from '../refusal';
import { isLocalDate, type LocalDate, localDate } from '../time/zone';
import { totalCapStatus } from './clocks';
import type { LifecycleFacts, Mentorship } from './facts';
import { notInState } from './guard';
import { LIFECYCLE_RULE_ID } from './states';

export const EXTENSION_REFUSAL_CODES = [
  'extension_not_in_program',
  'extension_not_later',
  'extension_beyond_total_cap',
  'approval_not_approved',
  'approval_for_other_mentorship',
  'approval_wrong_kind',
] as const;

export interface RequestMeta {
  readonly id: string;
  readonly requestedBy: string;
  readonly reason: string;
}

/** MOH-6 applies to every new end date: it may not pass the last day the total cap allows. */
function untilRefusals(facts: LifecycleFacts, until: LocalDate, policy: Policy, today: LocalDate): Refusal[] {
  if (!isLocalDate(until)) return [refuse('API-01', 'date_invalid', { date: until })];
  const cap = totalCapStatus(facts.serviceHistory, policy, today);
  if (cap && until > cap.lastAllowedDay) {
    return [
      refuse(cap.ruleId, 'extension_beyond_total_cap', {
        until,
        lastAllowedDay: cap.lastAllowedDay,
        maxMonths: cap.maxMonths,
      }),
    ];
  }
  return [];
}

/**
 * MOH-5: ask the policy's approver (the Rehabilitation Committee) to extend the
 * planned end to `until`, requested through the support team.
 */
export function requestExtension(
  facts: LifecycleFacts,
  until: LocalDate,
  meta: RequestMeta,
  policy: Policy,
  now: Date,
): Decision<Approval> {
  const m = facts.mentorship;
  if (!policy.duration) return deny(refuse(LIFECYCLE_RULE_ID, 'extension_not_in_program', {}));
  const wrongState = notInState('request_extension', m.state);
  if (wrongState) return deny(wrongState);
  const today = localDate(now, policy.timeZone);
  const refusals = untilRefusals(facts, until, policy, today);
  if (m.plannedEndOn && until <= m.plannedEndOn) {
    refusals.push(
      refuse(policy.duration.ruleId, 'extension_not_later', { until, plannedEndOn: m.plannedEndOn }),
    );
  }
  if (refusals.length) return deny(...refusals);
  return requestApproval(
    { ...meta, kind: 'extension', mentorshipId: m.id, params: { until, plannedEndOn: m.plannedEndOn } },
    facts.approvals,
    policy,
    now,
  );
}

export function approvedFor(approval: Approval, m: Mentorship, ruleId: string): Refusal[] {
  if (approval.mentorshipId !== m.id) {
    return [refuse(ruleId, 'approval_for_other_mentorship', { approvalId: approval.id })];
  }
  if (approval.status !== 'approved') {
    return [refuse(ruleId, 'approval_not_approved', { approvalId: approval.id, status: approval.status })];
  }
  return [];
}

/** MOH-5: an approved extension moves the planned end; MOH-6 is checked again. */
export function applyExtension(
  facts: LifecycleFacts,
  approval: Approval,
  policy: Policy,
  now: Date,
): Decision<{ plannedEndOn: LocalDate }> {
  if (!policy.duration) return deny(refuse(LIFECYCLE_RULE_ID, 'extension_not_in_program', {}));
  const ruleId = policy.duration.ruleId;
  const until = String(approval.params.until ?? '');
  const refusals = [
    ...(approval.kind === 'extension'
      ? []
      : [refuse(ruleId, 'approval_wrong_kind', { approvalId: approval.id, kind: approval.kind })]),
    ...approvedFor(approval, facts.mentorship, ruleId),
    ...untilRefusals(facts, until, policy, localDate(now, policy.timeZone)),
  ];
  return refusals.length ? deny(...refusals) : allow({ plannedEndOn: until });
}
