import { randomUUID } from 'node:crypto';
import {
  auditEvents,
  buildMembership,
  buildMentor,
  buildMentorship,
  buildParticipant,
  buildUser,
  checkIns,
} from '@tandem/db';
import { addDays } from '@tandem/domain';
import { and, count, eq } from 'drizzle-orm';
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

// Wednesday 4 March 2026, 23:50 in Riga (UTC+2): ten minutes before the program day ends.
const NOW = '2026-03-04T21:50:00Z';
const TODAY = '2026-03-04';
let h: Harness;
let a: Org;
let participant: Agent;
let otherParticipant: Agent;
let mentor: Agent;
let otherMentor: Agent;
let coordinator: Agent;
const ids = { p1: '', p2: '', ms1: '', ms2: '' };

async function userWithRole(org: Org, email: string, role: string) {
  const u = await buildUser(h.handle.db, { email, displayName: email, passwordHash: await passwordHash() });
  await buildMembership(h.handle.db, { orgId: org.id, userId: u.id, role });
  return u;
}

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  a = await seedOrg(h, 'Alpha');
  const db = h.handle.db;
  const program = (await seedProgram(h, a.id, 'lv-siva-remote')).id;
  const p1 = await buildParticipant(db, {
    orgId: a.id,
    programId: program,
    displayName: 'Student One',
    userId: a.users.participant.id,
  });
  const m1 = await buildMentor(db, {
    orgId: a.id,
    programId: program,
    displayName: 'M One',
    userId: a.users.mentor.id,
  });
  ids.p1 = p1.id;
  ids.ms1 = (
    await buildMentorship(db, {
      orgId: a.id,
      programId: program,
      participantId: p1.id,
      mentorId: m1.id,
      state: 'active',
      startedOn: '2026-02-01',
    })
  ).id;
  const u2 = await userWithRole(a, 'student.two@alpha.test', 'participant');
  const mu2 = await userWithRole(a, 'mentor.two@alpha.test', 'mentor');
  const p2 = await buildParticipant(db, {
    orgId: a.id,
    programId: program,
    displayName: 'Student Two',
    userId: u2.id,
  });
  const m2 = await buildMentor(db, { orgId: a.id, programId: program, displayName: 'M Two', userId: mu2.id });
  ids.p2 = p2.id;
  ids.ms2 = (
    await buildMentorship(db, {
      orgId: a.id,
      programId: program,
      participantId: p2.id,
      mentorId: m2.id,
      state: 'active',
      startedOn: '2026-02-01',
    })
  ).id;
  participant = await login(h, a.users.participant.email);
  otherParticipant = await login(h, 'student.two@alpha.test');
  mentor = await login(h, a.users.mentor.email);
  otherMentor = await login(h, 'mentor.two@alpha.test');
  coordinator = await login(h, a.users.coordinator.email);
});
afterAll(() => h.close());

const rowsOf = async (participantId: string) =>
  (
    await h.handle.db.select({ n: count() }).from(checkIns).where(eq(checkIns.participantId, participantId))
  )[0]!.n;

let first: { id: string; etag: string };

describe('SIVA-2: the participant’s own daily check-in', () => {
  it('SIVA-2: a participant checks in for today in the program’s zone, with a note only the right people read', async () => {
    const res = await participant.post('/api/v1/check-ins', { wellbeing: 4, note: 'Sentinel: slept well' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      participantId: ids.p1,
      day: TODAY,
      wellbeing: 4,
      editable: true,
      version: 1,
    });
    expect(res.json().note).toBe('Sentinel: slept well');
    first = { id: res.json().id, etag: String(res.headers.etag) };
  });

  it('CRY-01: the note is stored sealed, never as plain text', async () => {
    const [row] = await h.handle.db.select().from(checkIns).where(eq(checkIns.id, first.id));
    expect(row!.note).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain('Sentinel');
  });

  it('SIVA-2: a second check-in the same program day is refused naming the rule; nothing is written', async () => {
    const res = await participant.post('/api/v1/check-ins', { wellbeing: 2 });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ ruleId: 'SIVA-2', code: 'check_in_exists_today' });
    expect(await rowsOf(ids.p1)).toBe(1);
  });

  it('REL-02: a retried create with the same Idempotency-Key replays the first answer and writes one row', async () => {
    const key = randomUUID();
    const one = await otherParticipant.post(
      '/api/v1/check-ins',
      { wellbeing: 3 },
      { 'idempotency-key': key },
    );
    const two = await otherParticipant.post(
      '/api/v1/check-ins',
      { wellbeing: 3 },
      { 'idempotency-key': key },
    );
    expect(one.statusCode).toBe(201);
    expect(two.statusCode).toBe(201);
    expect(two.json().id).toBe(one.json().id);
    expect(two.headers['idempotent-replayed']).toBe('true');
    expect(await rowsOf(ids.p2)).toBe(1);
    const other = await otherParticipant.post(
      '/api/v1/check-ins',
      { wellbeing: 1 },
      { 'idempotency-key': key },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ ruleId: 'REL-02' });
  });

  it('REL-03: an edit needs If-Match (428), a stale one is 412, the current one changes the same day', async () => {
    const url = `/api/v1/check-ins/${first.id}`;
    expect((await participant.patch(url, { wellbeing: 5 })).statusCode).toBe(428);
    expect((await participant.patch(url, { wellbeing: 5 }, { 'if-match': '"7"' })).statusCode).toBe(412);
    const ok = await participant.patch(url, { wellbeing: 5, note: null }, { 'if-match': first.etag });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ wellbeing: 5, note: null, version: 2 });
    first.etag = String(ok.headers.etag);
  });

  it('SIVA-2: after midnight in Riga yesterday’s check-in is history: an edit is refused, a new one is today’s', async () => {
    h.clock.set('2026-03-04T22:00:00Z'); // 00:00 on 5 March in Riga
    const late = await participant.patch(
      `/api/v1/check-ins/${first.id}`,
      { wellbeing: 1 },
      { 'if-match': first.etag },
    );
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({
      ruleId: 'SIVA-2',
      code: 'check_in_day_closed',
      params: { day: TODAY },
    });
    const next = await participant.post('/api/v1/check-ins', { wellbeing: 3 });
    expect(next.statusCode).toBe(201);
    expect(next.json().day).toBe('2026-03-05');
    const list = await participant.get('/api/v1/check-ins');
    expect(list.json().today).toBe('2026-03-05');
    expect(list.json().items.map((c: { day: string; editable: boolean }) => [c.day, c.editable])).toEqual([
      ['2026-03-05', true],
      [TODAY, false],
    ]);
    h.clock.set(NOW);
  });
});

describe('TEN-03: who reads check-ins', () => {
  it('TEN-03: another participant gets 404 for my check-in and for my list; their own list holds only theirs', async () => {
    expect((await otherParticipant.get(`/api/v1/check-ins/${first.id}`)).statusCode).toBe(404);
    expect((await otherParticipant.get(`/api/v1/check-ins?participantId=${ids.p1}`)).statusCode).toBe(404);
    const own = (await otherParticipant.get('/api/v1/check-ins')).json();
    expect(own.items.length).toBe(1);
    expect(own.items.every((c: { participantId: string }) => c.participantId === ids.p2)).toBe(true);
  });

  it('TEN-03: the mentor of the current mentorship reads them (with the note); another mentor gets 404 and an empty list', async () => {
    const mine = await mentor.get(`/api/v1/check-ins?participantId=${ids.p1}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.length).toBe(2);
    expect(mine.json().items.every((c: { editable: boolean }) => c.editable === false)).toBe(true);
    expect((await otherMentor.get(`/api/v1/check-ins/${first.id}`)).statusCode).toBe(404);
    expect((await otherMentor.get(`/api/v1/check-ins?participantId=${ids.p1}`)).statusCode).toBe(404);
    const theirs = (await otherMentor.get('/api/v1/check-ins')).json();
    expect(theirs.items.some((c: { participantId: string }) => c.participantId === ids.p1)).toBe(false);
    expect(theirs.items.length).toBe(1);
  });

  it('TEN-03: a mentor cannot edit a check-in, even of their mentee (the route is the participant’s)', async () => {
    const res = await mentor.patch(
      `/api/v1/check-ins/${first.id}`,
      { wellbeing: 1 },
      { 'if-match': first.etag },
    );
    expect(res.statusCode).toBe(403);
  });

  it('AUD-01: every read of check-ins writes one audit row, with the participant as subject', async () => {
    const before = await h.handle.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'check_in.read'), eq(auditEvents.subjectId, ids.p1)));
    await coordinator.get(`/api/v1/check-ins/${first.id}`);
    const after = await h.handle.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'check_in.read'), eq(auditEvents.subjectId, ids.p1)));
    expect(after[0]!.n).toBe(before[0]!.n + 1);
    const rows = await h.handle.db.select().from(auditEvents);
    expect(JSON.stringify(rows)).not.toContain('Sentinel');
  });
});

describe('SIVA-2: the mentor and the coordinator are warned, and see who was not reached today', () => {
  const attention = async (agent: Agent) =>
    (await agent.get('/api/v1/attention')).json().items as {
      kind: string;
      ruleId: string;
      subject: { mentorshipId?: string };
      params: Record<string, unknown>;
      participantName: string | null;
    }[];

  it('SIVA-2: a daily-contact program shows the mentor each student not reached today', async () => {
    const items = (await attention(mentor)).filter((i) => i.kind === 'daily_check_in_missed');
    expect(items.map((i) => [i.ruleId, i.subject.mentorshipId, i.participantName])).toEqual([
      ['SIVA-2', ids.ms1, 'Student One'],
    ]);
    const reached = await mentor.post('/api/v1/contacts', {
      mentorshipId: ids.ms1,
      startsAt: '2026-03-04T21:30:00Z',
      durationMinutes: 10,
      mode: 'phone',
    });
    expect(reached.statusCode).toBe(201);
    expect((await attention(mentor)).some((i) => i.kind === 'daily_check_in_missed')).toBe(false);
  });

  it('SIVA-2: a sustained drop in the student’s own check-ins warns their mentor and the coordinator, not another mentor', async () => {
    // Six days before today: 5, 5, 5 then 2, 2, 2 — a fall of 3 points.
    const scores = [5, 5, 5, 2, 2, 2];
    await h.handle.db.insert(checkIns).values(
      scores.map((wellbeing, i) => ({
        orgId: a.id,
        id: randomUUID(),
        participantId: ids.p2,
        day: addDays(TODAY, i - 6),
        wellbeing,
        createdBy: a.users.participant.id,
      })),
    );
    // Today's 3 (from the REL-02 test) is the newest: recent 2, 2, 3 (2.33) against 5, 5, 5, 2 (4.25): a drop of 1.92.
    const warning = (await attention(otherMentor)).find((i) => i.kind === 'wellbeing_drop');
    expect(warning).toMatchObject({
      ruleId: 'SIVA-2',
      subject: { mentorshipId: ids.ms2 },
      params: { since: '2026-03-02', lastDay: TODAY, recentAverage: 2.33, baselineAverage: 4.25 },
    });
    expect(
      (await attention(coordinator)).some(
        (i) => i.kind === 'wellbeing_drop' && i.subject.mentorshipId === ids.ms2,
      ),
    ).toBe(true);
    expect((await attention(mentor)).some((i) => i.kind === 'wellbeing_drop')).toBe(false);
  });
});

describe('REL-04: one check-in per day under concurrency', () => {
  it('REL-04, SIVA-2: ten simultaneous check-ins of one person on a new day make exactly one', async () => {
    h.clock.set('2026-03-04T22:05:00Z'); // 00:05 on 5 March in Riga: a new day, sessions still fresh
    const before = await rowsOf(ids.p2);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        otherParticipant.post('/api/v1/check-ins', { wellbeing: 1 + (i % 5) }),
      ),
    );
    h.clock.set(NOW);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 422).map((r) => r.json().code)).toEqual(
      Array(9).fill('check_in_exists_today'),
    );
    expect(await rowsOf(ids.p2)).toBe(before + 1);
  });
});
