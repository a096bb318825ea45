import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  type Harness,
  login,
  type Org,
  seedOrg,
  seedProgram,
  startHarness,
} from '../../testing/harness';
import {
  act,
  expectRefusal,
  file,
  ifMatch,
  mentorWithLogin,
  participant,
  SHARED_MENTOR,
  started,
} from '../mentorships/fixtures';

const NOW = '2026-03-01T07:00:00Z';
let h: Harness;
let a: Org;
let b: Org;
let coordinator: Agent;
let secondCoordinator: Agent;
let otherOrg: Agent;
let program: string;
let m1: { mentor: { id: string }; agent: Agent };
let m2: { mentor: { id: string }; agent: Agent };

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  program = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
  m1 = await mentorWithLogin(h, a, program, 'Mira One', SHARED_MENTOR);
  m2 = await mentorWithLogin(h, a, program, 'Moti Two', SHARED_MENTOR);
  coordinator = await login(h, a.users.coordinator.email);
  secondCoordinator = await login(h, a.users.admin.email);
  otherOrg = await login(h, b.users.coordinator.email);
});
afterAll(() => h.close());

async function proposed(name: string) {
  const p = await participant(h, a, program, name);
  const res = await coordinator.post('/api/v1/mentorships', { participantId: p.id, mentorId: m1.mentor.id });
  return res.json().id as string;
}

describe('MOH-1, MOH-2: the plan and its goals', () => {
  it('MOH-1: the first goal creates the plan; the next goals join it', async () => {
    const id = await proposed('Planned Person');
    const first = await coordinator.post(`/api/v1/mentorships/${id}/goals`, {
      title: 'Talk to the doctor about the medication',
      domains: ['recovery'],
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      mentorshipId: id,
      status: 'open',
      ratings: [],
      latestRating: null,
      version: 1,
    });
    const second = await coordinator.post(`/api/v1/mentorships/${id}/goals`, {
      title: 'Fill in the disability allowance form',
      domains: ['rights_claims', 'personal_affairs'],
    });
    expect(second.json().planId).toBe(first.json().planId);
    const plan = (await file(coordinator, id)).json().plan;
    expect(plan.goals.map((g: { title: string }) => g.title)).toEqual([
      'Talk to the doctor about the medication',
      'Fill in the disability allowance form',
    ]);
    expect(plan.version).toBe(2);
  });

  it('MOH-2: a domain the program does not know is refused naming the rule', async () => {
    const id = await proposed('Astrology Person');
    const res = await coordinator.post(`/api/v1/mentorships/${id}/goals`, {
      title: 'Read the stars',
      domains: ['astrology'],
    });
    expectRefusal(res, 'MOH-2', 'unknown_support_domain');
    expect((await file(coordinator, id)).json().plan).toBeNull();
  });

  it('MOH-1: a dropped goal no longer counts toward the start', async () => {
    const id = await proposed('Dropped Goal');
    const goal = await coordinator.post(`/api/v1/mentorships/${id}/goals`, {
      title: 'Only goal',
      domains: ['recovery'],
    });
    const dropped = await coordinator.patch(
      `/api/v1/goals/${goal.json().id}`,
      { status: 'dropped' },
      ifMatch(goal),
    );
    expect(dropped.statusCode).toBe(200);
    expectRefusal(await act(coordinator, id, 'start'), 'MOH-1', 'plan_too_few_goals');
  });
});

describe('REL-03: editing a goal', () => {
  it('REL-03: two coordinators edit the same goal: the second gets 412 and nothing is lost', async () => {
    const id = await proposed('Edited Goal');
    const goal = await coordinator.post(`/api/v1/mentorships/${id}/goals`, {
      title: 'Walk daily',
      domains: ['recovery'],
    });
    const url = `/api/v1/goals/${goal.json().id}`;
    expect((await coordinator.patch(url, { title: 'Walk every day' })).statusCode).toBe(428);
    const first = await coordinator.patch(url, { title: 'Walk every day' }, ifMatch(goal));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ title: 'Walk every day', version: 2 });
    expect(first.headers.etag).toBe('"2"');
    const second = await secondCoordinator.patch(url, { title: 'Walk twice a day' }, ifMatch(goal));
    expect(second.statusCode).toBe(412);
    expect(second.json().params.current).toMatchObject({ title: 'Walk every day', version: 2 });
  });

  it('MOH-2: an edit to an unknown domain is refused', async () => {
    const id = await proposed('Domain Edit');
    const goal = await coordinator.post(`/api/v1/mentorships/${id}/goals`, {
      title: 'A goal',
      domains: ['recovery'],
    });
    const res = await coordinator.patch(
      `/api/v1/goals/${goal.json().id}`,
      { domains: ['palmistry'] },
      ifMatch(goal),
    );
    expectRefusal(res, 'MOH-2', 'unknown_support_domain');
  });
});

describe('progress ratings', () => {
  let goalId: string;
  let mentorshipId: string;
  beforeAll(async () => {
    const p = await participant(h, a, program, 'Rated Person');
    const m = await started(coordinator, p.id, m1.mentor.id);
    goalId = m.goalId;
    mentorshipId = m.id;
  });

  it('the mentor rates progress over time; the latest rating is the latest day, not the latest entry', async () => {
    const later = await m1.agent.post(`/api/v1/goals/${goalId}/ratings`, { on: '2026-02-20', rating: 3 });
    expect(later.statusCode).toBe(201);
    const earlier = await coordinator.post(`/api/v1/goals/${goalId}/ratings`, {
      on: '2026-02-01',
      rating: 1,
    });
    expect(earlier.json()).toMatchObject({
      ratings: [
        { on: '2026-02-01', rating: 1 },
        { on: '2026-02-20', rating: 3 },
      ],
      latestRating: { on: '2026-02-20', rating: 3 },
    });
    const plan = (await file(coordinator, mentorshipId)).json().plan;
    expect(plan.goals[0].latestRating).toEqual({ on: '2026-02-20', rating: 3 });
  });

  it('REL-02: a phone retrying a rating with the same Idempotency-Key records it once', async () => {
    const key = randomUUID();
    const url = `/api/v1/goals/${goalId}/ratings`;
    const first = await m1.agent.post(url, { on: '2026-02-25', rating: 4 }, { 'idempotency-key': key });
    const retry = await m1.agent.post(url, { on: '2026-02-25', rating: 4 }, { 'idempotency-key': key });
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const plan = (await file(coordinator, mentorshipId)).json().plan;
    expect(plan.goals[0].ratings.filter((r: { on: string }) => r.on === '2026-02-25')).toHaveLength(1);
  });

  it('a rating outside 1–5 is invalid input (400 naming the field)', async () => {
    const res = await m1.agent.post(`/api/v1/goals/${goalId}/ratings`, { on: '2026-02-21', rating: 6 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('rating');
  });

  it('TEN-03: another mentor cannot rate or see the goal (404)', async () => {
    const res = await m2.agent.post(`/api/v1/goals/${goalId}/ratings`, { on: '2026-02-21', rating: 4 });
    expect(res.statusCode).toBe(404);
  });

  it('TEN-02: another organisation’s ids answer 404, like a missing id', async () => {
    const rate = await otherOrg.post(`/api/v1/goals/${goalId}/ratings`, { on: '2026-02-21', rating: 4 });
    const edit = await otherOrg.patch(
      `/api/v1/goals/${goalId}`,
      { title: 'Hijacked' },
      { 'if-match': '"1"' },
    );
    const add = await otherOrg.post(`/api/v1/mentorships/${mentorshipId}/goals`, {
      title: 'Hijacked',
      domains: [],
    });
    const missing = await otherOrg.patch(
      `/api/v1/goals/${randomUUID()}`,
      { title: 'Nothing' },
      { 'if-match': '"1"' },
    );
    expect([rate.statusCode, edit.statusCode, add.statusCode, missing.statusCode]).toEqual([
      404, 404, 404, 404,
    ]);
  });
});

describe('RAMP-3: the goals of a Rampen plan and their support domains', () => {
  let rampen: string;
  let volunteer: { id: string };
  beforeAll(async () => {
    rampen = (await seedProgram(h, a.id, 'dk-rampen')).id;
    volunteer = (await mentorWithLogin(h, a, rampen, 'Rampen Volunteer', SHARED_MENTOR)).mentor;
  });

  async function rampenProposal(name: string) {
    const p = await participant(h, a, rampen, name);
    const res = await coordinator.post('/api/v1/mentorships', {
      participantId: p.id,
      mentorId: volunteer.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  it('RAMP-3: a goal without a domain does not start the mentorship; tagging it employment does', async () => {
    const id = await rampenProposal('Citizen Untagged');
    const goal = await coordinator.post(`/api/v1/mentorships/${id}/goals`, {
      title: 'Find a flex job',
      domains: [],
    });
    expect(goal.statusCode).toBe(201);
    const refused = await act(coordinator, id, 'start');
    expectRefusal(refused, 'RAMP-3', 'plan_required_domain_missing');
    expect(refused.json().params).toEqual({ domain: 'employment' });
    const tagged = await coordinator.patch(
      `/api/v1/goals/${goal.json().id}`,
      { domains: ['employment', 'network'] },
      ifMatch(goal),
    );
    expect(tagged.statusCode).toBe(200);
    expect(tagged.json().domains).toEqual(['employment', 'network']);
    const start = await act(coordinator, id, 'start');
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json().state).toBe('active');
  });

  it('RAMP-3: an achieved employment goal still counts; a dropped one does not', async () => {
    const id = await rampenProposal('Citizen Achieved');
    const goal = await coordinator.post(`/api/v1/mentorships/${id}/goals`, {
      title: 'Visit the jobcentre together',
      domains: ['employment'],
    });
    const achieved = await coordinator.patch(
      `/api/v1/goals/${goal.json().id}`,
      { status: 'achieved' },
      ifMatch(goal),
    );
    expect(achieved.json()).toMatchObject({ status: 'achieved', version: 2 });
    const readiness = (await file(coordinator, id))
      .json()
      .availableActions.find((x: { action: string }) => x.action === 'start');
    expect(readiness).toMatchObject({ allowed: true });
    const dropped = await coordinator.patch(
      `/api/v1/goals/${goal.json().id}`,
      { status: 'dropped' },
      ifMatch(achieved),
    );
    expect(dropped.statusCode).toBe(200);
    expectRefusal(await act(coordinator, id, 'start'), 'RAMP-3', 'plan_too_few_goals');
  });

  it('RAMP-3: a domain of another program is refused on a Rampen goal, naming the rule', async () => {
    const id = await rampenProposal('Citizen Wrong Domain');
    const res = await coordinator.post(`/api/v1/mentorships/${id}/goals`, {
      title: 'Manage the medication',
      domains: ['recovery'],
    });
    expectRefusal(res, 'RAMP-3', 'unknown_support_domain');
  });
});

describe('TEN-10: who may write a plan is the one table the screens ask', () => {
  it('a mentor may rate a goal of their mentee but neither add nor edit goals (403), as PLAN_ROLES says', async () => {
    const { PLAN_ROLES, mayOnPlan } = await import('@tandem/domain/plans/access');
    expect([mayOnPlan('mentor', 'add_goal'), mayOnPlan('mentor', 'edit_goal')]).toEqual([false, false]);
    expect(mayOnPlan('mentor', 'rate_goal')).toBe(true);
    const routes = h.app.routeInventory;
    const rolesOf = (method: string, url: string) =>
      routes.find((r) => r.method === method && r.url === url)?.access;
    expect(rolesOf('POST', '/api/v1/mentorships/:id/goals')).toEqual({ roles: PLAN_ROLES.add_goal });
    expect(rolesOf('PATCH', '/api/v1/goals/:id')).toEqual({ roles: PLAN_ROLES.edit_goal });
    expect(rolesOf('POST', '/api/v1/goals/:id/ratings')).toEqual({ roles: PLAN_ROLES.rate_goal });

    const p = await participant(h, a, program, 'Mentor Writes');
    const m = await started(coordinator, p.id, m1.mentor.id);
    const add = await m1.agent.post(`/api/v1/mentorships/${m.id}/goals`, { title: 'Mine', domains: [] });
    const edit = await m1.agent.patch(
      `/api/v1/goals/${m.goalId}`,
      { status: 'achieved' },
      { 'if-match': '"1"' },
    );
    const rate = await m1.agent.post(`/api/v1/goals/${m.goalId}/ratings`, { on: '2026-02-27', rating: 2 });
    expect([add.statusCode, edit.statusCode, rate.statusCode]).toEqual([403, 403, 201]);
  });
});
