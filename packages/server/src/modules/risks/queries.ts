import {
  type Db,
  participants,
  programs,
  referrals,
  riskActions,
  riskAlerts,
  riskObservations,
  type Tx,
  users,
} from '@tandem/db';
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../../scope';

type Exec = Db | Tx;
export type RiskRow = typeof riskObservations.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;
export type AlertRow = typeof riskAlerts.$inferSelect;

/**
 * TEN-06: risk records are seen by the mentor who wrote them, coordinators and
 * admins — nobody else, not even another mentor of the same participant (who
 * gets 404, TEN-03). Mirrors the domain's `mayReadRisk`.
 */
export function visibleRisks(scope: Scope): SQL {
  const org = eq(riskObservations.orgId, scope.orgId);
  switch (scope.role) {
    case 'admin':
    case 'coordinator':
      return org;
    case 'mentor':
      return and(org, eq(riskObservations.observedBy, scope.userId))!;
    default:
      return sql`false`;
  }
}

const columns = {
  r: riskObservations,
  program: programs,
  participantName: participants.displayName,
  observedByName: users.displayName,
  alert: riskAlerts,
};

function base(db: Exec) {
  return db
    .select(columns)
    .from(riskObservations)
    .innerJoin(
      programs,
      and(eq(programs.orgId, riskObservations.orgId), eq(programs.id, riskObservations.programId)),
    )
    .innerJoin(
      participants,
      and(
        eq(participants.orgId, riskObservations.orgId),
        eq(participants.id, riskObservations.participantId),
      ),
    )
    .innerJoin(users, eq(users.id, riskObservations.observedBy))
    .leftJoin(
      riskAlerts,
      and(eq(riskAlerts.orgId, riskObservations.orgId), eq(riskAlerts.observationId, riskObservations.id)),
    );
}
export type FoundRisk = {
  r: RiskRow;
  program: typeof programs.$inferSelect;
  participantName: string;
  observedByName: string;
  alert: AlertRow | null;
};

export async function findRisk(db: Exec, scope: Scope, id: string, opts: { lock?: boolean } = {}) {
  const q = base(db)
    .where(and(visibleRisks(scope), eq(riskObservations.id, id)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: riskObservations }) : await q;
  return (row as FoundRisk | undefined) ?? null;
}

export async function listRisks(
  db: Exec,
  scope: Scope,
  filter: { status: string; participantId?: string | undefined },
) {
  const conds: SQL[] = [visibleRisks(scope)];
  if (filter.status === 'active') conds.push(ne(riskObservations.status, 'closed'));
  else if (filter.status !== 'all') conds.push(eq(riskObservations.status, filter.status));
  if (filter.participantId) conds.push(eq(riskObservations.participantId, filter.participantId));
  return (await base(db)
    .where(and(...conds))
    .orderBy(desc(riskObservations.observedAt))
    .limit(500)) as FoundRisk[];
}

export async function actionsOf(db: Exec, scope: Scope, observationId: string) {
  return db
    .select()
    .from(riskActions)
    .where(and(eq(riskActions.orgId, scope.orgId), eq(riskActions.observationId, observationId)))
    .orderBy(asc(riskActions.recordedAt));
}

export async function referralsOf(
  db: Exec,
  scope: Scope,
  filter: { observationId?: string; open?: boolean | null },
) {
  const conds: SQL[] = [eq(referrals.orgId, scope.orgId)];
  if (filter.observationId) conds.push(eq(referrals.observationId, filter.observationId));
  if (filter.open === true) conds.push(inArray(referrals.status, ['referred', 'accepted']));
  if (filter.open === false) conds.push(inArray(referrals.status, ['completed', 'declined', 'not_reached']));
  return db
    .select({ ref: referrals, participantName: participants.displayName })
    .from(referrals)
    .innerJoin(
      participants,
      and(eq(participants.orgId, referrals.orgId), eq(participants.id, referrals.participantId)),
    )
    .where(and(...conds))
    .orderBy(desc(referrals.referredOn), desc(referrals.createdAt))
    .limit(500);
}

export async function findReferral(tx: Tx, scope: Scope, id: string) {
  const [row] = await tx
    .select({ ref: referrals, participantName: participants.displayName })
    .from(referrals)
    .innerJoin(
      participants,
      and(eq(participants.orgId, referrals.orgId), eq(participants.id, referrals.participantId)),
    )
    .where(and(eq(referrals.orgId, scope.orgId), eq(referrals.id, id)))
    .limit(1)
    .for('update', { of: referrals });
  return row ?? null;
}

/**
 * The unreferred, open observations for the needs-attention list, with the
 * durable alert each raised (REL-08: the list reads the alert rows, so an
 * alert written before a crash shows after the restart).
 */
export async function openRisksForAttention(db: Exec, scope: Scope) {
  if (scope.role !== 'coordinator' && scope.role !== 'admin') return [];
  return db
    .select({
      r: riskObservations,
      program: programs,
      participantName: participants.displayName,
      alertedAt: riskAlerts.raisedAt,
    })
    .from(riskObservations)
    .innerJoin(
      programs,
      and(eq(programs.orgId, riskObservations.orgId), eq(programs.id, riskObservations.programId)),
    )
    .innerJoin(
      participants,
      and(
        eq(participants.orgId, riskObservations.orgId),
        eq(participants.id, riskObservations.participantId),
      ),
    )
    .leftJoin(
      riskAlerts,
      and(eq(riskAlerts.orgId, riskObservations.orgId), eq(riskAlerts.observationId, riskObservations.id)),
    )
    .where(and(visibleRisks(scope), eq(riskObservations.status, 'open')))
    .limit(1000);
}
