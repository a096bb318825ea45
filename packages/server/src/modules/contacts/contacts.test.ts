import { randomUUID } from 'node:crypto';
import { buildMentor, buildMentorship, buildParticipant, contacts, mentors } from '@tandem/db';
import { count, eq, sql } from 'drizzle-orm';
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

// Wednesday 4 March 2026, 09:00 in Jerusalem; the program week runs Sunday 1 March – Saturday 7 March.
const NOW = '2026-03-04T07:00:00Z';
let h: Harness;
let a: Org;
let coordinator: Agent;
let mentor: Agent;
let participantAgent: Agent;
let program: string;
let mentorshipId: string;
let otherMentorshipId: string;

const visit = (over: Record<string, unknown> = {}) => ({
  mentorshipId,
  startsAt: '2026-03-02T15:00:00+02:00',
  durationMinutes: 60,
  mode: 'in_person',
  domains: ['social_situations'],
  wellbeing: 4,
  note: 'Sentinel note: talked about the job interview',
  ...over,
});

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  a = await seedOrg(h, 'Alpha');
  program = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
  const db = h.handle.db;
  const p = await buildParticipant(db, {
    orgId: a.id,
    programId: program,
    displayName: 'P One',
    userId: a.users.participant.id,
  });
  const m = await buildMentor(db, {
    orgId: a.id,
    programId: program,
    displayName: 'M One',
    userId: a.users.mentor.id,
  });
  mentorshipId = (
    await buildMentorship(db, {
      orgId: a.id,
      programId: program,
      participantId: p.id,
      mentorId: m.id,
      state: 'active',
      startedOn: '2026-01-04',
    })
  ).id;
  const p2 = await buildParticipant(db, { orgId: a.id, programId: program, displayName: 'P Two' });
  const { buildUser, buildMembership } = await import('@tandem/db');
  const u = await buildUser(db, {
    email: 'm2@alpha.test',
    displayName: 'M Two',
    passwordHash: await passwordHash(),
  });
  await buildMembership(db, { orgId: a.id, userId: u.id, role: 'mentor' });
  const m2 = await buildMentor(db, { orgId: a.id, programId: program, displayName: 'M Two', userId: u.id });
  otherMentorshipId = (
    await buildMentorship(db, {
      orgId: a.id,
      programId: program,
      participantId: p2.id,
      mentorId: m2.id,
      state: 'active',
    })
  ).id;
  coordinator = await login(h, a.users.coordinator.email);
  mentor = await login(h, a.users.mentor.email);
  participantAgent = await login(h, a.users.participant.email);
});
afterAll(() => h.close());

describe('logging a contact', () => {
  it('a mentor logs a visit to their mentee with only the essentials', async () => {
    const res = await mentor.post('/api/v1/contacts', {
      mentorshipId,
      startsAt: '2026-03-01T10:00:00+02:00',
      durationMinutes: 30,
      mode: 'phone',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      mode: 'phone',
      reached: true,
      durationMinutes: 30,
      overCapRuleIds: [],
    });
  });

  it('TEN-03: a mentor cannot log on another mentor’s mentorship (404 naming the field)', async () => {
    const res = await mentor.post('/api/v1/contacts', visit({ mentorshipId: otherMentorshipId }));
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0].field).toBe('mentorshipId');
  });

  it('MOH-2: a domain the program does not know is refused naming the rule', async () => {
    const res = await mentor.post('/api/v1/contacts', visit({ domains: ['astrology'] }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ ruleId: 'MOH-2', code: 'unknown_support_domain' });
  });
});

describe('MOH-3: weekly cap of 3 hours and 2 visits per program week', () => {
  it('exactly 3 hours in two visits is within the cap; a third visit needs a reason', async () => {
    const first = await mentor.post('/api/v1/contacts', visit({ durationMinutes: 90 }));
    expect(first.statusCode).toBe(201);
    const second = await mentor.post(
      '/api/v1/contacts',
      visit({ startsAt: '2026-03-03T15:00:00+02:00', durationMinutes: 90 }),
    );
    expect(second.statusCode).toBe(201);
    expect(second.json().overCapRuleIds).toEqual([]);

    const third = await mentor.post(
      '/api/v1/contacts',
      visit({ startsAt: '2026-03-04T08:00:00+02:00', durationMinutes: 30 }),
    );
    expect(third.statusCode).toBe(422);
    expect(third.json()).toMatchObject({ ruleId: 'MOH-3', code: 'weekly_hours_cap_exceeded' });
    expect(third.json().errors[0].field).toBe('overCapReason');

    const withReason = await mentor.post(
      '/api/v1/contacts',
      visit({
        startsAt: '2026-03-04T08:00:00+02:00',
        durationMinutes: 30,
        overCapReason: 'Accompanied to an urgent clinic appointment',
      }),
    );
    expect(withReason.statusCode).toBe(201);
    expect(withReason.json().overCapRuleIds).toEqual(['MOH-3', 'MOH-3']);
  });

  it('the program week starts on Sunday in Jerusalem: Saturday 23:59 and Sunday 00:00 are different weeks', async () => {
    // Saturday 28 Feb 23:59 local belongs to the previous week, which is empty: within the cap.
    const saturday = await mentor.post(
      '/api/v1/contacts',
      visit({ startsAt: '2026-02-28T23:59:00+02:00', durationMinutes: 180 }),
    );
    expect(saturday.statusCode).toBe(201);
    // Sunday 1 March 00:00 local is the full week above: over the cap.
    const sunday = await mentor.post(
      '/api/v1/contacts',
      visit({ startsAt: '2026-03-01T00:00:00+02:00', durationMinutes: 10 }),
    );
    expect(sunday.statusCode).toBe(422);
  });
});

describe('REL-02: Idempotency-Key on contact creates', () => {
  it('the same key and body twice → the same response and one row; another body with the key → 422', async () => {
    const key = randomUUID();
    const body = visit({ startsAt: '2026-02-20T10:00:00+02:00', durationMinutes: 45 });
    const before = (await h.handle.db.select({ n: count() }).from(contacts))[0]!.n;
    const one = await mentor.post('/api/v1/contacts', body, { 'idempotency-key': key });
    const two = await mentor.post('/api/v1/contacts', body, { 'idempotency-key': key });
    expect(one.statusCode).toBe(201);
    expect(two.statusCode).toBe(201);
    expect(two.json().id).toBe(one.json().id);
    expect(two.headers['idempotent-replayed']).toBe('true');
    expect((await h.handle.db.select({ n: count() }).from(contacts))[0]!.n).toBe(before + 1);
    const other = await mentor.post(
      '/api/v1/contacts',
      { ...body, durationMinutes: 50 },
      { 'idempotency-key': key },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ ruleId: 'REL-02', code: 'idempotency_key_reused' });
  });

  it('another user’s identical key is a new request and never sees the first response', async () => {
    const key = randomUUID();
    const body = visit({ startsAt: '2026-01-14T10:00:00+02:00', durationMinutes: 20 });
    const mine = await mentor.post('/api/v1/contacts', body, { 'idempotency-key': key });
    const theirs = await coordinator.post('/api/v1/contacts', body, { 'idempotency-key': key });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it('a key that is not a UUID is a 400 naming the header', async () => {
    const res = await mentor.post('/api/v1/contacts', visit(), { 'idempotency-key': 'abc' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('headers.idempotency-key');
  });
});

describe('REL-04: the weekly cap holds under 50 concurrent requests', () => {
  it('REL-04, MOH-3: of 50 simultaneous 30-minute visits in an empty week, only the ones within 3 h and 2 visits succeed', async () => {
    const week = '2026-02-10T10:00:00+02:00';
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        mentor.post(
          '/api/v1/contacts',
          visit({ startsAt: week.replace('10:00', `10:${String(i).padStart(2, '0')}`), durationMinutes: 30 }),
        ),
      ),
    );
    const created = results.filter((r) => r.statusCode === 201).length;
    expect(created).toBe(2);
    const refused = results.filter((r) => r.statusCode === 422);
    expect(refused.length).toBe(48);
    // Each alone fits the week; together only two do, and the rest are refused by the cap, not by chance.
    for (const r of refused) expect(r.json()).toMatchObject({ ruleId: 'MOH-3' });
  });
});

describe('TEN-06: notes are only for the mentor, coordinators and admins', () => {
  it('the participant reads their contact log without notes; the coordinator sees notes', async () => {
    const asParticipant = await participantAgent.get(`/api/v1/mentorships/${mentorshipId}/contacts`);
    expect(asParticipant.statusCode).toBe(200);
    expect(asParticipant.json().items.length).toBeGreaterThan(0);
    expect(asParticipant.body).not.toContain('Sentinel note');
    expect(asParticipant.json().items[0]).not.toHaveProperty('note');
    const asCoordinator = await coordinator.get(`/api/v1/mentorships/${mentorshipId}/contacts`);
    expect(asCoordinator.body).toContain('Sentinel note');
  });

  it('AUD-05: the note never reaches the audit trail', async () => {
    const { auditEvents } = await import('@tandem/db');
    const rows = await h.handle.db.select().from(auditEvents);
    expect(rows.some((r) => r.action === 'contact.create')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('Sentinel note');
  });
});

describe('the lifecycle decides whether a contact can be logged at all', () => {
  /** A mentorship of the demo mentor's own, set up as the test needs; contacts by phone so no visit cap is near. */
  async function mentorshipWith(over: Record<string, unknown>) {
    const db = h.handle.db;
    const [me] = await db.select().from(mentors).where(eq(mentors.userId, a.users.mentor.id)).limit(1);
    const p = await buildParticipant(db, {
      orgId: a.id,
      programId: program,
      displayName: 'Lifecycle Person',
    });
    const ms = await buildMentorship(db, {
      orgId: a.id,
      programId: program,
      participantId: p.id,
      mentorId: me!.id,
      state: 'active',
      startedOn: '2025-06-01',
      ...over,
    });
    return (startsAt: string, mode = 'phone', by: Agent = mentor) =>
      by.post('/api/v1/contacts', { mentorshipId: ms.id, startsAt, durationMinutes: 15, mode });
  }
  const refusal = (res: { statusCode: number; json: () => { ruleId?: string; code?: string } }) => ({
    status: res.statusCode,
    ruleId: res.json().ruleId,
    code: res.json().code,
  });

  it('API-01: a contact ahead of time is refused; a phone clock a few minutes fast is not', async () => {
    const log = await mentorshipWith({});
    // Now is 09:00 in Jerusalem.
    expect(refusal(await log('2026-03-04T10:00:00+02:00'))).toEqual({
      status: 422,
      ruleId: 'API-01',
      code: 'contact_in_future',
    });
    expect((await log('2026-03-04T09:02:00+02:00')).statusCode).toBe(201);
  });

  it('PLATFORM-4: a closed or suspended mentorship takes no contacts (a closed one is no longer the mentor’s to see)', async () => {
    for (const state of ['closed', 'suspended']) {
      const log = await mentorshipWith({ state });
      expect(refusal(await log('2026-03-02T10:00:00+02:00', 'phone', coordinator))).toEqual({
        status: 422,
        ruleId: 'PLATFORM-4',
        code: 'action_not_available',
      });
    }
    const closed = await mentorshipWith({ state: 'closed' });
    expect((await closed('2026-03-02T10:00:00+02:00')).statusCode).toBe(404);
  });

  it('MOH-5: no contact after the planned end without an approved extension; before it, yes', async () => {
    const log = await mentorshipWith({ plannedEndOn: '2026-02-28' });
    expect(refusal(await log('2026-03-02T10:00:00+02:00'))).toEqual({
      status: 422,
      ruleId: 'MOH-5',
      code: 'planned_end_passed',
    });
    expect((await log('2026-02-27T10:00:00+02:00')).statusCode).toBe(201);
  });

  it('MOH-7: past three months of virtual service, a video meeting needs the approved continuation; a visit does not', async () => {
    const log = await mentorshipWith({ mode: 'virtual', virtualSince: '2025-11-01' });
    expect(refusal(await log('2026-03-02T10:00:00+02:00', 'video'))).toEqual({
      status: 422,
      ruleId: 'MOH-7',
      code: 'virtual_continuation_required',
    });
    expect((await log('2026-03-02T10:00:00+02:00', 'in_person')).statusCode).toBe(201);
  });
});

describe('RAMP-4: briefing before the first contact', () => {
  it('a Rampen mentor who was not briefed cannot log a contact; once briefed they can', async () => {
    const rampen = (await seedProgram(h, a.id, 'dk-rampen')).id;
    const db = h.handle.db;
    const p = await buildParticipant(db, { orgId: a.id, programId: rampen, displayName: 'Citizen' });
    const m = await buildMentor(db, {
      orgId: a.id,
      programId: rampen,
      displayName: 'Volunteer',
      userId: a.users.mentor.id,
    });
    const ms = await buildMentorship(db, {
      orgId: a.id,
      programId: rampen,
      participantId: p.id,
      mentorId: m.id,
      state: 'active',
    });
    const body = {
      mentorshipId: ms.id,
      startsAt: '2026-03-02T15:00:00+01:00',
      durationMinutes: 60,
      mode: 'in_person',
    };
    const refused = await mentor.post('/api/v1/contacts', body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ ruleId: 'RAMP-4', code: 'briefing_not_acknowledged' });
    await db
      .update(mentors)
      .set({ briefedAt: new Date('2026-02-01T10:00:00Z') })
      .where(eq(mentors.id, m.id));
    expect((await mentor.post('/api/v1/contacts', body)).statusCode).toBe(201);
  });
});

describe('CRY-01: notes are encrypted at rest', () => {
  it('the stored note is ciphertext bound to its row; the API returns the plain text to those who may read it', async () => {
    const res = await mentor.post(
      '/api/v1/contacts',
      visit({ startsAt: '2025-12-01T10:00:00+02:00', note: 'Sentinel CRY-01 diagnosis text' }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().note).toBe('Sentinel CRY-01 diagnosis text');
    const [row] = await h.handle.db.select().from(contacts).where(eq(contacts.id, res.json().id));
    expect(row!.note).toMatch(/^v1:[A-Za-z0-9+/=]+$/);
    expect(row!.note).not.toContain('Sentinel');
    const dump = await h.handle.db.execute(
      sql`select string_agg(coalesce(note, ''), '|') as notes from contacts`,
    );
    expect(JSON.stringify(dump)).not.toContain('Sentinel CRY-01');
  });

  it('a note moved to another row does not decrypt (the ciphertext is bound to its row) — it fails loudly', async () => {
    const a1 = (
      await mentor.post('/api/v1/contacts', visit({ startsAt: '2025-12-08T10:00:00+02:00', note: 'first' }))
    ).json();
    const a2 = (
      await mentor.post('/api/v1/contacts', visit({ startsAt: '2025-12-15T10:00:00+02:00', note: 'second' }))
    ).json();
    const [r1] = await h.handle.db.select().from(contacts).where(eq(contacts.id, a1.id));
    await h.handle.db.update(contacts).set({ note: r1!.note }).where(eq(contacts.id, a2.id));
    const res = await coordinator.get(`/api/v1/mentorships/${mentorshipId}/contacts`);
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('first');
  });
});
