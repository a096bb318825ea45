import type { Role } from '../roles';

/**
 * Who may do what with a mentorship's plan. The coordinator writes the plan
 * with the participant (MOH-1) and decides what its goals are about (MOH-2,
 * RAMP-3); the mentor, who sees the progress from week to week, rates it too.
 * The server's routes declare exactly these roles, and screens offer a role
 * only what it may do.
 */
export const PLAN_ROLES = {
  add_goal: ['admin', 'coordinator'],
  edit_goal: ['admin', 'coordinator'],
  rate_goal: ['admin', 'coordinator', 'mentor'],
} as const satisfies Record<string, readonly Role[]>;
export type PlanAct = keyof typeof PLAN_ROLES;

export const mayOnPlan = (role: Role, act: PlanAct): boolean =>
  (PLAN_ROLES[act] as readonly Role[]).includes(role);
