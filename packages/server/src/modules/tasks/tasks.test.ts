/** Tasks agreed between mentor and participant (SIVA-3), done and praised (SIVA-4), in scope (TEN-03). */
import { randomUUID } from 'node:crypto';
import { auditEvents, mentorships, tasks } from '@tandem/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Harness, startHarness } from '../../testing/harness';
import { ifMatch } from '../mentorships/fixtures';
import { orgWithPairs, type Pair, taskFor } from '../portal/fixtures';

let h: Harness;
let coordinator: Agent;
let one: Pair;
let two: Pair;
let elsewhere: Pair;

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-04T07:00:00Z' });
  const a = await orgWithPairs(h, 'Alpha');
  coordinator = a.coordinator;
  [one, two] = a.pairs;
  elsewhere = (await orgWithPairs(h, 'Beta')).pairs[0];
});
afterAll(() => h.close());

const auditRows = (action: string, entityId: string) =>
  h.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

describe('SIVA-3: agreeing tasks', () => {
  it('SIVA-3: the mentor records a task with a due date; the participant sees it on their mentorship', async () => {
    const res = await one.mentor.post('/api/v1/tasks', {
      mentorshipId: one.mentorshipId,
      title: 'Take a 20-minute walk',
      description: 'Around the park, with the dog if you like.',
      dueOn: '2026-03-06',
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      title: 'Take a 20-minute walk',
      dueOn: '2026-03-06',
      status: 'open',
      participantId: one.participantId,
      evidence: [],
      feedback: [],
    });
    const list = await one.participant.get(`/api/v1/mentorships/${one.mentorshipId}/tasks`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((t: { title: string }) => t.title)).toContain('Take a 20-minute walk');
    expect(await auditRows('task.create', res.json().id)).toHaveLength(1);
  });

  it('REL-02: the same Idempotency-Key and body twice make one task and the same answer', async () => {
    const key = randomUUID();
    const body = { mentorshipId: one.mentorshipId, title: 'Fill in the worksheet', dueOn: '2026-03-09' };
    const first = await one.mentor.post('/api/v1/tasks', body, { 'idempotency-key': key });
    const again = await one.mentor.post('/api/v1/tasks', body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const rows = await h.handle.db.select().from(tasks).where(eq(tasks.title, 'Fill in the worksheet'));
    expect(rows).toHaveLength(1);
    const other = await one.mentor.post(
      '/api/v1/tasks',
      { ...body, title: 'Something else' },
      { 'idempotency-key': key },
    );
    expect(other.statusCode).toBe(422);
  });

  it('bad input is a 400 naming the field', async () => {
    const res = await one.mentor.post('/api/v1/tasks', {
      mentorshipId: one.mentorshipId,
      title: '',
      dueOn: '6 March',
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['dueOn', 'title']);
  });

  it('SIVA-3: a closed mentorship takes no new tasks', async () => {
    await h.handle.db
      .update(mentorships)
      .set({ state: 'suspended' })
      .where(eq(mentorships.id, two.mentorshipId));
    const res = await coordinator.post('/api/v1/tasks', {
      mentorshipId: two.mentorshipId,
      title: 'x',
      dueOn: '2026-03-09',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ ruleId: 'SIVA-3', code: 'mentorship_not_open_for_tasks' });
    await h.handle.db
      .update(mentorships)
      .set({ state: 'active' })
      .where(eq(mentorships.id, two.mentorshipId));
  });

  it('REL-03: an edit needs the version it was made on', async () => {
    const task = await taskFor(one, { title: 'Call the job centre' });
    const missing = await one.mentor.patch(`/api/v1/tasks/${task.id}`, { dueOn: '2026-03-10' });
    expect(missing.statusCode).toBe(428);
    const ok = await one.mentor.patch(
      `/api/v1/tasks/${task.id}`,
      { dueOn: '2026-03-10' },
      { 'if-match': '"1"' },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ dueOn: '2026-03-10', version: 2 });
    const stale = await one.mentor.patch(
      `/api/v1/tasks/${task.id}`,
      { title: 'Late edit' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    const fresh = await one.mentor.get(`/api/v1/tasks/${task.id}`);
    expect(
      (await one.mentor.patch(`/api/v1/tasks/${task.id}`, { title: 'Call them today' }, ifMatch(fresh)))
        .statusCode,
    ).toBe(200);
  });
});

describe('SIVA-4: done, with feedback and praise', () => {
  it('SIVA-4: the participant marks it done in their words; the mentor praises it; the participant reads the praise', async () => {
    const task = await taskFor(one, { title: 'Cook a healthy dinner' });
    const done = await one.participant.post(`/api/v1/tasks/${task.id}/status`, {
      status: 'done',
      note: 'Lentil soup, my sister came too.',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneNote: 'Lentil soup, my sister came too.' });
    expect(done.json().doneAt).toBe('2026-03-04T07:00:00.000Z');
    const praise = await one.mentor.post(`/api/v1/tasks/${task.id}/feedback`, {
      text: 'Wonderful!',
      praise: true,
    });
    expect(praise.statusCode).toBe(201);
    const seen = await one.participant.get(`/api/v1/tasks/${task.id}`);
    expect(seen.json().feedback).toEqual([
      expect.objectContaining({
        text: 'Wonderful!',
        praise: true,
        authorRole: 'mentor',
        authorName: 'Alpha Mentor One',
      }),
    ]);
    const reopened = await one.participant.post(`/api/v1/tasks/${task.id}/status`, { status: 'open' });
    expect(reopened.json()).toMatchObject({ status: 'open', doneAt: null });
  });

  it('SIVA-4: feedback needs words or praise', async () => {
    const task = await taskFor(one);
    const res = await one.mentor.post(`/api/v1/tasks/${task.id}/feedback`, { text: null, praise: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'text' });
  });

  it('TEN-10: a participant can neither create tasks nor give feedback', async () => {
    const task = await taskFor(one);
    expect(
      (
        await one.participant.post('/api/v1/tasks', {
          mentorshipId: one.mentorshipId,
          title: 'x',
          dueOn: '2026-03-09',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await one.participant.post(`/api/v1/tasks/${task.id}/feedback`, { praise: true })).statusCode,
    ).toBe(403);
  });

  it('AUD-01: reading a task is audited once, naming the participant', async () => {
    const task = await taskFor(one);
    await one.participant.get(`/api/v1/tasks/${task.id}`);
    const rows = await auditRows('task.read', task.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorRole: 'participant',
      subjectId: one.participantId,
      outcome: 'success',
    });
  });
});

describe('TEN-03: a task is as visible as its mentorship', () => {
  it("TEN-03: another participant, another mentor and another organisation get 404 on a participant's task", async () => {
    const task = await taskFor(one);
    for (const [who, agent] of [
      ['other participant', two.participant],
      ['other mentor', two.mentor],
      ['other organisation', elsewhere.mentor],
      ['other organisation participant', elsewhere.participant],
    ] as const) {
      const reads = [
        await agent.get(`/api/v1/tasks/${task.id}`),
        await agent.get(`/api/v1/mentorships/${one.mentorshipId}/tasks`),
        await agent.post(`/api/v1/tasks/${task.id}/status`, { status: 'done' }),
      ];
      expect({ who, statuses: reads.map((r) => r.statusCode) }).toEqual({ who, statuses: [404, 404, 404] });
    }
    expect((await two.mentor.post(`/api/v1/tasks/${task.id}/feedback`, { praise: true })).statusCode).toBe(
      404,
    );
    expect(
      (
        await two.mentor.post('/api/v1/tasks', {
          mentorshipId: one.mentorshipId,
          title: 'x',
          dueOn: '2026-03-09',
        })
      ).statusCode,
    ).toBe(404);
    const [row] = await h.handle.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row!.status).toBe('open');
  });

  it('TEN-04: a mentor’s own list holds only their mentee’s tasks', async () => {
    await taskFor(two, { title: 'Sentinel task of pair two' });
    const mine = await one.mentor.get(`/api/v1/mentorships/${one.mentorshipId}/tasks`);
    expect(mine.json().items.length).toBeGreaterThan(0);
    expect(JSON.stringify(mine.json())).not.toContain('Sentinel task of pair two');
  });

  it('TEN-07: after a rematch the old mentor loses the tasks at once and the new one has them', async () => {
    const task = await taskFor(two);
    const [ms] = await h.handle.db.select().from(mentorships).where(eq(mentorships.id, one.mentorshipId));
    await h.handle.db
      .update(mentorships)
      .set({ mentorId: ms!.mentorId })
      .where(eq(mentorships.id, two.mentorshipId));
    expect((await two.mentor.get(`/api/v1/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await one.mentor.get(`/api/v1/tasks/${task.id}`)).statusCode).toBe(200);
  });
});
