import type { Policy } from '../policy/schema';
import type { Decision, Refusal, RefusalParams } from '../refusal';
import { allow, deny, refuse } from '../refusal';
import type { Role } from '../roles';

/**
 * Decisions a named role takes on a request (capability 8):
 * - extension: passing the planned end date (MOH-5), decided by the policy's extension approver;
 * - virtual_continuation: virtual mentorship beyond its horizon (MOH-7), by the virtual approver;
 * - cap_override: a week over its cap (MOH-3/MOH-7), by the cap's override role.
 */
export const APPROVAL_KINDS = ['extension', 'virtual_continuation', 'cap_override'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

export const APPROVAL_STATUSES = ['pending', 'approved', 'refused'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export type ApprovalOutcome = 'approve' | 'refuse';

export const APPROVAL_REFUSAL_CODES = [
  'approval_kind_not_in_program',
  'approval_role_not_allowed',
  'approval_already_decided',
  'approval_reason_required',
  'approval_already_pending',
] as const;

export interface ApprovalDecision {
  readonly outcome: ApprovalOutcome;
  readonly by: string;
  readonly role: Role;
  readonly at: Date;
  readonly reason: string;
}

export interface Approval {
  readonly id: string;
  readonly kind: ApprovalKind;
  readonly mentorshipId: string;
  readonly status: ApprovalStatus;
  readonly requestedAt: Date;
  readonly requestedBy: string;
  /** What is asked: extension/virtual_continuation `{ until: 'YYYY-MM-DD' }`, cap_override `{ weekStart }`. */
  readonly params: RefusalParams;
  readonly reason: string;
  readonly decision: ApprovalDecision | null;
}

/** The rule an approval kind serves and the roles that may decide it in this program; null when the program has no such rule. */
export function approvalRule(kind: ApprovalKind, policy: Policy): { ruleId: string; roles: Role[] } | null {
  switch (kind) {
    case 'extension':
      return policy.duration
        ? { ruleId: policy.duration.ruleId, roles: [policy.duration.extensionApproverRole] }
        : null;
    case 'virtual_continuation':
      return policy.virtual ? { ruleId: policy.virtual.ruleId, roles: [policy.virtual.approverRole] } : null;
    case 'cap_override':
      if (policy.weeklyCap)
        return { ruleId: policy.weeklyCap.ruleId, roles: [policy.weeklyCap.overrideRole] };
      return policy.virtual ? { ruleId: policy.virtual.ruleId, roles: ['coordinator'] } : null;
  }
}

/** Kinds a role may decide in this program (drives the approvals inbox). */
export function decidableKinds(role: Role, policy: Policy): ApprovalKind[] {
  return APPROVAL_KINDS.filter((k) => approvalRule(k, policy)?.roles.includes(role) ?? false);
}

export const mayDecide = (kind: ApprovalKind, role: Role, policy: Policy): boolean =>
  approvalRule(kind, policy)?.roles.includes(role) ?? false;

export interface ApprovalRequest {
  readonly id: string;
  readonly kind: ApprovalKind;
  readonly mentorshipId: string;
  readonly requestedBy: string;
  readonly params: RefusalParams;
  readonly reason: string;
}

const blank = (s: string) => s.trim().length === 0;

/** Opens a request; one pending request of a kind per mentorship. */
export function requestApproval(
  request: ApprovalRequest,
  existing: readonly Approval[],
  policy: Policy,
  now: Date,
): Decision<Approval> {
  const rule = approvalRule(request.kind, policy);
  if (!rule) return deny(refuse('API-01', 'approval_kind_not_in_program', { kind: request.kind }));
  const refusals: Refusal[] = [];
  if (blank(request.reason))
    refusals.push(refuse(rule.ruleId, 'approval_reason_required', { kind: request.kind }));
  const pending = existing.find(
    (a) => a.kind === request.kind && a.mentorshipId === request.mentorshipId && a.status === 'pending',
  );
  if (pending)
    refusals.push(
      refuse(rule.ruleId, 'approval_already_pending', { kind: request.kind, approvalId: pending.id }),
    );
  if (refusals.length) return deny(...refusals);
  return allow({
    ...request,
    status: 'pending',
    requestedAt: now,
    decision: null,
  });
}

/**
 * Approve or refuse a pending request. Only the policy's role for the kind may
 * decide, a reason is always recorded, and a decided request stays decided.
 */
export function decideApproval(
  approval: Approval,
  decision: ApprovalDecision,
  policy: Policy,
): Decision<Approval> {
  const rule = approvalRule(approval.kind, policy);
  if (!rule) return deny(refuse('API-01', 'approval_kind_not_in_program', { kind: approval.kind }));
  if (approval.status !== 'pending') {
    return deny(
      refuse(rule.ruleId, 'approval_already_decided', { kind: approval.kind, status: approval.status }),
    );
  }
  const refusals: Refusal[] = [];
  if (!rule.roles.includes(decision.role)) {
    refusals.push(
      refuse(rule.ruleId, 'approval_role_not_allowed', {
        kind: approval.kind,
        role: decision.role,
        allowedRole: rule.roles.join(', '),
      }),
    );
  }
  if (blank(decision.reason))
    refusals.push(refuse(rule.ruleId, 'approval_reason_required', { kind: approval.kind }));
  if (refusals.length) return deny(...refusals);
  return allow({
    ...approval,
    status: decision.outcome === 'approve' ? 'approved' : 'refused',
    decision: { ...decision, reason: decision.reason.trim() },
  });
}

/** Pending requests a role may decide, oldest first. */
export function pendingFor(role: Role, approvals: readonly Approval[], policy: Policy): Approval[] {
  return approvals
    .filter((a) => a.status === 'pending' && mayDecide(a.kind, role, policy))
    .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime() || (a.id < b.id ? -1 : 1));
}
