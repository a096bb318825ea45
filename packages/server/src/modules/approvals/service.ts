import type { Approval, zApprovalDecision } from '@tandem/contract';
import { approvals, mentorships } from '@tandem/db';
import { decideApproval } from '@tandem/domain/approvals/index';
import { applyExtension, applyVirtualContinuation } from '@tandem/domain/lifecycle/index';
import { localDate } from '@tandem/domain/time/index';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import { notFound } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { appendStep, type CommandDeps, must } from '../mentorships/command';
import { loadFacts } from '../mentorships/facts';
import { lockMentorshipOfApproval } from '../mentorships/queries';
import { textsFor } from '../mentorships/texts';
import { policyOf } from '../programs/service';
import { DECISION_REASON, findApproval, listApprovals, toApproval, toDomainApproval } from './queries';

const audited = (
  scope: Scope,
  meta: RequestMeta,
  action: string,
  id: string | null,
  subjectId: string | null,
) => ({
  orgId: scope.orgId,
  actorUserId: scope.userId,
  actorRole: scope.role,
  action,
  entityType: 'approval',
  entityId: id,
  subjectId,
  outcome: 'success' as const,
  ip: meta.ip,
  requestId: meta.requestId,
});

/** The inbox of the signed-in role (TEN-09); listing requests about people is audited (AUD-01). */
export async function approvalInbox(
  deps: CommandDeps,
  scope: Scope,
  status: 'pending' | 'decided' | 'all',
  meta: RequestMeta,
): Promise<Approval[]> {
  return deps.db.transaction(async (tx) => {
    const rows = await listApprovals(tx, scope, status);
    const texts = await textsFor(deps.fields, tx, scope.orgId);
    await writeAudit(
      tx,
      { ...audited(scope, meta, 'approval.list', null, null), detail: { status, count: rows.length } },
      deps.clock.now(),
    );
    return rows.map((r) => toApproval(r, texts));
  });
}

export async function readApproval(deps: CommandDeps, scope: Scope, id: string, meta: RequestMeta) {
  return deps.db.transaction(async (tx) => {
    const row = await findApproval(tx, scope, id);
    if (!row) throw notFound('approval');
    await writeAudit(tx, audited(scope, meta, 'approval.read', id, row.a.participantId), deps.clock.now());
    return toApproval(row, await textsFor(deps.fields, tx, scope.orgId));
  });
}

/**
 * Approve or refuse a request, as the policy's role for it (the domain's
 * `decideApproval`). An approved extension moves the planned end (MOH-5) but
 * never past the total cap (MOH-6, checked again now); an approved virtual
 * continuation covers virtual mentoring up to its day (MOH-7). The mentorship
 * is locked first, so a decision and a command on the same mentorship never
 * interleave, and a second decision finds the first (422).
 */
export async function decide(
  deps: CommandDeps,
  scope: Scope,
  id: string,
  input: z.output<typeof zApprovalDecision>,
  meta: RequestMeta,
): Promise<Approval> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const seen = await findApproval(tx, scope, id);
    if (!seen) throw notFound('approval');
    const found = await lockMentorshipOfApproval(tx, scope, seen.a.mentorshipId);
    const current = (await findApproval(tx, scope, id))!;
    const policy = policyOf(found.program);
    const decided = must(
      decideApproval(
        toDomainApproval(current.a),
        { outcome: input.outcome, by: scope.userId, role: scope.role, at: now, reason: input.reason },
        policy,
      ),
    );
    const texts = await textsFor(deps.fields, tx, scope.orgId);

    if (decided.status === 'approved' && decided.kind !== 'cap_override') {
      const { facts } = await loadFacts(tx, scope, found, policy);
      const set =
        decided.kind === 'extension'
          ? must(applyExtension(facts, decided, policy, now))
          : must(applyVirtualContinuation(facts, decided, policy));
      const { ms } = found;
      const [updated] = await tx
        .update(mentorships)
        .set({ ...set, updatedAt: now, version: ms.version + 1 })
        .where(and(eq(mentorships.orgId, scope.orgId), eq(mentorships.id, ms.id)))
        .returning();
      await appendStep(tx, scope, texts, {
        ms: updated!,
        action: `${decided.kind}_approved`,
        fromState: ms.state,
        on: localDate(now, policy.timeZone),
        at: now,
        reason: decided.kind,
        note: null,
      });
    }

    await tx
      .update(approvals)
      .set({
        status: decided.status,
        decidedBy: scope.userId,
        decidedAt: now,
        decisionReason: texts.seal(DECISION_REASON, id, decided.decision?.reason ?? input.reason),
        version: current.a.version + 1,
      })
      .where(and(eq(approvals.orgId, scope.orgId), eq(approvals.id, id), eq(approvals.status, 'pending')));
    await writeAudit(
      tx,
      {
        ...audited(scope, meta, 'approval.decide', id, current.a.participantId),
        detail: { kind: decided.kind, outcome: input.outcome },
      },
      now,
    );
    return toApproval((await findApproval(tx, scope, id))!, texts);
  });
}
