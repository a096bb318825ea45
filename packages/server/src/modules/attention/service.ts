import type { AttentionItemDto } from '@tandem/contract';
import type { contacts, programs } from '@tandem/db';
import type { Role } from '@tandem/domain';
import type { Approval } from '@tandem/domain/approvals/index';
import {
  type AttentionItem,
  compareAttention,
  type MentorshipCase,
  needsAttention,
  type ParticipantCheckIns,
  type RiskObservation,
  type UnmatchedParticipant,
} from '@tandem/domain/attention/index';
import type { Contact } from '@tandem/domain/contacts/index';
import { localDate } from '@tandem/domain/time/index';
import { writeAudit } from '../../audit/audit';
import type { Scope } from '../../scope';
import { toDomainApproval } from '../approvals/queries';
import type { RequestMeta } from '../auth/service';
import type { CommandDeps } from '../mentorships/command';
import { serviceHistoryOf, toDomainMentorship } from '../mentorships/facts';
import { serviceRecordsOf } from '../mentorships/queries';
import { policyOf } from '../programs/service';
import { betweenMeetings } from './between-meetings';
import {
  lastReached,
  openMentorshipsInScope,
  pendingApprovals,
  recentContacts,
  unmatchedParticipantsInScope,
} from './queries';

type ProgramRow = typeof programs.$inferSelect;

/** Three weeks of contacts cover the current and the last whole program week. */
const RECENT_MS = 21 * 24 * 3600_000;

const toDomainContact = (r: typeof contacts.$inferSelect): Contact => ({
  id: r.id,
  startsAt: r.startsAt,
  durationMinutes: r.durationMinutes,
  mode: r.mode as Contact['mode'],
  reached: r.reached,
  domains: r.domains,
  wellbeing: r.wellbeing,
  specialActivity: r.specialActivity,
  capOverrideReason: r.overCapReason,
});

/**
 * An admin runs the program with the coordinators and sees their list; every
 * other role sees its own (the domain decides who is shown what).
 */
const audienceRole = (scope: Scope): Role => (scope.role === 'admin' ? 'coordinator' : scope.role);

/**
 * The needs-attention list of the signed-in role, computed by the domain from
 * the scope's open mentorships (trial reviews, planned ends, total cap,
 * hospitalization clocks, people waiting for a mentor), the people never
 * matched at all (MOH-16), their recent contacts
 * (over-cap weeks, lapsed rhythm) and the pending requests the role decides.
 * A mentor gets only their own mentorships' items (TEN-03); a committee only
 * the requests routed to it (TEN-09). Reading it is audited (AUD-01).
 */
export async function attentionFor(
  deps: CommandDeps,
  scope: Scope,
  meta: RequestMeta,
): Promise<AttentionItemDto[]> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const open = await openMentorshipsInScope(tx, scope);
    const ids = open.map((o) => o.ms.id);
    const recent = await recentContacts(tx, scope, ids, new Date(now.getTime() - RECENT_MS));
    const reached = await lastReached(tx, scope, ids);
    const records = await serviceRecordsOf(tx, scope, [...new Set(open.map((o) => o.ms.participantId))]);
    const pending = await pendingApprovals(tx, scope, ids);
    const unmatched = await unmatchedParticipantsInScope(tx, scope);
    const between = await betweenMeetings(tx, scope, open, now);

    const byProgram = new Map<
      string,
      {
        program: ProgramRow;
        cases: MentorshipCase[];
        approvals: Approval[];
        unmatched: UnmatchedParticipant[];
        risks: RiskObservation[];
        checkIns: ParticipantCheckIns[];
      }
    >();
    const groupOf = (program: ProgramRow) => {
      const g = byProgram.get(program.id) ?? {
        program,
        cases: [],
        approvals: [],
        unmatched: [],
        risks: [],
        checkIns: [],
      };
      byProgram.set(program.id, g);
      return g;
    };
    for (const { ms, program } of open) {
      const own = recent.filter((c) => c.mentorshipId === ms.id).map(toDomainContact);
      const last = reached.get(ms.id) ?? null;
      groupOf(program).cases.push({
        mentorship: toDomainMentorship(ms),
        serviceHistory: serviceHistoryOf({
          mentorships: records.mentorships.filter((m) => m.participantId === ms.participantId),
          transitions: records.transitions.filter((t) => t.participantId === ms.participantId),
        }),
        contacts: own,
        lastReachedAt: last,
      });
    }
    for (const { a, program } of pending) groupOf(program).approvals.push(toDomainApproval(a));
    for (const u of unmatched) {
      groupOf(u.program).unmatched.push({
        participantId: u.id,
        waitingSince: localDate(u.createdAt, u.program.timeZone),
      });
    }

    for (const x of between.risks) groupOf(x.program).risks.push(x.risk);
    for (const x of between.checkIns) groupOf(x.program).checkIns.push(x.cases);

    const role = audienceRole(scope);
    const items: AttentionItem[] = [...byProgram.values()]
      .flatMap((g) =>
        needsAttention(
          {
            mentorships: g.cases,
            approvals: g.approvals,
            unmatched: g.unmatched,
            risks: g.risks,
            checkIns: g.checkIns,
          },
          policyOf(g.program),
          now,
          role,
        ),
      )
      .sort(compareAttention);

    const names = new Map<string, string>();
    for (const o of open) names.set(o.ms.id, o.participantName);
    for (const p of pending) names.set(p.a.id, p.participantName);
    for (const u of unmatched) names.set(u.id, u.displayName);
    for (const x of between.risks) names.set(x.risk.participantId, x.participantName);
    await writeAudit(
      tx,
      {
        orgId: scope.orgId,
        actorUserId: scope.userId,
        actorRole: scope.role,
        action: 'attention.read',
        entityType: 'attention',
        outcome: 'success',
        ip: meta.ip,
        requestId: meta.requestId,
        detail: { count: items.length },
      },
      now,
    );
    return items.map((i) => ({
      kind: i.kind,
      ruleId: i.ruleId,
      severity: i.severity,
      dueAt: i.dueAt.toISOString(),
      subject: { ...i.subject },
      params: { ...i.params },
      participantName:
        (i.subject.approvalId && names.get(i.subject.approvalId)) ||
        (i.subject.mentorshipId && names.get(i.subject.mentorshipId)) ||
        (i.subject.participantId && names.get(i.subject.participantId)) ||
        null,
    }));
  });
}
