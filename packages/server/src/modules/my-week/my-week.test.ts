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
import { mentorWithLogin, participant, started } from '../mentorships/fixtures';

// Mentorships start on Sunday 1 March 2026 (Israel); the week is read on Wednesday 11 March.
const START = '2026-03-01T07:00:00Z';
const NOW = '2026-03-11T12:00:00Z';
let h: Harness;
let a: Org;
let program: string;
let m1: { mentor: { id: string }; agent: Agent };
let m2: { mentor: { id: string }; agent: Agent };
let coordinator: Agent;
const ids = { first: '', second: '', others: '' };

interface Mentee {
  mentorshipId: string;
  participantName: string;
  contacts: { day: string; mode: string; durationMinutes: number; overCap: boolean }[];
  caps: Record<
    'hours' | 'visits' | 'virtualHours',
    { ruleId: string; used: number; max: number; over: boolean } | null
  >;
  rhythm: { ruleId: string; kind: string; lapsed: boolean; severity: string | null; missed: number } | null;
}
const week = async (agent: Agent, query = '') => {
  const res = await agent.get(`/api/v1/my-week${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().programs as {
    weekStart: string;
    weekEnd: string;
    previousWeek: string;
    nextWeek: string;
    current: boolean;
    mentees: Mentee[];
  }[];
};

beforeAll(async () => {
  h = await startHarness({ now: START });
  a = await seedOrg(h, 'Alpha');
  program = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
  m1 = await mentorWithLogin(h, a, program, 'Mira One');
  m2 = await mentorWithLogin(h, a, program, 'Moti Two');
  coordinator = await login(h, a.users.coordinator.email);
  ids.first = (
    await started(coordinator, (await participant(h, a, program, 'First Person')).id, m1.mentor.id)
  ).id;
  ids.second = (
    await started(coordinator, (await participant(h, a, program, 'Second Person')).id, m1.mentor.id)
  ).id;
  ids.others = (
    await started(coordinator, (await participant(h, a, program, 'Not Mine')).id, m2.mentor.id)
  ).id;
  h.clock.set(NOW);
  coordinator = await login(h, a.users.coordinator.email);
  m1.agent = await login(h, m1.agent.me.user.email);
  m2.agent = await login(h, m2.agent.me.user.email);
  const log = (mentorshipId: string, startsAt: string, durationMinutes: number, mode: string, extra = {}) =>
    m1.agent.post('/api/v1/contacts', { mentorshipId, startsAt, durationMinutes, mode, ...extra });
  // Last week (Sunday 1 – Saturday 7 March): one visit with First Person only.
  expect((await log(ids.first, '2026-03-03T10:00:00+02:00', 60, 'in_person')).statusCode).toBe(201);
  // This week (Sunday 8 March on): First Person gets exactly 3 hours in two visits, then a third visit
  // over the cap with a reason, and a video call.
  expect((await log(ids.first, '2026-03-08T10:00:00+02:00', 90, 'in_person')).statusCode).toBe(201);
  expect((await log(ids.first, '2026-03-09T10:00:00+02:00', 90, 'in_person')).statusCode).toBe(201);
  expect(
    (
      await log(ids.first, '2026-03-10T10:00:00+02:00', 30, 'in_person', {
        overCapReason: 'Accompanied to the hearing',
      })
    ).statusCode,
  ).toBe(201);
  expect((await log(ids.first, '2026-03-10T18:00:00+02:00', 45, 'video')).statusCode).toBe(201);
});
afterAll(() => h.close());

describe('my week (the mentor’s own program week)', () => {
  it('MOH-3, MOH-7: this week’s contacts per mentee against the program caps, as the domain counts them', async () => {
    const [p] = await week(m1.agent);
    expect(p).toMatchObject({
      weekStart: '2026-03-08', // the Israeli week starts on Sunday
      weekEnd: '2026-03-14',
      previousWeek: '2026-03-01',
      nextWeek: '2026-03-15',
      current: true,
    });
    const first = p!.mentees.find((m) => m.mentorshipId === ids.first)!;
    expect(first.contacts.map((c) => [c.day, c.mode, c.overCap])).toEqual([
      ['2026-03-08', 'in_person', false],
      ['2026-03-09', 'in_person', false],
      ['2026-03-10', 'in_person', true],
      ['2026-03-10', 'video', false],
    ]);
    expect(first.caps).toEqual({
      hours: { ruleId: 'MOH-3', used: 3.5, max: 3, over: true },
      visits: { ruleId: 'MOH-3', used: 3, max: 2, over: true },
      virtualHours: { ruleId: 'MOH-7', used: 0.75, max: 3, over: false },
    });
  });

  it('MOH-3: the weekly rhythm shows who is due this week — the one not yet visited', async () => {
    const [p] = await week(m1.agent);
    const byName = Object.fromEntries(p!.mentees.map((m) => [m.participantName, m.rhythm]));
    expect(byName['First Person']).toMatchObject({ ruleId: 'MOH-3', kind: 'weekly', lapsed: false });
    // Second Person: no contact at all since the start on 1 March — last week was missed.
    expect(byName['Second Person']).toMatchObject({ lapsed: true, severity: 'overdue', missed: 1 });
  });

  it('previous and next week: last week holds its own contacts and its own totals', async () => {
    const [p] = await week(m1.agent, '?week=2026-03-04');
    expect(p).toMatchObject({ weekStart: '2026-03-01', current: false });
    const first = p!.mentees.find((m) => m.mentorshipId === ids.first)!;
    expect(first.contacts.map((c) => c.day)).toEqual(['2026-03-03']);
    expect(first.caps.hours).toEqual({ ruleId: 'MOH-3', used: 1, max: 3, over: false });
    const [next] = await week(m1.agent, '?week=2026-03-15');
    expect(next!.mentees.every((m) => m.contacts.length === 0)).toBe(true);
  });

  it('TEN-03: a mentor sees only their own mentees; another mentor’s week holds only theirs', async () => {
    const [mine] = await week(m1.agent);
    expect(mine!.mentees.map((m) => m.participantName).sort()).toEqual(['First Person', 'Second Person']);
    const [theirs] = await week(m2.agent);
    expect(theirs!.mentees.map((m) => m.mentorshipId)).toEqual([ids.others]);
    expect(theirs!.mentees[0]!.contacts).toEqual([]);
  });

  it('TEN-03: the week is the mentor’s screen — a coordinator is refused (they have the weekly-hours report)', async () => {
    const res = await coordinator.get('/api/v1/my-week');
    expect(res.statusCode).toBe(403);
  });

  it('API-01: a malformed week is a 400 naming the field, never a 500', async () => {
    const res = await m1.agent.get('/api/v1/my-week?week=next-tuesday');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.json().errors)).toContain('week');
  });
});
