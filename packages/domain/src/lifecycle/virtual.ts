import type { Approval } from '../approvals/approval';
import { requestApproval } from '../approvals/approval';
import type { Policy } from '../policy/schema';
import type { Decision, Refusal } from '../refusal';
import { allow, deny, refuse } from '../refusal';
import { isLocalDate, type LocalDate, localDate } from '../time/zone';
import { totalCapStatus, virtualHorizonOn } from './clocks';
import { approvedFor, type RequestMeta } from './extension';
import type { LifecycleFacts } from './facts';
import { notInState } from './guard';
import { LIFECYCLE_RULE_ID, type MentorshipMode } from './states';

export const VIRTUAL_REFUSAL_CODES = [
  'virtual_not_in_program',
  'mode_unchanged',
  'not_virtual',
  'virtual_continuation_before_horizon',
] as const;

export interface ModeEffect {
  readonly mode: MentorshipMode;
  readonly virtualSince: LocalDate | null;
  readonly virtualApprovedUntil: LocalDate | null;
}

/** MOH-7: switch between in-person and (temporary) virtual mentorship; the virtual clock starts today. */
export function switchMode(
  facts: LifecycleFacts,
  mode: MentorshipMode,
  policy: Policy,
  now: Date,
): Decision<ModeEffect> {
  const m = facts.mentorship;
  if (!policy.virtual) return deny(refuse(LIFECYCLE_RULE_ID, 'virtual_not_in_program', {}));
  const wrongState = notInState('switch_mode', m.state);
  if (wrongState) return deny(wrongState);
  if (m.mode === mode) return deny(refuse(policy.virtual.ruleId, 'mode_unchanged', { mode }));
  return allow(
    mode === 'virtual'
      ? { mode, virtualSince: localDate(now, policy.timeZone), virtualApprovedUntil: null }
      : { mode, virtualSince: null, virtualApprovedUntil: null },
  );
}

/** MOH-7: ask the approver (the District Coordinator) to continue virtual service up to `until`. */
export function requestVirtualContinuation(
  facts: LifecycleFacts,
  until: LocalDate,
  meta: RequestMeta,
  policy: Policy,
  now: Date,
): Decision<Approval> {
  const m = facts.mentorship;
  const rule = policy.virtual;
  if (!rule) return deny(refuse(LIFECYCLE_RULE_ID, 'virtual_not_in_program', {}));
  const wrongState = notInState('request_virtual_continuation', m.state);
  if (wrongState) return deny(wrongState);
  const horizonOn = virtualHorizonOn(m, policy);
  if (!horizonOn) return deny(refuse(rule.ruleId, 'not_virtual', {}));
  const refusals: Refusal[] = [];
  if (!isLocalDate(until) || until < horizonOn) {
    refusals.push(refuse(rule.ruleId, 'virtual_continuation_before_horizon', { until, horizonOn }));
  }
  const cap = totalCapStatus(facts.serviceHistory, policy, localDate(now, policy.timeZone));
  if (cap && until > cap.lastAllowedDay) {
    refusals.push(
      refuse(cap.ruleId, 'extension_beyond_total_cap', {
        until,
        lastAllowedDay: cap.lastAllowedDay,
        maxMonths: cap.maxMonths,
      }),
    );
  }
  if (refusals.length) return deny(...refusals);
  return requestApproval(
    { ...meta, kind: 'virtual_continuation', mentorshipId: m.id, params: { until, horizonOn } },
    facts.approvals,
    policy,
    now,
  );
}

/** MOH-7: an approved continuation covers virtual service up to its `until` day. */
export function applyVirtualContinuation(
  facts: LifecycleFacts,
  approval: Approval,
  policy: Policy,
): Decision<{ virtualApprovedUntil: LocalDate }> {
  const rule = policy.virtual;
  if (!rule) return deny(refuse(LIFECYCLE_RULE_ID, 'virtual_not_in_program', {}));
  const refusals = approvedFor(approval, facts.mentorship, rule.ruleId);
  if (approval.kind !== 'virtual_continuation') {
    refusals.push(
      refuse(rule.ruleId, 'approval_wrong_kind', { approvalId: approval.id, kind: approval.kind }),
    );
  }
  return refusals.length
    ? deny(...refusals)
    : allow({ virtualApprovedUntil: String(approval.params.until ?? '') });
}
