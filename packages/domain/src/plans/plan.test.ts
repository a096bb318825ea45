import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY, fixturePolicy } from '../policy/fixture';
import { resolvePolicy } from '../policy/resolve';
import { refuse } from '../refusal';
import {
  domainsCovered,
  type Goal,
  latestProgress,
  type Plan,
  planReadyForStart,
  progressChange,
  recordProgress,
  validateGoal,
} from './plan';

const goal = (over: Partial<Goal> = {}): Goal => ({
  id: 'g1',
  title: 'Find a volunteer place',
  domains: ['leisure'],
  progress: [],
  ...over,
});
const plan = (...goals: Goal[]): Plan => ({ goals });

describe('planReadyForStart', () => {
  it('MOH-1: a plan with one goal is ready', () => {
    expect(planReadyForStart(plan(goal()), FIXTURE_POLICY)).toEqual({ ok: true, value: true });
  });

  it('MOH-1: a plan without goals, or no plan, is not ready', () => {
    expect(planReadyForStart(plan(), FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('MOH-1', 'plan_too_few_goals', { goals: 0, minGoals: 1 })],
    });
    expect(planReadyForStart(null, FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('MOH-1', 'plan_missing', { minGoals: 1 })],
    });
  });

  it('a program without a plan rule needs no plan', () => {
    expect(planReadyForStart(null, fixturePolicy({ plan: null })).ok).toBe(true);
  });

  it('RAMP-3: the Rampen preset requires an employment goal', () => {
    const r = resolvePolicy('dk-rampen');
    if (!r.ok) throw new Error('preset');
    expect(planReadyForStart(plan(goal({ domains: ['leisure'] })), r.policy)).toEqual({
      ok: false,
      refusals: [refuse('RAMP-3', 'plan_required_domain_missing', { domain: 'employment' })],
    });
    expect(planReadyForStart(plan(goal({ domains: ['employment', 'network'] })), r.policy).ok).toBe(true);
  });

  it('MOH-2: goals are tagged with the program support domains only', () => {
    expect(planReadyForStart(plan(goal({ domains: ['astrology'] })), FIXTURE_POLICY)).toEqual({
      ok: false,
      refusals: [refuse('MOH-2', 'unknown_support_domain', { domain: 'astrology' })],
    });
    expect(validateGoal(goal({ domains: ['recovery', 'astrology'] }), FIXTURE_POLICY).ok).toBe(false);
    expect(validateGoal(goal({ domains: ['recovery'] }), FIXTURE_POLICY).ok).toBe(true);
  });
});

describe('progress over time', () => {
  it('keeps ratings 1–5 sorted by date and reports the change', () => {
    let g = goal();
    for (const r of [
      { on: '2026-03-01', rating: 2 },
      { on: '2026-01-01', rating: 1 },
      { on: '2026-05-01', rating: 4 },
    ]) {
      const d = recordProgress(g, r);
      if (!d.ok) throw new Error('refused');
      g = d.value;
    }
    expect(g.progress.map((p) => p.on)).toEqual(['2026-01-01', '2026-03-01', '2026-05-01']);
    expect(latestProgress(g)).toEqual({ on: '2026-05-01', rating: 4 });
    expect(progressChange(g)).toBe(3);
    expect(progressChange(goal())).toBeNull();
    expect(latestProgress(goal())).toBeNull();
  });

  it('refuses a rating outside 1–5 or on an invalid date', () => {
    expect(recordProgress(goal(), { on: '2026-01-01', rating: 6 })).toEqual({
      ok: false,
      refusals: [refuse('API-01', 'progress_rating_out_of_range', { rating: 6, min: 1, max: 5 })],
    });
    expect(recordProgress(goal(), { on: '2026-02-30', rating: 3 }).ok).toBe(false);
    expect(recordProgress(goal(), { on: '2026-02-03', rating: 2.5 }).ok).toBe(false);
  });

  it('lists the domains a plan covers once each', () => {
    expect(domainsCovered(plan(goal({ domains: ['a', 'b'] }), goal({ domains: ['b', 'c'] })))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
