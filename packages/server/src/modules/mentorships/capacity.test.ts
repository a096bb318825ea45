import { buildMembership, buildMentor, buildUser, mentorships } from '@tandem/db';
import { and, eq, ne } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  type Harness,
  login,
  type Org,
  passwordHash,
  seedOrg,
  seedProgram,
  startHarness,
} from '../../testing/harness';
import { act, edit, expectRefusal, file, participant, SPEAKS_HEBREW, started } from './fixtures';

// Sunday 1 March 2026, 09:00 in Jerusalem.
const NOW = '2026-03-01T07:00:00Z';
let h: Harness;
let a: Org;
let coordinator: Agent;
let program: string;

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  a = await seedOrg(h, 'Alpha');
  program = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
  coordinator = await login(h, a.users.coordinator.email);
});
afterAll(() => h.close());

const mentor = (name: string, capacity?: number) =>
  buildMentor(h.handle.db, {
    orgId: a.id,
    programId: program,
    displayName: name,
    ...SPEAKS_HEBREW,
    ...(capacity === undefined ? {} : { capacity }),
  });

const people = (prefix: string, n: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => participant(h, a, program, `${prefix} ${i + 1}`)));

const propose = (participantId: string, mentorId: string) =>
  coordinator.post('/api/v1/mentorships', { participantId, mentorId });

/** Open mentorships the mentor holds, read straight from the table. */
async function held(mentorId: string) {
  const rows = await h.handle.db
    .select({ id: mentorships.id })
    .from(mentorships)
    .where(and(eq(mentorships.mentorId, mentorId), ne(mentorships.state, 'closed')));
  return rows.length;
}

/** A mentorship that waits for a new mentor: started with `first`, who then left (MOH-16). */
async function waitingFor(name: string, first: string) {
  const p = await participant(h, a, program, name);
  const { id } = await started(coordinator, p.id, first);
  const left = await act(coordinator, id, 'change-mentor', { reason: 'mentor_left' });
  expect(left.json()).toMatchObject({ state: 'awaiting_match', mentor: null });
  return { participantId: p.id, id };
}

const statuses = (results: LightMyRequestResponse[]) => {
  const count = (code: number) => results.filter((r) => r.statusCode === code).length;
  return {
    created: count(201) + count(200),
    refused: count(422),
    other: results.length - count(201) - count(200) - count(422),
  };
};

describe('REL-04: mentor capacity under 50 concurrent proposals', () => {
  it('REL-04, MATCH-CAPACITY: of 50 simultaneous proposals of different people to a mentor of 3, exactly 3 succeed', async () => {
    const m = await mentor('Capacity Three', 3);
    const cohort = await people('Racer', 50);
    const results = await Promise.all(cohort.map((p) => propose(p.id, m.id)));
    expect(statuses(results)).toEqual({ created: 3, refused: 47, other: 0 });
    for (const r of results.filter((x) => x.statusCode === 422)) {
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json()).toMatchObject({
        ruleId: 'MATCH-CAPACITY',
        code: 'mentor_at_capacity',
        params: { capacity: 3, activeMentees: 3 },
      });
    }
    expect(results.find((r) => r.statusCode === 422)!.json().detail).toBe(
      'Not allowed by program rule MATCH-CAPACITY: the mentor already has 3 participants, their full capacity.',
    );
    expect(await held(m.id)).toBe(3);
  });

  it('REL-04, MATCH-CAPACITY: proposals from the files and new mentors for waiting mentorships race for the same 3 places', async () => {
    const leaving = await mentor('Leaving Mentor', 20);
    const waiting = [];
    for (let i = 0; i < 10; i++) waiting.push(await waitingFor(`Waiting ${i + 1}`, leaving.id));
    const fresh = await people('Fresh', 10);
    const m = await mentor('Shared Three', 3);
    const files = await Promise.all(waiting.map((w) => file(coordinator, w.id)));
    const results = await Promise.all([
      ...waiting.map((w, i) =>
        coordinator.post(
          `/api/v1/mentorships/${w.id}/match`,
          { mentorId: m.id },
          { 'if-match': String(files[i]!.headers.etag) },
        ),
      ),
      ...fresh.map((p) => propose(p.id, m.id)),
    ]);
    expect(statuses(results)).toEqual({ created: 3, refused: 17, other: 0 });
    for (const r of results.filter((x) => x.statusCode === 422))
      expect(r.json()).toMatchObject({ ruleId: 'MATCH-CAPACITY', code: 'mentor_at_capacity' });
    expect(await held(m.id)).toBe(3);
  });
});

describe('MATCH-CAPACITY: every way of giving a mentor a mentee asks the same rule', () => {
  it('MATCH-CAPACITY: a full mentor cannot be proposed from the file; closing a mentorship frees the place', async () => {
    const m = await mentor('Default Two');
    const [p1, p2, p3] = await people('Default', 3);
    expect((await propose(p1!.id, m.id)).statusCode).toBe(201);
    expect((await propose(p2!.id, m.id)).statusCode).toBe(201);
    const third = await propose(p3!.id, m.id);
    // The program default is 2 mentees; nothing was written for the refused one.
    expectRefusal(third, 'MATCH-CAPACITY', 'mentor_at_capacity');
    expect(third.json().params).toMatchObject({ capacity: 2, activeMentees: 2 });
    const none = await h.handle.db.select().from(mentorships).where(eq(mentorships.participantId, p3!.id));
    expect(none).toEqual([]);

    const first = await coordinator.get(`/api/v1/mentorships?participantId=${p1!.id}`);
    const closed = await act(coordinator, first.json().items[0].id, 'close', {
      reason: 'participant_choice',
    });
    expect(closed.statusCode).toBe(200);
    expect((await propose(p3!.id, m.id)).statusCode).toBe(201);
  });

  it('MATCH-CAPACITY: a suspended mentorship keeps its place', async () => {
    const m = await mentor('Suspended Load', 1);
    const [p1, p2] = await people('Suspended', 2);
    const { id } = await started(coordinator, p1!.id, m.id);
    expect((await act(coordinator, id, 'suspend', { reason: 'other' })).json().state).toBe('suspended');
    expectRefusal(await propose(p2!.id, m.id), 'MATCH-CAPACITY', 'mentor_at_capacity');
    // Resuming adds no mentee: the place was never given up.
    expect((await act(coordinator, id, 'resume')).statusCode).toBe(200);
    expect(await held(m.id)).toBe(1);
  });

  it('MOH-16, MATCH-CAPACITY: a waiting mentorship cannot be given a full mentor; nothing changes', async () => {
    const leaving = await mentor('Left Before', 5);
    const full = await mentor('Full One', 1);
    const [other] = await people('Holder', 1);
    expect((await propose(other!.id, full.id)).statusCode).toBe(201);
    const w = await waitingFor('Needs Replacement', leaving.id);
    const before = await file(coordinator, w.id);
    const res = await act(coordinator, w.id, 'match', { mentorId: full.id });
    expectRefusal(res, 'MATCH-CAPACITY', 'mentor_at_capacity');
    const after = await file(coordinator, w.id);
    expect(after.json()).toMatchObject({ version: before.json().version, mentor: null });
    expect(after.json().history).toHaveLength(before.json().history.length);
  });

  it('MOH-16, MATCH-CAPACITY: a change of mentor to a full replacement is refused and the current mentor stays', async () => {
    const current = await mentor('Current Mentor', 5);
    const full = await mentor('Full Replacement', 1);
    const [holder, mentee] = await people('Change', 2);
    expect((await propose(holder!.id, full.id)).statusCode).toBe(201);
    const { id } = await started(coordinator, mentee!.id, current.id);
    const res = await act(coordinator, id, 'change-mentor', { reason: 'mismatch', mentorId: full.id });
    expectRefusal(res, 'MATCH-CAPACITY', 'mentor_at_capacity');
    const after = (await file(coordinator, id)).json();
    expect(after).toMatchObject({ state: 'trial', mentor: { id: current.id } });
    expect(after.assignments).toEqual([expect.objectContaining({ toOn: null })]);
  });

  it('MATCH-CAPACITY: proposing again the mentor already proposed on a waiting mentorship does not count it twice', async () => {
    const m = await mentor('Only One', 1);
    const [p] = await people('Reproposed', 1);
    const proposed = await propose(p!.id, m.id);
    expect(proposed.statusCode).toBe(201);
    const res = await act(coordinator, proposed.json().id, 'match', { mentorId: m.id });
    expect(res.statusCode).toBe(200);
    expect(await held(m.id)).toBe(1);
  });

  it('MATCH-CAPACITY: a capacity may be lowered below the load to stop new matches; the record says by how much', async () => {
    const m = await mentor('Lowered Capacity', 3);
    const [p1, p2, p3] = await people('Lowered', 3);
    expect((await propose(p1!.id, m.id)).statusCode).toBe(201);
    expect((await propose(p2!.id, m.id)).statusCode).toBe(201);
    const lowered = await edit(coordinator, `/api/v1/mentors/${m.id}`, { capacity: 1 });
    expect(lowered.json()).toMatchObject({ capacity: 1, activeMentees: 2, overCapacityBy: 1 });
    const listed = (await coordinator.get('/api/v1/mentors'))
      .json()
      .items.find((x: { id: string }) => x.id === m.id);
    expect(listed).toMatchObject({ capacity: 1, activeMentees: 2, overCapacityBy: 1 });
    // The mentees stay; a new one is refused with a sentence that says the mentor is over capacity.
    expect(await held(m.id)).toBe(2);
    const refused = await propose(p3!.id, m.id);
    expectRefusal(refused, 'MATCH-CAPACITY', 'mentor_over_capacity');
    expect(refused.json().detail).toBe(
      'Not allowed by program rule MATCH-CAPACITY: the mentor holds 2 participants, more than their capacity of 1.',
    );
    const raised = await edit(coordinator, `/api/v1/mentors/${m.id}`, { capacity: 3 });
    expect(raised.json()).toMatchObject({ capacity: 3, activeMentees: 2, overCapacityBy: 0 });
    expect((await propose(p3!.id, m.id)).statusCode).toBe(201);
  });

  it('MATCH-CAPACITY: the refusal reads in the coordinator’s language', async () => {
    const email = 'rakezet@alpha.test';
    const u = await buildUser(h.handle.db, {
      email,
      displayName: 'רכזת',
      passwordHash: await passwordHash(),
      locale: 'he',
    });
    await buildMembership(h.handle.db, { orgId: a.id, userId: u.id, role: 'coordinator' });
    const hebrew = await login(h, email);
    const m = await mentor('Zero Places', 0);
    const [p] = await people('Hebrew', 1);
    const res = await hebrew.post('/api/v1/mentorships', { participantId: p!.id, mentorId: m.id });
    expectRefusal(res, 'MATCH-CAPACITY', 'mentor_at_capacity');
    expect(res.json().detail).toContain('לחונך/ת כבר יש 0 משתתפים, מלוא הקיבולת.');
  });
});
