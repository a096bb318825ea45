import { randomUUID } from 'node:crypto';
import type { Referral, zReferralCreate, zReferralQuery, zReferralUpdate } from '@tandem/contract';
import { referrals, riskObservations, type Tx } from '@tandem/db';
import {
  canActOnRisk,
  canChangeReferral,
  type ReferralService,
  type ReferralStatus,
  type RiskStatus,
} from '@tandem/domain/risks/index';
import { localDate } from '@tandem/domain/time/index';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { entryFor, writeAudit } from '../../audit/audit';
import { staleVersion } from '../../concurrency';
import type { FieldCipher } from '../../crypto/fields';
import { fieldNotFound, notFound } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { must } from '../mentorships/command';
import { policyOf } from '../programs/service';
import { findReferral, findRisk, type ReferralRow, referralsOf } from './queries';
import type { RiskDeps } from './service';

const outcomeAad = (r: { orgId: string; id: string }) => `referrals.outcome:${r.orgId}:${r.id}`;

export function toReferral(
  row: ReferralRow,
  participantName: string,
  fields: FieldCipher,
  key: Buffer,
): Referral {
  return {
    id: row.id,
    observationId: row.observationId,
    participantId: row.participantId,
    participantName,
    service: row.service as ReferralService,
    serviceName: row.serviceName,
    referredOn: row.referredOn,
    status: row.status as ReferralStatus,
    outcome: row.outcome === null ? null : fields.open(key, row.outcome, outcomeAad(row)),
    outcomeOn: row.outcomeOn,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

/**
 * CM-4: the coordinator refers the sign of risk to a professional service. The
 * observation becomes "referred", which answers its attention item; the
 * referral is then tracked to its outcome.
 */
export async function createReferral(
  tx: Tx,
  deps: RiskDeps,
  scope: Scope,
  input: z.output<typeof zReferralCreate>,
  meta: RequestMeta,
): Promise<Referral> {
  const now = deps.clock.now();
  const found = await findRisk(tx, scope, input.observationId, { lock: true });
  if (!found) throw fieldNotFound('observationId', 'risk_observation');
  const policy = policyOf(found.program);
  must(canActOnRisk(found.r.status as RiskStatus, policy));
  const id = randomUUID();
  const [row] = await tx
    .insert(referrals)
    .values({
      orgId: scope.orgId,
      id,
      observationId: found.r.id,
      participantId: found.r.participantId,
      service: input.service,
      serviceName: input.serviceName,
      referredOn: input.referredOn ?? localDate(now, policy.timeZone),
      createdBy: scope.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (found.r.status === 'open') {
    await tx
      .update(riskObservations)
      .set({ status: 'referred', updatedAt: now, version: found.r.version + 1 })
      .where(and(eq(riskObservations.orgId, scope.orgId), eq(riskObservations.id, found.r.id)));
  }
  await writeAudit(
    tx,
    entryFor(scope, meta, {
      action: 'referral.create',
      entityType: 'referral',
      entityId: id,
      subjectId: found.r.participantId,
      detail: { service: input.service, observationId: found.r.id },
    }),
    now,
  );
  return toReferral(row!, found.participantName, deps.fields, await deps.fields.keyFor(tx, scope.orgId));
}

/** Referrals still open (or closed, or all), newest first; audited (AUD-01). */
export async function readReferrals(
  deps: RiskDeps,
  scope: Scope,
  query: z.output<typeof zReferralQuery>,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const rows = await referralsOf(tx, scope, {
      open: query.status === 'all' ? null : query.status === 'open',
    });
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'referral.list',
        entityType: 'referral',
        detail: { count: rows.length },
      }),
      now,
    );
    const key = await deps.fields.keyFor(tx, scope.orgId);
    return rows.map((r) => toReferral(r.ref, r.participantName, deps.fields, key));
  });
}

/** CM-4: a referral moves on to its outcome (If-Match, REL-03); an outcome is final. */
export async function updateReferral(
  deps: RiskDeps,
  scope: Scope,
  id: string,
  version: number,
  input: z.output<typeof zReferralUpdate>,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await findReferral(tx, scope, id);
    if (!found) throw notFound('referral');
    const key = await deps.fields.keyFor(tx, scope.orgId);
    if (found.ref.version !== version)
      throw staleVersion(toReferral(found.ref, found.participantName, deps.fields, key));
    const risk = await findRisk(tx, scope, found.ref.observationId);
    if (!risk) throw notFound('referral');
    const policy = policyOf(risk.program);
    must(canChangeReferral(found.ref.status as ReferralStatus, input.status, policy));
    const final =
      input.status === 'completed' || input.status === 'declined' || input.status === 'not_reached';
    const [row] = await tx
      .update(referrals)
      .set({
        status: input.status,
        ...(input.outcome === undefined
          ? {}
          : {
              outcome:
                input.outcome === null ? null : deps.fields.seal(key, input.outcome, outcomeAad(found.ref)),
            }),
        ...(final ? { outcomeOn: input.outcomeOn ?? localDate(now, policy.timeZone) } : {}),
        updatedAt: now,
        version: found.ref.version + 1,
      })
      .where(and(eq(referrals.orgId, scope.orgId), eq(referrals.id, id)))
      .returning();
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'referral.update',
        entityType: 'referral',
        entityId: id,
        subjectId: found.ref.participantId,
        detail: { status: input.status },
      }),
      now,
    );
    return toReferral(row!, found.participantName, deps.fields, key);
  });
}
