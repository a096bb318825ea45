import { randomUUID } from 'node:crypto';
import type { Goal, zGoalCreate, zGoalPatch, zGoalRatingCreate } from '@tandem/contract';
import { type Db, goalRatings, goals, plans, type Tx } from '@tandem/db';
import { recordProgress, validateGoal } from '@tandem/domain/plans/index';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { staleVersion } from '../../concurrency';
import { notFound } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { must } from '../mentorships/command';
import { findMentorship } from '../mentorships/queries';
import { policyOf } from '../programs/service';
import { findGoal, toDomainGoal, toGoal } from './queries';

const audited = (
  scope: Scope,
  meta: RequestMeta,
  action: string,
  goalId: string,
  participantId: string,
  detail?: Record<string, unknown>,
) => ({
  orgId: scope.orgId,
  actorUserId: scope.userId,
  actorRole: scope.role,
  action,
  entityType: 'goal',
  entityId: goalId,
  subjectId: participantId,
  outcome: 'success' as const,
  ip: meta.ip,
  requestId: meta.requestId,
  detail: detail ?? null,
});

/** Every goal change is a new plan version, so two editors of one plan notice each other. */
async function touchPlan(tx: Tx, scope: Scope, planId: string, now: Date) {
  await tx
    .update(plans)
    .set({ version: sql`${plans.version} + 1`, updatedAt: now })
    .where(and(eq(plans.orgId, scope.orgId), eq(plans.id, planId)));
}

async function reloadGoal(tx: Tx, scope: Scope, id: string): Promise<Goal> {
  const row = await findGoal(tx, scope, id);
  if (!row) throw notFound('goal');
  return toGoal(row.goal, row.ratings, row.ms.id);
}

/**
 * MOH-1: the coordinator writes the plan from the participant's goals; the plan
 * is created with its first goal. Domains must be the program's (MOH-2). The
 * mentorship row is locked so two first goals make one plan.
 */
export async function addGoal(
  db: Db,
  clock: Clock,
  scope: Scope,
  mentorshipId: string,
  input: z.output<typeof zGoalCreate>,
  meta: RequestMeta,
): Promise<Goal> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const found = await findMentorship(tx, scope, mentorshipId, { lock: true });
    if (!found) throw notFound('mentorship');
    const id = randomUUID();
    must(
      validateGoal({ id, title: input.title, domains: input.domains, progress: [] }, policyOf(found.program)),
    );
    let [plan] = await tx
      .select()
      .from(plans)
      .where(and(eq(plans.orgId, scope.orgId), eq(plans.mentorshipId, mentorshipId)))
      .limit(1);
    const created = !plan;
    if (!plan) {
      [plan] = await tx
        .insert(plans)
        .values({ orgId: scope.orgId, id: randomUUID(), mentorshipId, createdAt: now, updatedAt: now })
        .returning();
    } else {
      await touchPlan(tx, scope, plan.id, now);
    }
    await tx.insert(goals).values({
      orgId: scope.orgId,
      id,
      planId: plan!.id,
      title: input.title,
      domains: input.domains,
      updatedAt: now,
    });
    await writeAudit(
      tx,
      audited(scope, meta, 'goal.create', id, found.ms.participantId, { planCreated: created }),
      now,
    );
    return reloadGoal(tx, scope, id);
  });
}

/** Edit a goal with optimistic concurrency (REL-03): the If-Match version or 412. */
export async function updateGoal(
  db: Db,
  clock: Clock,
  scope: Scope,
  id: string,
  version: number,
  input: z.output<typeof zGoalPatch>,
  meta: RequestMeta,
): Promise<Goal> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const row = await findGoal(tx, scope, id, { lock: true });
    if (!row) throw notFound('goal');
    if (row.goal.version !== version) throw staleVersion(toGoal(row.goal, row.ratings, row.ms.id));
    if (input.domains) {
      const candidate = { ...toDomainGoal(row.goal, row.ratings), domains: input.domains };
      must(validateGoal(candidate, policyOf(row.program)));
    }
    const updated = await tx
      .update(goals)
      .set({ ...input, updatedAt: now, version: version + 1 })
      .where(and(eq(goals.orgId, scope.orgId), eq(goals.id, id), eq(goals.version, version)))
      .returning({ id: goals.id });
    if (updated.length === 0) throw staleVersion(toGoal(row.goal, row.ratings, row.ms.id));
    await touchPlan(tx, scope, row.plan.id, now);
    await writeAudit(
      tx,
      audited(scope, meta, 'goal.update', id, row.ms.participantId, { fields: Object.keys(input).sort() }),
      now,
    );
    return reloadGoal(tx, scope, id);
  });
}

/**
 * Progress over time: a rating is appended, never edited (capability 5). Runs
 * in the caller's transaction so a phone's retry with the same Idempotency-Key
 * replays the first answer (REL-02).
 */
export async function rateGoal(
  tx: Tx,
  clock: Clock,
  scope: Scope,
  id: string,
  input: z.output<typeof zGoalRatingCreate>,
  meta: RequestMeta,
): Promise<Goal> {
  const row = await findGoal(tx, scope, id, { lock: true });
  if (!row) throw notFound('goal');
  must(recordProgress(toDomainGoal(row.goal, row.ratings), { on: input.on, rating: input.rating }));
  await tx.insert(goalRatings).values({
    orgId: scope.orgId,
    id: randomUUID(),
    goalId: id,
    ratedOn: input.on,
    rating: input.rating,
    ratedBy: scope.userId,
  });
  await writeAudit(tx, audited(scope, meta, 'goal.rate', id, row.ms.participantId), clock.now());
  return reloadGoal(tx, scope, id);
}
