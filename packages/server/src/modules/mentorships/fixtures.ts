/**
 * Test fixtures for the lifecycle, plans, approvals and attention tests: the
 * shared builders plus a few steps through the real API (DESIGN principle 9).
 */
import { buildMembership, buildMentor, buildParticipant, buildUser } from '@tandem/db';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { type Agent, type Harness, login, type Org, passwordHash } from '../../testing/harness';

/**
 * For a mentor shared by every test of a file. Each test brings its own
 * participant to that mentor and leaves the mentorship open, so the mentor
 * holds as many mentees as the file has tests — far more than a real mentor's
 * default of 2, which every proposal now checks (MATCH-CAPACITY). Capacity
 * itself is tested with mentors of its own.
 */
export const SHARED_MENTOR = { capacity: 50 } as const;

/**
 * The language test people speak unless a test says otherwise. The Israeli
 * program matches people only with a mentor who shares a language (MOH-11),
 * and every proposal asks that rule, so the fixtures' people and mentors speak
 * one, as the people of a real program would.
 */
export const SPEAKS_HEBREW = { languages: [{ code: 'he', level: 5 }] };

/** A mentor record with a login of its own, signed in. */
export async function mentorWithLogin(
  h: Harness,
  org: Org,
  programId: string,
  name: string,
  over: Partial<Parameters<typeof buildMentor>[1]> = {},
) {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${org.name.toLowerCase()}.test`;
  const user = await buildUser(h.handle.db, { email, displayName: name, passwordHash: await passwordHash() });
  await buildMembership(h.handle.db, { orgId: org.id, userId: user.id, role: 'mentor' });
  const mentor = await buildMentor(h.handle.db, {
    orgId: org.id,
    programId,
    displayName: name,
    userId: user.id,
    ...SPEAKS_HEBREW,
    ...over,
  });
  return { mentor, agent: await login(h, email) };
}

export async function participant(
  h: Harness,
  org: Org,
  programId: string,
  name: string,
  over: Partial<Parameters<typeof buildParticipant>[1]> = {},
) {
  return buildParticipant(h.handle.db, {
    orgId: org.id,
    programId,
    displayName: name,
    consentGivenAt: new Date('2026-01-05T10:00:00Z'),
    ...SPEAKS_HEBREW,
    ...over,
  });
}

export const ifMatch = (res: LightMyRequestResponse) => ({ 'if-match': String(res.headers.etag) });

/** Expect a 422 problem naming the rule and the code. */
export function expectRefusal(res: LightMyRequestResponse, ruleId: string, code: string) {
  expect({ status: res.statusCode, type: res.headers['content-type'] }).toEqual({
    status: 422,
    type: expect.stringContaining('application/problem+json'),
  });
  expect(res.json()).toMatchObject({ ruleId, code });
}

/** Propose a match and add a first goal: a mentorship ready to start. */
export async function readyToStart(
  coordinator: Agent,
  participantId: string,
  mentorId: string,
  domains: string[] = ['social_situations'],
) {
  const proposed = await coordinator.post('/api/v1/mentorships', { participantId, mentorId });
  expect(proposed.statusCode).toBe(201);
  const id = proposed.json().id as string;
  const goal = await coordinator.post(`/api/v1/mentorships/${id}/goals`, {
    title: 'Go out once a week',
    domains,
  });
  expect(goal.statusCode).toBe(201);
  return { id, goalId: goal.json().id as string };
}

/** The file as the coordinator sees it now, with its ETag. */
export const file = (agent: Agent, id: string) => agent.get(`/api/v1/mentorships/${id}`);

/** Edit a record as it stands now: read it for its ETag, then PATCH with If-Match (REL-03). */
export async function edit(agent: Agent, url: string, body: unknown) {
  const current = await agent.get(url);
  expect(current.statusCode).toBe(200);
  const res = await agent.patch(url, body, ifMatch(current));
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

/** Run an action with the current version: read the file, then POST with its ETag. */
export async function act(agent: Agent, id: string, action: string, body?: unknown) {
  const current = await file(agent, id);
  expect(current.statusCode).toBe(200);
  return agent.post(`/api/v1/mentorships/${id}/${action}`, body, ifMatch(current));
}

/** Propose, plan and start: a mentorship in its trial. */
export async function started(
  coordinator: Agent,
  participantId: string,
  mentorId: string,
  domains?: string[],
) {
  const m = await readyToStart(coordinator, participantId, mentorId, domains);
  const res = await act(coordinator, m.id, 'start');
  expect(res.statusCode, res.body).toBe(200);
  return m;
}
