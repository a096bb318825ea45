import type { Approval } from '@tandem/contract';
import { approvals, type Db, participants, type Tx, users } from '@tandem/db';
import type { RefusalParams, Role } from '@tandem/domain';
import type { Approval as DomainApproval } from '@tandem/domain/approvals/index';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Scope } from '../../scope';
import { openNullable, type Texts } from '../mentorships/texts';

type Exec = Db | Tx;
export type ApprovalRow = typeof approvals.$inferSelect;

export const REQUEST_REASON = 'approvals.request_reason';
export const DECISION_REASON = 'approvals.decision_reason';

/**
 * Which requests the scope may see. Coordinators and admins run the program and
 * see all of the organisation's; a committee member only those routed to their
 * committee (TEN-09); nobody else any.
 */
export function visibleApprovals(scope: Scope): SQL {
  const org = eq(approvals.orgId, scope.orgId);
  switch (scope.role) {
    case 'admin':
    case 'coordinator':
      return org;
    case 'committee':
      return and(org, eq(approvals.approverRole, scope.role))!;
    default:
      return sql`false`;
  }
}

/** The inbox: requests routed to the signed-in role; an admin oversees them all. */
function inboxOf(scope: Scope): SQL {
  if (scope.role === 'admin') return visibleApprovals(scope);
  return and(visibleApprovals(scope), eq(approvals.approverRole, scope.role))!;
}

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

function selectApprovals(db: Exec) {
  return db
    .select({
      a: approvals,
      participantName: participants.displayName,
      requesterName: requester.displayName,
      deciderName: decider.displayName,
    })
    .from(approvals)
    .innerJoin(
      participants,
      and(eq(participants.orgId, approvals.orgId), eq(participants.id, approvals.participantId)),
    )
    .innerJoin(requester, eq(requester.id, approvals.requestedBy))
    .leftJoin(decider, eq(decider.id, approvals.decidedBy));
}
export type ApprovalRecord = Awaited<ReturnType<ReturnType<typeof selectApprovals>['where']>>[number];

export async function listApprovals(db: Exec, scope: Scope, status: 'pending' | 'decided' | 'all') {
  const byStatus =
    status === 'pending'
      ? eq(approvals.status, 'pending')
      : status === 'decided'
        ? inArray(approvals.status, ['approved', 'refused'])
        : undefined;
  return selectApprovals(db)
    .where(and(inboxOf(scope), byStatus))
    .orderBy(asc(approvals.requestedAt), asc(approvals.id))
    .limit(500);
}

export async function findApproval(db: Exec, scope: Scope, id: string) {
  const [row] = await selectApprovals(db)
    .where(and(visibleApprovals(scope), eq(approvals.id, id)))
    .limit(1);
  return row ?? null;
}

/** A mentorship's requests, newest first, for its file (the file's own scope check comes first). */
export async function approvalsOfMentorship(db: Exec, scope: Scope, mentorshipId: string) {
  return selectApprovals(db)
    .where(and(eq(approvals.orgId, scope.orgId), eq(approvals.mentorshipId, mentorshipId)))
    .orderBy(desc(approvals.requestedAt), desc(approvals.id));
}

export function toApproval(r: ApprovalRecord, texts: Texts): Approval {
  const a = r.a;
  return {
    id: a.id,
    kind: a.kind as Approval['kind'],
    ruleId: a.ruleId,
    approverRole: a.approverRole as Approval['approverRole'],
    status: a.status as Approval['status'],
    mentorshipId: a.mentorshipId,
    participant: { id: a.participantId, displayName: r.participantName },
    params: a.payload as RefusalParams,
    requestedAt: a.requestedAt.toISOString(),
    requestedBy: { id: a.requestedBy, displayName: r.requesterName },
    reason: texts.open(REQUEST_REASON, a.id, a.requestReason),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decidedBy: a.decidedBy ? { id: a.decidedBy, displayName: r.deciderName ?? '' } : null,
    decisionReason: openNullable(texts, DECISION_REASON, a.id, a.decisionReason),
    version: a.version,
  };
}

/**
 * A stored request as the rules see it. The rules never read the reason's
 * words, only whether one was given, so the sealed text stands in for it and
 * nothing is decrypted for a decision.
 */
export function toDomainApproval(a: ApprovalRow): DomainApproval {
  return {
    id: a.id,
    kind: a.kind as DomainApproval['kind'],
    mentorshipId: a.mentorshipId,
    status: a.status as DomainApproval['status'],
    requestedAt: a.requestedAt,
    requestedBy: a.requestedBy,
    params: a.payload as RefusalParams,
    reason: a.requestReason,
    decision:
      a.decidedAt && a.decidedBy && a.status !== 'pending'
        ? {
            outcome: a.status === 'approved' ? 'approve' : 'refuse',
            by: a.decidedBy,
            role: a.approverRole as Role,
            at: a.decidedAt,
            reason: a.decisionReason ?? '',
          }
        : null,
  };
}
