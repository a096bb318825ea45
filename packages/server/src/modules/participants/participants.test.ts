import { randomUUID } from 'node:crypto';
import { auditEvents, buildMentor, buildMentorship, buildParticipant, mentorships } from '@tandem/db';
import { and, eq } from 'drizzle-orm';
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

let h: Harness;
let a: Org;
let b: Org;
let programA: string;
let coordinator: Agent;
let mentor: Agent;
let otherMentor: Agent;
let bCoordinator: Agent;

const intake = (programId: string, over: Record<string, unknown> = {}) => ({
  programId,
  displayName: 'נועה כהן',
  birthDate: '1994-05-17',
  gender: 'female',
  sector: 'general',
  languages: [
    { code: 'he', level: 5 },
    { code: 'en', level: 3 },
  ],
  place: { city: 'Haifa', lat: 32.794, lon: 34.9896 },
  needs: ['social_situations', 'employment'],
  interests: ['music', 'walking'],
  availability: [
    { day: 0, hour: 17 },
    { day: 2, hour: 18 },
  ],
  consentGiven: true,
  ...over,
});

beforeAll(async () => {
  h = await startHarness();
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  programA = (await seedProgram(h, a.id)).id;
  coordinator = await login(h, a.users.coordinator.email);
  mentor = await login(h, a.users.mentor.email);
  bCoordinator = await login(h, b.users.coordinator.email);
  const { buildUser, buildMembership } = await import('@tandem/db');
  const { passwordHash } = await import('../../testing/harness');
  const u = await buildUser(h.handle.db, {
    email: 'mentor2@alpha.test',
    displayName: 'Second Mentor',
    passwordHash: await passwordHash(),
  });
  await buildMembership(h.handle.db, { orgId: a.id, userId: u.id, role: 'mentor' });
  otherMentor = await login(h, 'mentor2@alpha.test');
});
afterAll(() => h.close());

describe('intake', () => {
  it('a coordinator registers a participant; the response carries an ETag with the version', async () => {
    const res = await coordinator.post('/api/v1/participants', intake(programA));
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      displayName: 'נועה כהן',
      needs: ['social_situations', 'employment'],
      mentorshipId: null,
      version: 1,
    });
    expect(res.json().consentGivenAt).toEqual(expect.any(String));
  });

  it('an unknown program is a 404 naming the field; another organisation’s program too (TEN-02)', async () => {
    const unknown = await coordinator.post('/api/v1/participants', intake(randomUUID()));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'programId' });
    const theirs = await bCoordinator.post('/api/v1/participants', intake(programA));
    expect(theirs.statusCode).toBe(404);
  });

  it('bad profile values are named: an impossible date, a level of 9, latitude 123', async () => {
    const res = await coordinator.post(
      '/api/v1/participants',
      intake(programA, {
        birthDate: '1994-02-30',
        languages: [{ code: 'he', level: 9 }],
        place: { city: 'X', lat: 123, lon: 0 },
      }),
    );
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['birthDate', 'languages.0.level', 'place.lat']);
  });
});

describe('REL-03: edits need the version they were made on', () => {
  it('no If-Match → 428; a stale one → 412 with the current version; the right one → 200 and version + 1', async () => {
    const created = (
      await coordinator.post('/api/v1/participants', intake(programA, { displayName: 'Edit Me' }))
    ).json();
    const url = `/api/v1/participants/${created.id}`;
    expect((await coordinator.patch(url, { sector: 'arab' })).statusCode).toBe(428);
    const first = await coordinator.patch(url, { sector: 'arab' }, { 'if-match': '"1"' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ sector: 'arab', version: 2 });
    expect(first.headers.etag).toBe('"2"');
    const second = await coordinator.patch(url, { sector: 'haredi' }, { 'if-match': '"1"' });
    expect(second.statusCode).toBe(412);
    expect(second.json().params.currentVersion).toBe(2);
    const read = (await coordinator.get(url)).json();
    expect(read.sector).toBe('arab');
  });
});

describe('edits change only what they name', () => {
  it('RAMP-1: editing the sector keeps the consent, the needs and the languages as they were', async () => {
    const created = (
      await coordinator.post('/api/v1/participants', intake(programA, { displayName: 'Partial Edit' }))
    ).json();
    const res = await coordinator.patch(
      `/api/v1/participants/${created.id}`,
      { sector: 'arab' },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      sector: 'arab',
      consentGivenAt: created.consentGivenAt,
      needs: created.needs,
      languages: created.languages,
      place: created.place,
    });
  });

  it('MOH-13: editing a mentor’s family ties keeps their training, capacity and activity', async () => {
    const m = (
      await coordinator.post('/api/v1/mentors', {
        programId: programA,
        displayName: 'Partial Mentor',
        birthDate: '1980-01-01',
        capacity: 4,
        trainingCompletedOn: '2025-09-01',
        trainingHours: 60,
      })
    ).json();
    const res = await coordinator.patch(
      `/api/v1/mentors/${m.id}`,
      { familyOf: [randomUUID()] },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      capacity: 4,
      trainingCompletedOn: '2025-09-01',
      trainingHours: 60,
      active: true,
    });
  });
});

describe('TEN-03 and AUD-01: who sees a participant’s file', () => {
  it('a mentor sees only their current mentees, and every read of a file is audited', async () => {
    const mine = await buildParticipant(h.handle.db, {
      orgId: a.id,
      programId: programA,
      displayName: 'Mine Sentinel',
    });
    const notMine = await buildParticipant(h.handle.db, {
      orgId: a.id,
      programId: programA,
      displayName: 'Not Mine Sentinel',
    });
    const m = await buildMentor(h.handle.db, {
      orgId: a.id,
      programId: programA,
      displayName: 'Yossi',
      userId: a.users.mentor.id,
    });
    const ms = await buildMentorship(h.handle.db, {
      orgId: a.id,
      programId: programA,
      participantId: mine.id,
      mentorId: m.id,
    });

    const list = (await mentor.get('/api/v1/participants')).json();
    expect(list.items.map((p: { displayName: string }) => p.displayName)).toEqual(['Mine Sentinel']);
    expect((await mentor.get(`/api/v1/participants/${mine.id}`)).statusCode).toBe(200);
    expect((await mentor.get(`/api/v1/participants/${notMine.id}`)).statusCode).toBe(404);
    expect((await otherMentor.get(`/api/v1/participants/${mine.id}`)).statusCode).toBe(404);
    expect((await otherMentor.get('/api/v1/participants')).json().items).toEqual([]);

    const reads = await h.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'participant.read'), eq(auditEvents.subjectId, mine.id)));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorUserId: a.users.mentor.id, outcome: 'success' });

    // TEN-07: closing the mentorship revokes the mentor's access on the next request.
    await h.handle.db.update(mentorships).set({ state: 'closed' }).where(eq(mentorships.id, ms.id));
    expect((await mentor.get(`/api/v1/participants/${mine.id}`)).statusCode).toBe(404);
  });

  it('TEN-02: another organisation’s coordinator gets 404 for the file and never sees it in lists', async () => {
    const p = await buildParticipant(h.handle.db, {
      orgId: a.id,
      programId: programA,
      displayName: 'Alpha Only Sentinel',
    });
    expect((await bCoordinator.get(`/api/v1/participants/${p.id}`)).statusCode).toBe(404);
    expect(
      (await bCoordinator.patch(`/api/v1/participants/${p.id}`, { sector: 'x' }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(404);
    const list = (await bCoordinator.get('/api/v1/participants')).json();
    expect(JSON.stringify(list)).not.toContain('Alpha Only Sentinel');
  });
});

describe('mentors', () => {
  it('a coordinator registers a mentor linked to a mentor login; the mentor sees only their own record', async () => {
    const res = await coordinator.post('/api/v1/mentors', {
      programId: programA,
      userId: a.users.mentor.id,
      displayName: 'Yossi Mentor',
      birthDate: '1985-03-02',
      languages: [{ code: 'he', level: 5 }],
      capacity: 3,
      trainingCompletedOn: '2025-09-01',
      profession: 'social_worker',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ capacity: 3, activeMentees: 0, trainingCompletedOn: '2025-09-01' });
    const own = (await mentor.get('/api/v1/mentors')).json();
    expect(own.items.every((m: { userId: string }) => m.userId === a.users.mentor.id)).toBe(true);
    expect(own.items.length).toBeGreaterThan(0);
  });

  it('a mentor record cannot be linked to a login that is not a mentor of this organisation', async () => {
    const res = await coordinator.post('/api/v1/mentors', {
      programId: programA,
      userId: b.users.mentor.id,
      displayName: 'X',
      birthDate: '1980-01-01',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0]).toMatchObject({ field: 'userId' });
  });

  it('a negative capacity is refused naming the field', async () => {
    const res = await coordinator.post('/api/v1/mentors', {
      programId: programA,
      displayName: 'X',
      birthDate: '1980-01-01',
      capacity: -1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'capacity' });
  });
});
