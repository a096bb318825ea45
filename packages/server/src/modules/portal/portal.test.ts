/** The participant's own home (TEN-03, TEN-06): their things only, never notes or other people. */
import { randomUUID } from 'node:crypto';
import { auditEvents, contacts, goals, mentorships, plans } from '@tandem/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Harness, login, type Org, startHarness } from '../../testing/harness';
import { orgWithPairs, type Pair, taskFor, upload } from './fixtures';

const SENTINEL = 'Sentinel restricted note XYZZY';
let h: Harness;
let org: Org;
let coordinator: Agent;
let one: Pair;
let two: Pair;
let elsewhere: Pair;

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-04T07:00:00Z' });
  const a = await orgWithPairs(h, 'Alpha');
  org = a.org;
  coordinator = a.coordinator;
  [one, two] = a.pairs;
  elsewhere = (await orgWithPairs(h, 'Beta')).pairs[0];
  const db = h.handle.db;
  const [ms] = await db.select().from(mentorships).where(eq(mentorships.id, one.mentorshipId));
  const planId = randomUUID();
  await db.insert(plans).values({ orgId: org.id, id: planId, mentorshipId: one.mentorshipId });
  await db.insert(goals).values([
    {
      orgId: org.id,
      id: randomUUID(),
      planId,
      title: 'Go to the market on my own',
      createdAt: new Date('2026-02-02'),
    },
    {
      orgId: org.id,
      id: randomUUID(),
      planId,
      title: 'Sleep before midnight',
      status: 'achieved',
      createdAt: new Date('2026-02-03'),
    },
  ]);
  // A contact whose note is for the mentor and staff only (TEN-06).
  await db.insert(contacts).values({
    orgId: org.id,
    id: randomUUID(),
    mentorshipId: one.mentorshipId,
    participantId: one.participantId,
    mentorId: ms!.mentorId!,
    loggedBy: one.mentor.me.user.id,
    startsAt: new Date('2026-03-02T15:00:00Z'),
    durationMinutes: 45,
    mode: 'phone',
    note: SENTINEL,
  });
});
afterAll(() => h.close());

describe('GET /api/v1/me/portal', () => {
  it('TEN-06: shows the participant their mentorship, goals in plain words and tasks with photos — and no notes', async () => {
    const task = await taskFor(one, { title: 'Walk to the bakery' });
    const { default: sharp } = await import('sharp');
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#6a4' } })
      .jpeg()
      .toBuffer();
    await upload(one.participant, task.id, { name: 'bakery.jpg', bytes: jpeg });
    await one.mentor.post(`/api/v1/tasks/${task.id}/feedback`, { text: 'Well done!', praise: true });
    const res = await one.participant.get('/api/v1/me/portal');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['goals', 'mentorship', 'participant', 'tasks']);
    expect(body.participant).toEqual({ id: one.participantId, displayName: 'Alpha Participant One' });
    expect(body.mentorship).toMatchObject({
      id: one.mentorshipId,
      state: 'active',
      mentorName: 'Alpha Mentor One',
      lastContactOn: '2026-03-02T15:00:00.000Z',
    });
    expect(body.goals).toEqual([
      expect.objectContaining({ title: 'Go to the market on my own', status: 'open' }),
      expect.objectContaining({ title: 'Sleep before midnight', status: 'achieved' }),
    ]);
    const shown = body.tasks.find((t: { id: string }) => t.id === task.id);
    expect(shown.evidence).toHaveLength(1);
    expect(shown.feedback[0]).toMatchObject({ praise: true, text: 'Well done!' });
    expect(res.body).not.toContain(SENTINEL);
    expect(res.body).not.toContain('note"');
  });

  it('TEN-03: shows nothing of another participant', async () => {
    await taskFor(two, { title: 'Sentinel task of participant two' });
    const mine = await one.participant.get('/api/v1/me/portal');
    expect(mine.body).not.toContain('Sentinel task of participant two');
    expect(mine.body).not.toContain('Alpha Participant Two');
    const theirs = await two.participant.get('/api/v1/me/portal');
    expect(theirs.json().participant.id).toBe(two.participantId);
  });

  it('AUD-01: the read is audited with the participant as subject', async () => {
    await two.participant.get('/api/v1/me/portal');
    const rows = await h.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'portal.read'), eq(auditEvents.subjectId, two.participantId)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.at(-1)).toMatchObject({ actorUserId: two.participant.me.user.id, actorRole: 'participant' });
  });

  it('a participant login without a participant record gets 404, and staff cannot use it (TEN-10)', async () => {
    const orphan = await login(h, org.users.participant.email);
    expect((await orphan.get('/api/v1/me/portal')).statusCode).toBe(404);
    expect((await coordinator.get('/api/v1/me/portal')).statusCode).toBe(403);
  });
});

describe("TEN-03: a participant gets 404 on another participant's things", () => {
  it("TEN-03: another participant's tasks, photos and check-ins answer 404", async () => {
    const task = await taskFor(two);
    const { default: sharp } = await import('sharp');
    const jpeg = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    const photo = (await upload(two.participant, task.id, { name: 'p.jpg', bytes: jpeg })).json();
    const checkIn = await two.participant.post('/api/v1/check-ins', { wellbeing: 4, note: 'A good day' });
    expect(checkIn.statusCode, checkIn.body).toBe(201);
    for (const agent of [one.participant, elsewhere.participant]) {
      const statuses = [
        (await agent.get(`/api/v1/tasks/${task.id}`)).statusCode,
        (await agent.get(`/api/v1/mentorships/${two.mentorshipId}/tasks`)).statusCode,
        (await agent.inject({ method: 'GET', url: photo.url })).statusCode,
        (await agent.inject({ method: 'GET', url: photo.thumbUrl })).statusCode,
        (await agent.get(`/api/v1/check-ins/${checkIn.json().id}`)).statusCode,
        (await agent.get(`/api/v1/check-ins?participantId=${two.participantId}`)).statusCode,
      ];
      expect(statuses).toEqual([404, 404, 404, 404, 404, 404]);
      const ownList = await agent.get('/api/v1/check-ins');
      expect(ownList.body).not.toContain(checkIn.json().id);
    }
  });
});
