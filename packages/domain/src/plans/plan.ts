import type { Policy } from '../policy/schema';
import type { Decision, Refusal } from '../refusal';
import { allow, deny, refuse } from '../refusal';
import type { LocalDate } from '../time/zone';
import { isLocalDate } from '../time/zone';

export const PLAN_REFUSAL_CODES = [
  'plan_missing',
  'plan_too_few_goals',
  'plan_required_domain_missing',
  'unknown_support_domain',
  'progress_rating_out_of_range',
  'date_invalid',
] as const;
export type PlanRefusalCode = (typeof PLAN_REFUSAL_CODES)[number];

/** One rating of progress toward a goal (1 = no progress … 5 = achieved). */
export interface ProgressRating {
  readonly on: LocalDate;
  readonly rating: number;
}

export interface Goal {
  readonly id: string;
  readonly title: string;
  /** Support domains from the policy (MOH-2, MUNI-1, RAMP-3). */
  readonly domains: readonly string[];
  readonly progress: readonly ProgressRating[];
}

/** The rehabilitation / action plan of a mentorship (MOH-1). */
export interface Plan {
  readonly goals: readonly Goal[];
}

export const GOAL_STATUSES = ['open', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/**
 * A dropped goal is no longer part of the plan, so it counts neither toward
 * the goals a start needs (MOH-1) nor toward its required domains (RAMP-3);
 * an achieved goal still does.
 */
export const countsInPlan = (goal: { readonly status: GoalStatus }): boolean => goal.status !== 'dropped';

/** Domains on goals or contacts that the program does not know. */
export function unknownDomainRefusals(domains: readonly string[], policy: Policy): Refusal[] {
  const known = policy.supportDomains;
  if (!known) return [];
  return [...new Set(domains)]
    .filter((d) => !known.domains.includes(d))
    .map((domain) => refuse(known.ruleId, 'unknown_support_domain', { domain }));
}

/** A goal's domains must come from the program's list. */
export function validateGoal(goal: Goal, policy: Policy): Decision<Goal> {
  const refusals = [...unknownDomainRefusals(goal.domains, policy), ...goal.progress.flatMap(ratingRefusals)];
  return refusals.length ? deny(...refusals) : allow(goal);
}

/**
 * Can a mentorship start with this plan? MOH-1: at least `minGoals` goals;
 * RAMP-3: required domains (an employment goal) appear on some goal.
 * A program without a plan rule needs no plan.
 */
export function planReadyForStart(plan: Plan | null, policy: Policy): Decision {
  const rule = policy.plan;
  if (!rule) return allow(true);
  if (!plan) return deny(refuse(rule.ruleId, 'plan_missing', { minGoals: rule.minGoals }));
  const refusals: Refusal[] = [];
  if (plan.goals.length < rule.minGoals) {
    refusals.push(
      refuse(rule.ruleId, 'plan_too_few_goals', { goals: plan.goals.length, minGoals: rule.minGoals }),
    );
  }
  const covered = domainsCovered(plan);
  for (const required of rule.requiredDomains ?? []) {
    if (!covered.includes(required.domain)) {
      refusals.push(refuse(required.ruleId, 'plan_required_domain_missing', { domain: required.domain }));
    }
  }
  refusals.push(...unknownDomainRefusals(covered, policy));
  return refusals.length ? deny(...refusals) : allow(true);
}

/** Support domains on any goal, each once, in first-seen order. */
export function domainsCovered(plan: Plan): string[] {
  return [...new Set(plan.goals.flatMap((g) => g.domains))];
}

/** Malformed input is refused under the platform's input rule API-01. */
function ratingRefusals(p: ProgressRating): Refusal[] {
  const ruleId = 'API-01';
  const out: Refusal[] = [];
  if (!Number.isInteger(p.rating) || p.rating < 1 || p.rating > 5) {
    out.push(refuse(ruleId, 'progress_rating_out_of_range', { rating: p.rating, min: 1, max: 5 }));
  }
  if (!isLocalDate(p.on)) out.push(refuse(ruleId, 'date_invalid', { date: p.on }));
  return out;
}

/** Adds a rating; the history stays sorted by date (ratings on the same day keep entry order). */
export function recordProgress(goal: Goal, rating: ProgressRating): Decision<Goal> {
  const refusals = ratingRefusals(rating);
  if (refusals.length) return deny(...refusals);
  const progress = [...goal.progress, rating].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return allow({ ...goal, progress });
}

export function latestProgress(goal: Goal): ProgressRating | null {
  return goal.progress.at(-1) ?? null;
}

/** Change from the first to the latest rating (null with fewer than two ratings). */
export function progressChange(goal: Goal): number | null {
  const first = goal.progress[0];
  const last = goal.progress.at(-1);
  if (!first || !last || goal.progress.length < 2) return null;
  return last.rating - first.rating;
}
