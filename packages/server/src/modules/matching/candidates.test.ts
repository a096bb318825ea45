import { buildMentor } from '@tandem/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Agent,
  type Harness,
  login,
  type Org,
  seedOrg,
  seedProgram,
  startHarness,
} from '../../testing/harness';
import { act, edit } from '../mentorships/fixtures';
import { amharicSpeakers } from './fixtures';

// Monday 23 November 2026, 10:00 in Jerusalem.
let h: Harness;
let a: Org;
let b: Org;
let coordinator: Agent;
let program: string;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T08:00:00Z' });
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  coordinator = await login(h, a.users.coordinator.email);
});
afterAll(() => h.close());
// A program of its own for each test: one test's mentors are not another's candidates.
beforeEach(async () => {
  program = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
});

const { person, mentor, waiting } = amharicSpeakers(
  () => ({ h, orgId: a.id, programId: program, coordinator }),
  { capacity: 3 },
);

const candidates = async (participantId: string, allowed: string[] = []) => {
  const query = allowed.map((id) => `allowed=${id}`).join('&');
  const res = await coordinator.get(
    `/api/v1/participants/${participantId}/candidates${query ? `?${query}` : ''}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const ids = (list: { mentorId: string }[]) => list.map((x) => x.mentorId);

describe('MOH-16: the candidate panel treats former mentors as the cohort allocation does', () => {
  it('MOH-16: the mentor who left is ruled out by default, listed with the reason and the score they would have', async () => {
    const left = await mentor();
    const other = await mentor();
    const w = await waiting(left.id, 'mentor_left');
    const body = await candidates(w.participantId);
    expect(body).toMatchObject({
      placement: 'rematch',
      mentorship: { id: w.mentorshipId, state: 'awaiting_match', version: 3 },
    });
    expect(ids(body.candidates)).toEqual([other.id]);
    expect(body.ruledOutByDefault).toMatchObject([{ mentorId: left.id, reason: 'former_mentor' }]);
    const [former] = body.ruledOutByDefault;
    expect(former.parts.reduce((s: number, p: { points: number }) => s + p.points, 0)).toBe(former.total);
    expect(ids(body.excluded)).not.toContain(left.id);
  });

  it('MOH-16: allowed again, the former mentor is ranked with the others and may be proposed on the mentorship', async () => {
    const left = await mentor();
    const w = await waiting(left.id, 'mismatch');
    expect((await candidates(w.participantId)).candidates).toEqual([]);
    const body = await candidates(w.participantId, [left.id]);
    expect(ids(body.candidates)).toEqual([left.id]);
    expect(body.ruledOutByDefault).toEqual([]);
    // The panel proposes on the waiting mentorship at the version it was given, keeping its history.
    const res = await coordinator.post(
      `/api/v1/mentorships/${w.mentorshipId}/match`,
      { mentorId: left.id },
      { 'if-match': `"${body.mentorship.version}"` },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: w.mentorshipId, mentor: { id: left.id } });
  });

  it('MOH-4, MOH-16: every former mentor is ruled out, the one ended at the trial review too; each may be allowed', async () => {
    const first = await mentor();
    const second = await mentor();
    const fresh = await mentor();
    const w = await waiting(first.id, 'mentor_left');
    expect((await act(coordinator, w.mentorshipId, 'match', { mentorId: second.id })).statusCode).toBe(200);
    expect((await act(coordinator, w.mentorshipId, 'start')).json().state).toBe('trial');
    await act(coordinator, w.mentorshipId, 'review-trial', { outcome: 'change_mentor' });
    const body = await candidates(w.participantId);
    expect(ids(body.candidates)).toEqual([fresh.id]);
    expect(ids(body.ruledOutByDefault)).toEqual([first.id, second.id].sort());
    const both = await candidates(w.participantId, [first.id, second.id]);
    expect(ids(both.candidates).sort()).toEqual([first.id, second.id, fresh.id].sort());
  });

  it('MOH-13, MOH-16: a former mentor a hard rule now excludes is listed among the excluded with that rule', async () => {
    const left = await mentor();
    const w = await waiting(left.id, 'mentor_left');
    await edit(coordinator, `/api/v1/mentors/${left.id}`, { trainingCompletedOn: null });
    const body = await candidates(w.participantId, [left.id]);
    expect(body.ruledOutByDefault).toEqual([]);
    expect(body.excluded).toMatchObject([{ mentorId: left.id, refusals: [{ ruleId: 'MOH-13' }] }]);
  });

  it('a person without a mentorship gets a new one; one whose proposed mentor awaits the start is held', async () => {
    const m = await mentor();
    const p = await person();
    expect(await candidates(p.id)).toMatchObject({
      placement: 'new',
      mentorship: null,
      ruledOutByDefault: [],
    });
    const proposed = await coordinator.post('/api/v1/mentorships', { participantId: p.id, mentorId: m.id });
    expect(proposed.statusCode).toBe(201);
    expect(await candidates(p.id)).toMatchObject({
      placement: 'held',
      mentorship: { id: proposed.json().id, state: 'awaiting_match', version: 1 },
    });
  });

  it('an allowed id that is not a uuid is a 400 naming the field; another organisation’s mentor allows nothing', async () => {
    const p = await person();
    const bad = await coordinator.get(`/api/v1/participants/${p.id}/candidates?allowed=nope`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.json().errors)).toContain('allowed');
    const foreign = await buildMentor(h.handle.db, {
      orgId: b.id,
      programId: (await seedProgram(h, b.id)).id,
      displayName: 'Beta Mentor',
      languages: [{ code: 'am', level: 5 }],
    });
    const body = await candidates(p.id, [foreign.id]);
    expect([...ids(body.candidates), ...ids(body.excluded), ...ids(body.ruledOutByDefault)]).not.toContain(
      foreign.id,
    );
  });
});
