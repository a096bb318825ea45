import type { Goal } from '@tandem/contract';
import { type Db, goalRatings, goals, mentorships, plans, programs, type Tx } from '@tandem/db';
import {
  countsInPlan,
  type Goal as DomainGoal,
  type Plan as DomainPlan,
  type GoalStatus,
} from '@tandem/domain/plans/index';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Scope } from '../../scope';
import { visibleMentorships } from '../mentorships/queries';

type Exec = Db | Tx;
type PlanRow = typeof plans.$inferSelect;
type GoalRow = typeof goals.$inferSelect;
type RatingRow = typeof goalRatings.$inferSelect;

export interface PlanRecord {
  plan: PlanRow;
  goals: { goal: GoalRow; ratings: RatingRow[] }[];
}

async function ratingsOf(db: Exec, orgId: string, goalIds: string[]) {
  if (goalIds.length === 0) return [];
  return db
    .select()
    .from(goalRatings)
    .where(and(eq(goalRatings.orgId, orgId), inArray(goalRatings.goalId, goalIds)))
    .orderBy(asc(goalRatings.ratedOn), asc(goalRatings.createdAt), asc(goalRatings.id));
}

/** A mentorship's plan with its goals and every rating, or null before the first goal. */
export async function loadPlan(db: Exec, scope: Scope, mentorshipId: string): Promise<PlanRecord | null> {
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.orgId, scope.orgId), eq(plans.mentorshipId, mentorshipId)))
    .limit(1);
  if (!plan) return null;
  const goalRows = await db
    .select()
    .from(goals)
    .where(and(eq(goals.orgId, scope.orgId), eq(goals.planId, plan.id)))
    .orderBy(asc(goals.createdAt), asc(goals.id));
  const ratings = await ratingsOf(
    db,
    scope.orgId,
    goalRows.map((g) => g.id),
  );
  return {
    plan,
    goals: goalRows.map((goal) => ({ goal, ratings: ratings.filter((r) => r.goalId === goal.id) })),
  };
}

/**
 * A goal through its mentorship, visible to the scope (TEN-03: a mentor only on
 * their current mentees' plans). `lock` locks the goal row for an edit.
 */
export async function findGoal(db: Exec, scope: Scope, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select({ goal: goals, plan: plans, ms: mentorships, program: programs })
    .from(goals)
    .innerJoin(plans, and(eq(plans.orgId, goals.orgId), eq(plans.id, goals.planId)))
    .innerJoin(mentorships, and(eq(mentorships.orgId, plans.orgId), eq(mentorships.id, plans.mentorshipId)))
    .innerJoin(programs, and(eq(programs.orgId, mentorships.orgId), eq(programs.id, mentorships.programId)))
    .where(and(visibleMentorships(scope), eq(goals.id, id)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: goals }) : await q;
  if (!row) return null;
  return { ...row, ratings: await ratingsOf(db, scope.orgId, [id]) };
}

export function toGoal(g: GoalRow, ratings: RatingRow[], mentorshipId: string): Goal {
  const list = ratings.map((r) => ({ on: r.ratedOn, rating: r.rating }));
  return {
    id: g.id,
    planId: g.planId,
    mentorshipId,
    title: g.title,
    domains: g.domains,
    status: g.status as Goal['status'],
    ratings: list,
    latestRating: list.at(-1) ?? null,
    version: g.version,
  };
}

export function toPlanDto(record: PlanRecord | null) {
  if (!record) return null;
  return {
    id: record.plan.id,
    version: record.plan.version,
    goals: record.goals.map((g) => toGoal(g.goal, g.ratings, record.plan.mentorshipId)),
  };
}

export const toDomainGoal = (g: GoalRow, ratings: RatingRow[]): DomainGoal => ({
  id: g.id,
  title: g.title,
  domains: g.domains,
  progress: ratings.map((r) => ({ on: r.ratedOn, rating: r.rating })),
});

/** The plan as the rules see it: the goals that still count (a dropped one does not, MOH-1). */
export function toDomainPlan(record: PlanRecord | null): DomainPlan | null {
  if (!record) return null;
  return {
    goals: record.goals
      .filter((g) => countsInPlan({ status: g.goal.status as GoalStatus }))
      .map((g) => toDomainGoal(g.goal, g.ratings)),
  };
}
