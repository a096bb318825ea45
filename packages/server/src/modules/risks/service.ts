import { randomUUID } from 'node:crypto';
import type {
  EmergencyGuidance,
  RiskObservation,
  RiskObservationCreated,
  RiskObservationDetail,
  zRiskActionCreate,
  zRiskObservationCreate,
  zRiskQuery,
} from '@tandem/contract';
import { type Db, riskActions, riskAlerts, riskObservations, type Tx } from '@tandem/db';
import type { Locale } from '@tandem/domain';
import { RISK_SEVERITIES, type RiskSeverity } from '@tandem/domain/policy/index';
import {
  alertRoleOf,
  alertsAtOnce,
  canActOnRisk,
  emergencyGuidance,
  type RiskActionKind,
  type RiskIndicator,
  type RiskStatus,
  riskRuleOf,
  showsEmergencyGuidance,
} from '@tandem/domain/risks/index';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { entryFor, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { staleVersion } from '../../concurrency';
import type { Config } from '../../config';
import type { FieldCipher } from '../../crypto/fields';
import { AppError, fieldNotFound, notFound } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { must } from '../mentorships/command';
import { findMentorship } from '../mentorships/queries';
import { policyOf } from '../programs/service';
import { actionsOf, type FoundRisk, findRisk, listRisks, referralsOf } from './queries';
import { toReferral } from './referrals';

export interface RiskDeps {
  db: Db;
  clock: Clock;
  fields: FieldCipher;
  config: Config;
}

export const descriptionAad = (r: { orgId: string; id: string }) =>
  `risk_observations.description:${r.orgId}:${r.id}`;
export const actionNoteAad = (r: { orgId: string; id: string }) => `risk_actions.note:${r.orgId}:${r.id}`;

/** The record as its readers see it; only callers in `visibleRisks` ever reach here (TEN-06). */
function toRisk(found: FoundRisk, fields: FieldCipher, key: Buffer): RiskObservation {
  const { r, alert } = found;
  return {
    id: r.id,
    programId: r.programId,
    participantId: r.participantId,
    participantName: found.participantName,
    mentorshipId: r.mentorshipId,
    observedBy: r.observedBy,
    observedByName: found.observedByName,
    observedAt: r.observedAt.toISOString(),
    indicators: r.indicators as RiskIndicator[],
    severity: r.severity as RiskSeverity,
    description: fields.open(key, r.description, descriptionAad(r)),
    status: r.status as RiskStatus,
    alert: alert
      ? {
          raisedAt: alert.raisedAt.toISOString(),
          alertRole: alert.alertRole,
          emailStatus: alert.emailStatus as NonNullable<RiskObservation['alert']>['emailStatus'],
        }
      : null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * CM-4: a mentor (or a coordinator) records a sign of risk about a current
 * mentee. REL-08: when the severity alerts at once (high and immediate; every
 * sign in the Community Mentors program) the coordinator alert is written in
 * this same transaction — observation, alert and audit commit together or not
 * at all — and an e-mail step drains it after the commit. The answer carries
 * the program's emergency guidance for high and immediate signs.
 */
export async function recordObservation(
  tx: Tx,
  deps: RiskDeps,
  scope: Scope,
  locale: Locale,
  input: z.output<typeof zRiskObservationCreate>,
  meta: RequestMeta,
): Promise<RiskObservationCreated> {
  const now = deps.clock.now();
  const found = await findMentorship(tx, scope, input.mentorshipId);
  if (!found || found.ms.state === 'closed') throw fieldNotFound('mentorshipId', 'mentorship');
  const policy = policyOf(found.program);
  const observedAt = input.observedAt ? new Date(input.observedAt) : now;
  if (observedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new AppError('bad_request', 'observed_in_future', {
      errors: [{ field: 'observedAt', code: 'in_future', message: 'An observation cannot be in the future' }],
    });
  }
  const id = randomUUID();
  const key = await deps.fields.keyFor(tx, scope.orgId);
  await tx.insert(riskObservations).values({
    orgId: scope.orgId,
    id,
    programId: found.program.id,
    participantId: found.ms.participantId,
    mentorshipId: found.ms.id,
    observedBy: scope.userId,
    observedAt,
    indicators: [...new Set(input.indicators)],
    severity: input.severity,
    description: deps.fields.seal(key, input.description, descriptionAad({ orgId: scope.orgId, id })),
    createdAt: now,
    updatedAt: now,
  });
  const alerted = alertsAtOnce(input.severity, policy);
  if (alerted) {
    await tx.insert(riskAlerts).values({
      orgId: scope.orgId,
      id: randomUUID(),
      observationId: id,
      alertRole: alertRoleOf(policy),
      raisedAt: now,
      emailStatus: deps.config.smtpUrl ? 'pending' : 'not_configured',
    });
  }
  await writeAudit(
    tx,
    entryFor(scope, meta, {
      action: 'risk.create',
      entityType: 'risk_observation',
      entityId: id,
      subjectId: found.ms.participantId,
      // Metadata only (AUD-05): never the description.
      detail: { severity: input.severity, alerted, ruleId: riskRuleOf(policy) },
    }),
    now,
  );
  const created = (await findRisk(tx, scope, id))!;
  return {
    ...toRisk(created, deps.fields, key),
    emergencyGuidance: showsEmergencyGuidance(input.severity) ? emergencyGuidance(policy, locale) : [],
  };
}

/** What to do in an emergency, for the program of a mentorship the caller works on. */
export async function guidanceFor(
  deps: RiskDeps,
  scope: Scope,
  locale: Locale,
  mentorshipId: string,
): Promise<EmergencyGuidance> {
  const found = await findMentorship(deps.db, scope, mentorshipId);
  if (!found) throw notFound('mentorship');
  const policy = policyOf(found.program);
  return {
    programId: found.program.id,
    ruleId: riskRuleOf(policy),
    alertsAtOnce: RISK_SEVERITIES.filter((s) => alertsAtOnce(s, policy)),
    steps: emergencyGuidance(policy, locale),
  };
}

/** Risk records in scope, newest first. Every read is audited, one row per read (AUD-01). */
export async function readObservations(
  deps: RiskDeps,
  scope: Scope,
  query: z.output<typeof zRiskQuery>,
  meta: RequestMeta,
): Promise<RiskObservation[]> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const rows = await listRisks(tx, scope, query);
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'risk.list',
        entityType: 'risk_observation',
        subjectId: query.participantId ?? null,
        detail: { count: rows.length, status: query.status },
      }),
      now,
    );
    const key = await deps.fields.keyFor(tx, scope.orgId);
    return rows.map((r) => toRisk(r, deps.fields, key));
  });
}

async function detailOf(
  tx: Tx,
  deps: RiskDeps,
  scope: Scope,
  found: FoundRisk,
): Promise<RiskObservationDetail> {
  const key = await deps.fields.keyFor(tx, scope.orgId);
  const actions = await actionsOf(tx, scope, found.r.id);
  const refs = await referralsOf(tx, scope, { observationId: found.r.id });
  return {
    ...toRisk(found, deps.fields, key),
    actions: actions.map((a) => ({
      id: a.id,
      kind: a.kind as RiskActionKind,
      note: a.note === null ? null : deps.fields.open(key, a.note, actionNoteAad(a)),
      recordedBy: a.recordedBy,
      recordedAt: a.recordedAt.toISOString(),
    })),
    referrals: refs.map((x) => toReferral(x.ref, x.participantName, deps.fields, key)),
  };
}

/** One risk record with its actions and referrals; audited (AUD-01). Another mentor gets 404 (TEN-03). */
export async function readObservation(deps: RiskDeps, scope: Scope, id: string, meta: RequestMeta) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await findRisk(tx, scope, id);
    if (!found) throw notFound('risk_observation');
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'risk.read',
        entityType: 'risk_observation',
        entityId: id,
        subjectId: found.r.participantId,
      }),
      now,
    );
    return detailOf(tx, deps, scope, found);
  });
}

/** The coordinator records what was done: a call, a safety plan, emergency services… (CM-4). */
export async function recordAction(
  deps: RiskDeps,
  scope: Scope,
  id: string,
  input: z.output<typeof zRiskActionCreate>,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await findRisk(tx, scope, id, { lock: true });
    if (!found) throw notFound('risk_observation');
    must(canActOnRisk(found.r.status as RiskStatus, policyOf(found.program)));
    const actionId = randomUUID();
    const key = await deps.fields.keyFor(tx, scope.orgId);
    await tx.insert(riskActions).values({
      orgId: scope.orgId,
      id: actionId,
      observationId: id,
      kind: input.kind,
      note:
        input.note === null
          ? null
          : deps.fields.seal(key, input.note, actionNoteAad({ orgId: scope.orgId, id: actionId })),
      recordedBy: scope.userId,
      recordedAt: now,
    });
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'risk.action',
        entityType: 'risk_observation',
        entityId: id,
        subjectId: found.r.participantId,
        detail: { kind: input.kind },
      }),
      now,
    );
    return detailOf(tx, deps, scope, found);
  });
}

/** Close an observation (no or no further referral needed); If-Match (REL-03). */
export async function closeObservation(
  deps: RiskDeps,
  scope: Scope,
  id: string,
  version: number,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await findRisk(tx, scope, id, { lock: true });
    if (!found) throw notFound('risk_observation');
    if (found.r.version !== version) throw staleVersion(await detailOf(tx, deps, scope, found));
    must(canActOnRisk(found.r.status as RiskStatus, policyOf(found.program)));
    await tx
      .update(riskObservations)
      .set({
        status: 'closed',
        closedAt: now,
        closedBy: scope.userId,
        updatedAt: now,
        version: found.r.version + 1,
      })
      .where(and(eq(riskObservations.orgId, scope.orgId), eq(riskObservations.id, id)));
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'risk.close',
        entityType: 'risk_observation',
        entityId: id,
        subjectId: found.r.participantId,
      }),
      now,
    );
    return detailOf(tx, deps, scope, (await findRisk(tx, scope, id))!);
  });
}
