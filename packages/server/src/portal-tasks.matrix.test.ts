/**
 * The authorization matrix rows of the portal, sign-in code and task routes:
 * each route's declared roles (TEN-01; TEN-10 is walked for every route in
 * tenancy.test.ts), and every role it admits, given another organisation's
 * object ids and a body that would be valid there, answers 404 (TEN-02).
 */
import { taskEvidence, taskFeedback, tasks } from '@tandem/db';
import type { Role } from '@tandem/domain';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, orgWithPairs, type Pair, taskFor, upload } from './modules/portal/fixtures';
import { type Agent, type Harness, login, startHarness } from './testing/harness';

const STAFF = ['coordinator', 'admin'] as const;
const READERS = ['participant', 'mentor', 'coordinator', 'admin'] as const;
const MENTOR_SIDE = ['mentor', 'coordinator', 'admin'] as const;
const UPLOADERS = ['participant', 'mentor', 'coordinator'] as const;

const MATRIX: { method: string; url: string; roles: readonly Role[] | 'public' }[] = [
  { method: 'POST', url: '/api/v1/auth/code-login', roles: 'public' },
  { method: 'POST', url: '/api/v1/auth/code-password', roles: ['participant'] },
  { method: 'POST', url: '/api/v1/participants/:id/portal-invitation', roles: STAFF },
  { method: 'GET', url: '/api/v1/participants/:id/portal-access', roles: STAFF },
  { method: 'GET', url: '/api/v1/me/portal', roles: ['participant'] },
  { method: 'POST', url: '/api/v1/tasks', roles: MENTOR_SIDE },
  { method: 'GET', url: '/api/v1/mentorships/:id/tasks', roles: READERS },
  { method: 'GET', url: '/api/v1/tasks/:id', roles: READERS },
  { method: 'PATCH', url: '/api/v1/tasks/:id', roles: MENTOR_SIDE },
  { method: 'POST', url: '/api/v1/tasks/:id/status', roles: READERS },
  { method: 'POST', url: '/api/v1/tasks/:id/feedback', roles: MENTOR_SIDE },
  { method: 'POST', url: '/api/v1/tasks/:id/evidence', roles: UPLOADERS },
  { method: 'GET', url: '/api/v1/tasks/:id/evidence/:evidenceId', roles: READERS },
  { method: 'DELETE', url: '/api/v1/tasks/:id/evidence/:evidenceId', roles: UPLOADERS },
];

let h: Harness;
let b: Pair;
let jpeg: Buffer;
const agents = {} as Record<Role, Agent>;
const foreign = { task: '', evidence: '' };

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-04T07:00:00Z' });
  const a = await orgWithPairs(h, 'Alpha');
  b = (await orgWithPairs(h, 'Beta')).pairs[0];
  jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#358' } })
    .jpeg()
    .toBuffer();
  foreign.task = (await taskFor(b)).id;
  foreign.evidence = (await upload(b.participant, foreign.task, { name: 'b.jpg', bytes: jpeg })).json().id;
  agents.coordinator = a.coordinator;
  agents.admin = await login(h, a.org.users.admin.email);
  agents.mentor = a.pairs[0].mentor;
  agents.participant = a.pairs[0].participant;
});
afterAll(() => h.close());

const key = (x: { method: string; url: string }) => `${x.method} ${x.url}`;

describe('the portal and task rows of the authorization matrix', () => {
  it('TEN-01: every portal, code and task route declares exactly the roles of its row', () => {
    const mine = h.app.routeInventory.filter(
      (r) =>
        /^\/api\/v1\/(tasks|me\/portal|auth\/code-)/.test(r.url) ||
        /\/portal-(invitation|access)$/.test(r.url) ||
        r.url === '/api/v1/mentorships/:id/tasks',
    );
    const declared = mine
      .map((r) => ({
        method: r.method,
        url: r.url,
        roles: r.access && 'roles' in r.access ? [...r.access.roles].sort() : 'public',
      }))
      .sort((x, y) => key(x).localeCompare(key(y)));
    const expected = MATRIX.map((m) => ({
      ...m,
      roles: m.roles === 'public' ? 'public' : [...m.roles].sort(),
    })).sort((x, y) => key(x).localeCompare(key(y)));
    expect(declared).toEqual(expected);
  });

  it("TEN-02: every admitted role gets 404 for another organisation's participant, mentorship, task and photo", async () => {
    let checked = 0;
    for (const row of MATRIX) {
      if (row.roles === 'public' || !row.url.includes(':')) continue;
      const url = row.url
        .replace('/participants/:id', `/participants/${b.participantId}`)
        .replace('/mentorships/:id', `/mentorships/${b.mentorshipId}`)
        .replace('/tasks/:id', `/tasks/${foreign.task}`)
        .replace(':evidenceId', foreign.evidence);
      for (const role of row.roles) {
        const agent = agents[role];
        const k = key(row);
        const res =
          k === 'POST /api/v1/tasks/:id/evidence'
            ? await agent.inject({ method: 'POST', url, ...multipart({ name: 'x.jpg', bytes: jpeg }) })
            : await agent.inject({
                method: row.method as 'GET',
                url,
                ...(row.method === 'GET' || row.method === 'DELETE'
                  ? {}
                  : {
                      payload: (
                        {
                          'POST /api/v1/participants/:id/portal-invitation': { locale: 'en' },
                          'PATCH /api/v1/tasks/:id': { title: 'Taken over' },
                          'POST /api/v1/tasks/:id/status': { status: 'done' },
                          'POST /api/v1/tasks/:id/feedback': { praise: true },
                        } as Record<string, unknown>
                      )[k] as never,
                    }),
                headers: row.method === 'PATCH' ? { 'if-match': '"1"' } : {},
              });
        expect({ route: k, role, status: res.statusCode }).toEqual({ route: k, role, status: 404 });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(25);
    const created = await agents.mentor.post('/api/v1/tasks', {
      mentorshipId: b.mentorshipId,
      title: 'x',
      dueOn: '2026-03-09',
    });
    expect(created.statusCode).toBe(404);
    const [task] = await h.handle.db.select().from(tasks).where(eq(tasks.id, foreign.task));
    expect(task).toMatchObject({ status: 'open', title: 'Cook a healthy dinner', version: 1 });
    expect(
      await h.handle.db.select().from(taskEvidence).where(eq(taskEvidence.taskId, foreign.task)),
    ).toHaveLength(1);
    expect(
      await h.handle.db.select().from(taskFeedback).where(eq(taskFeedback.taskId, foreign.task)),
    ).toEqual([]);
  });
});
