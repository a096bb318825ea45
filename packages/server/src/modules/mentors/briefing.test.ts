import { randomUUID } from 'node:crypto';
import {
  auditEvents,
  buildMembership,
  buildMentor,
  buildMentorship,
  buildParticipant,
  buildUser,
  memberships,
} from '@tandem/db';
import { and, eq } from 'drizzle-orm';
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

// Monday 2 March 2026, 10:00 in Copenhagen.
const NOW = '2026-03-02T09:00:00Z';
let h: Harness;
let a: Org;
let b: Org;
let coordinator: Agent;
let mentor: Agent;
let otherOrg: Agent;
let rampen: string;
let israeli: string;

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  rampen = (await seedProgram(h, a.id, 'dk-rampen')).id;
  israeli = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
  coordinator = await login(h, a.users.coordinator.email);
  mentor = await login(h, a.users.mentor.email);
  otherOrg = await login(h, b.users.coordinator.email);
});
afterAll(() => h.close());

/** A volunteer just registered in Rampen, with an active mentorship, not briefed yet. */
async function newVolunteer(name: string, userId: string | null = a.users.mentor.id) {
  const db = h.handle.db;
  const m = await buildMentor(db, { orgId: a.id, programId: rampen, displayName: name, userId });
  const p = await buildParticipant(db, { orgId: a.id, programId: rampen, displayName: `Citizen of ${name}` });
  const ms = await buildMentorship(db, {
    orgId: a.id,
    programId: rampen,
    participantId: p.id,
    mentorId: m.id,
    state: 'active',
  });
  return { mentorId: m.id, mentorshipId: ms.id };
}

const walk = (mentorshipId: string) => ({
  mentorshipId,
  startsAt: '2026-03-02T09:30:00+01:00',
  durationMinutes: 60,
  mode: 'in_person',
});

describe('RAMP-4: the briefing before the first contact', () => {
  it('RAMP-4: the coordinator records the briefing; from then on the mentor logs a first contact, and the audit names the rule', async () => {
    const v = await newVolunteer('Volunteer Briefed');
    const refused = await mentor.post('/api/v1/contacts', walk(v.mentorshipId));
    expect(refused.json()).toMatchObject({
      status: 422,
      ruleId: 'RAMP-4',
      code: 'briefing_not_acknowledged',
    });

    const res = await coordinator.post(`/api/v1/mentors/${v.mentorId}/briefing`, { briefedOn: '2026-03-02' });
    expect(res.statusCode, res.body).toBe(200);
    // The start of that day in Copenhagen (UTC+1 in March).
    expect(res.json().briefedAt).toBe('2026-03-01T23:00:00.000Z');
    expect((await mentor.post('/api/v1/contacts', walk(v.mentorshipId))).statusCode).toBe(201);

    const [row] = await h.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'mentor.briefed'), eq(auditEvents.entityId, v.mentorId)));
    expect(row).toMatchObject({ actorUserId: a.users.coordinator.id, outcome: 'success' });
    expect(row!.detail).toEqual({ ruleId: 'RAMP-4', briefedOn: '2026-03-02' });
  });

  it('RAMP-4: a mentor confirms their own briefing, but only staff may withdraw one', async () => {
    const v = await newVolunteer('Volunteer Self');
    const own = await mentor.post(`/api/v1/mentors/${v.mentorId}/briefing`, { briefedOn: '2026-02-27' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().briefedAt).not.toBeNull();
    const withdraw = await mentor.post(`/api/v1/mentors/${v.mentorId}/briefing`, { briefedOn: null });
    expect(withdraw.statusCode).toBe(403);
    const byStaff = await coordinator.post(`/api/v1/mentors/${v.mentorId}/briefing`, { briefedOn: null });
    expect(byStaff.json().briefedAt).toBeNull();
    const refused = await mentor.post('/api/v1/contacts', walk(v.mentorshipId));
    expect(refused.json()).toMatchObject({ ruleId: 'RAMP-4' });
  });

  it('TEN-03: a mentor cannot record the briefing of another mentor (404, nothing written)', async () => {
    const other = await newVolunteer('Volunteer Other', null);
    const res = await mentor.post(`/api/v1/mentors/${other.mentorId}/briefing`, { briefedOn: '2026-03-01' });
    expect(res.statusCode).toBe(404);
    const read = await coordinator.get(`/api/v1/mentors/${other.mentorId}`);
    expect(read.json().briefedAt).toBeNull();
  });

  it('TEN-02: another organisation’s mentor answers 404, like a missing id', async () => {
    const v = await newVolunteer('Volunteer Foreign', null);
    const foreign = await otherOrg.post(`/api/v1/mentors/${v.mentorId}/briefing`, {
      briefedOn: '2026-03-01',
    });
    const missing = await otherOrg.post(`/api/v1/mentors/${randomUUID()}/briefing`, {
      briefedOn: '2026-03-01',
    });
    expect([foreign.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect((await coordinator.get(`/api/v1/mentors/${v.mentorId}`)).json().briefedAt).toBeNull();
  });

  it('RAMP-4: a briefing tomorrow is a 400 naming the field; a program without a briefing rule refuses it (422)', async () => {
    const v = await newVolunteer('Volunteer Early');
    const ahead = await coordinator.post(`/api/v1/mentors/${v.mentorId}/briefing`, {
      briefedOn: '2026-03-03',
    });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json().errors).toEqual([expect.objectContaining({ field: 'briefedOn', code: 'in_future' })]);
    const malformed = await coordinator.post(`/api/v1/mentors/${v.mentorId}/briefing`, {
      briefedOn: '2 March',
    });
    expect(malformed.statusCode).toBe(400);
    const il = await buildMentor(h.handle.db, {
      orgId: a.id,
      programId: israeli,
      displayName: 'Israeli Mentor',
    });
    const none = await coordinator.post(`/api/v1/mentors/${il.id}/briefing`, { briefedOn: '2026-03-01' });
    expect(none.statusCode).toBe(422);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.json().code).toBe('briefing_not_in_program');
  });

  it('REL-03: recording the briefing leaves the profile version alone, so an edit opened before still saves', async () => {
    const v = await newVolunteer('Volunteer Editing');
    const opened = await coordinator.get(`/api/v1/mentors/${v.mentorId}`);
    await mentor.post(`/api/v1/mentors/${v.mentorId}/briefing`, { briefedOn: '2026-03-01' });
    const saved = await coordinator.patch(
      `/api/v1/mentors/${v.mentorId}`,
      { capacity: 3 },
      { 'if-match': String(opened.headers.etag) },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ capacity: 3, version: opened.json().version + 1 });
    expect(saved.json().briefedAt).not.toBeNull();
  });
});

describe('linking a registry record to a mentor login', () => {
  it('TEN-04: the list holds this organisation’s active mentor logins only, with the records linked to each', async () => {
    const db = h.handle.db;
    const hash = await passwordHash();
    const fresh = await buildUser(db, {
      email: 'new.mentor@alpha.test',
      displayName: 'New Mentor',
      passwordHash: hash,
    });
    await buildMembership(db, { orgId: a.id, userId: fresh.id, role: 'mentor' });
    const gone = await buildUser(db, {
      email: 'gone@alpha.test',
      displayName: 'Gone Mentor',
      passwordHash: hash,
    });
    await buildMembership(db, { orgId: a.id, userId: gone.id, role: 'mentor' });
    await db.update(memberships).set({ disabled: true }).where(eq(memberships.userId, gone.id));

    const res = await coordinator.get('/api/v1/mentor-logins');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { userId: string; email: string; mentorIds: string[] }[];
    const ids = items.map((i) => i.userId);
    expect(ids).toContain(fresh.id);
    expect(ids).toContain(a.users.mentor.id);
    expect(ids).not.toContain(gone.id);
    expect(ids).not.toContain(a.users.coordinator.id);
    expect(ids).not.toContain(b.users.mentor.id);
    expect(items.find((i) => i.userId === fresh.id)!.mentorIds).toEqual([]);
    expect(items.find((i) => i.userId === a.users.mentor.id)!.mentorIds.length).toBeGreaterThan(0);

    // The coordinator links a new registry record to the listed login; it then counts as linked.
    const created = await coordinator.post('/api/v1/mentors', {
      programId: rampen,
      displayName: 'New Mentor',
      birthDate: '1985-01-01',
      userId: fresh.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const after = (await coordinator.get('/api/v1/mentor-logins')).json().items as typeof items;
    expect(after.find((i) => i.userId === fresh.id)!.mentorIds).toEqual([created.json().id]);
  });

  it('TEN-10: a mentor may not list the logins (403); a coordinator’s login cannot be linked (404 naming userId)', async () => {
    expect((await mentor.get('/api/v1/mentor-logins')).statusCode).toBe(403);
    const res = await coordinator.post('/api/v1/mentors', {
      programId: rampen,
      displayName: 'Wrong Link',
      birthDate: '1985-01-01',
      userId: a.users.coordinator.id,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'userId' })]);
  });
});
