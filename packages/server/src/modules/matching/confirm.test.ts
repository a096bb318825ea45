import { randomUUID } from 'node:crypto';
import {
  auditEvents,
  buildMentor,
  buildMentorship,
  buildParticipant,
  idempotencyKeys,
  mentorships,
  mentorshipTransitions,
} from '@tandem/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
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
let coordinator: Agent;
const programs: Record<string, string> = {};
const haifa = { city: 'Haifa', lat: 32.794, lon: 34.9896 };

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T08:00:00Z' });
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  for (const preset of ['il-social-mentorship', 'il-community-mentors', 'dk-rampen'])
    programs[preset] = (await seedProgram(h, a.id, preset)).id;
  programs.beta = (await seedProgram(h, b.id)).id;
  coordinator = await login(h, a.users.coordinator.email);
});
afterAll(() => h.close());

const P1 = () => programs['il-social-mentorship']!;
let serial = 0;
/** A participant who shares Hebrew with `mentor()`, consenting, in Haifa. */
const person = (
  programId = P1(),
  over: Parameters<typeof buildParticipant>[1] extends infer T ? Partial<T> : never = {},
) =>
  buildParticipant(h.handle.db, {
    orgId: a.id,
    programId,
    displayName: `Person ${++serial}`,
    languages: [{ code: 'he', level: 5 }],
    place: haifa,
    consentGivenAt: new Date('2026-01-01T00:00:00Z'),
    ...over,
  });
const mentor = (programId = P1(), over: Partial<Parameters<typeof buildMentor>[1]> = {}) =>
  buildMentor(h.handle.db, {
    orgId: a.id,
    programId,
    displayName: `Mentor ${++serial}`,
    languages: [{ code: 'he', level: 5 }],
    place: haifa,
    capacity: 2,
    trainingHours: 60,
    ...over,
  });

type Pair = { participantId: string; mentorId: string };
const confirm = (
  programId: string,
  pairs: Pair[],
  agent = coordinator,
  headers: Record<string, string> = {},
) => agent.post('/api/v1/matching/batch/confirm', { programId, pairs }, headers);
const propose = async (programId: string, participantIds: string[]) => {
  const res = await coordinator.post('/api/v1/matching/batch', { programId, participantIds });
  expect(res.statusCode).toBe(200);
  return res
    .json()
    .pairs.map((p: Pair) => ({ participantId: p.participantId, mentorId: p.mentorId })) as Pair[];
};
const mentorshipsOf = (participantIds: string[]) =>
  h.handle.db.select().from(mentorships).where(inArray(mentorships.participantId, participantIds));
/** A mentor's record edited through the API, as a coordinator would between proposal and confirmation. */
const editMentor = async (id: string, patch: Record<string, unknown>) => {
  const current = await coordinator.get(`/api/v1/mentors/${id}`);
  const res = await coordinator.patch(`/api/v1/mentors/${id}`, patch, {
    'if-match': current.headers.etag as string,
  });
  expect(res.statusCode).toBe(200);
};
const editParticipant = async (id: string, patch: Record<string, unknown>) => {
  const current = await coordinator.get(`/api/v1/participants/${id}`);
  const res = await coordinator.patch(`/api/v1/participants/${id}`, patch, {
    'if-match': current.headers.etag as string,
  });
  expect(res.statusCode).toBe(200);
};

describe('POST /matching/batch/confirm', () => {
  it('SIVA-1: confirming an allocation creates each pair exactly as the candidate panel’s proposal does, audited', async () => {
    const [p1, p2] = [await person(), await person()];
    const m = await mentor();
    const pairs = await propose(P1(), [p1.id, p2.id]);
    expect(pairs).toHaveLength(2);
    const key = randomUUID();
    const res = await confirm(P1(), pairs, coordinator, { 'idempotency-key': key });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.created.map((c: { participantName: string }) => c.participantName).sort()).toEqual(
      [p1.displayName, p2.displayName].sort(),
    );
    expect(
      body.created.every(
        (c: { mentorId: string; state: string }) => c.mentorId === m.id && c.state === 'awaiting_match',
      ),
    ).toBe(true);

    // The single proposal, for comparison: the same kind of row and history.
    const p3 = await person();
    const single = await coordinator.post('/api/v1/mentorships', {
      participantId: p3.id,
      mentorId: (await mentor()).id,
    });
    expect(single.statusCode).toBe(201);
    const rows = await mentorshipsOf([p1.id, p2.id, p3.id]);
    const shape = (r: (typeof rows)[number]) => ({
      state: r.state,
      matchApprovedBy: r.matchApprovedBy,
      matchApprovedRole: r.matchApprovedRole,
      matchApprovedOn: r.matchApprovedOn,
      awaitingSince: r.awaitingSince,
    });
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => JSON.stringify(shape(r)))).size).toBe(1);
    expect(shape(rows[0]!)).toEqual({
      state: 'awaiting_match',
      matchApprovedBy: a.users.coordinator.id,
      matchApprovedRole: 'coordinator',
      matchApprovedOn: '2026-11-23',
      awaitingSince: '2026-11-23',
    });
    const steps = await h.handle.db
      .select()
      .from(mentorshipTransitions)
      .where(inArray(mentorshipTransitions.participantId, [p1.id, p2.id]));
    expect(steps.map((s) => [s.action, s.toState])).toEqual([
      ['propose', 'awaiting_match'],
      ['propose', 'awaiting_match'],
    ]);
    const audits = await h.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.orgId, a.id),
          inArray(auditEvents.action, ['mentorship.create', 'matching.confirm']),
        ),
      );
    expect(
      audits.filter((e) => e.action === 'mentorship.create' && [p1.id, p2.id].includes(e.subjectId!)),
    ).toHaveLength(2);
    expect(audits.filter((e) => e.action === 'matching.confirm')).toHaveLength(1);

    // REL-02: the same key again answers the same, and creates nothing more.
    const again = await confirm(P1(), pairs, coordinator, { 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(body);
    expect(await mentorshipsOf([p1.id, p2.id])).toHaveLength(2);
  });

  it('the participants now have their mentorship, so the next allocation leaves them out with the reason', async () => {
    const p = await person();
    await mentor();
    await confirm(P1(), await propose(P1(), [p.id]));
    const res = await coordinator.post('/api/v1/matching/batch', { programId: P1(), participantIds: [p.id] });
    expect(res.json().unassigned).toEqual([{ participantId: p.id, reason: 'has_open_mentorship' }]);
    const twice = await confirm(P1(), [{ participantId: p.id, mentorId: (await mentor()).id }]);
    expect(twice.statusCode).toBe(422);
    expect(twice.json()).toMatchObject({ ruleId: 'PLATFORM-4', code: 'participant_has_open_mentorship' });
  });
});

const names = (people: { id: string; displayName: string }[], id: string) =>
  people.find((p) => p.id === id)?.displayName;

describe('TOCTOU: every pair is checked again at the moment of confirmation', () => {
  /** `mentor`: a change to the shared mentor refuses both pairs; `pair`: one person or one tie, that pair only. */
  const cases: {
    rule: string;
    preset: string;
    side: 'mentor' | 'pair';
    change: (p: { id: string }, m: { id: string }) => Promise<void>;
  }[] = [
    {
      rule: 'MOH-10',
      preset: 'il-social-mentorship',
      side: 'mentor',
      change: (_, m) => editMentor(m.id, { birthDate: '2008-02-01' }),
    },
    {
      rule: 'MOH-11',
      preset: 'il-social-mentorship',
      side: 'pair',
      change: (p) => editParticipant(p.id, { languages: [{ code: 'ar', level: 5 }] }),
    },
    {
      rule: 'MOH-12',
      preset: 'il-social-mentorship',
      side: 'pair',
      change: (p, m) => editMentor(m.id, { familyOf: [p.id] }),
    },
    {
      rule: 'MOH-13',
      preset: 'il-social-mentorship',
      side: 'mentor',
      change: (_, m) => editMentor(m.id, { trainingCompletedOn: null }),
    },
    {
      rule: 'CM-1',
      preset: 'il-community-mentors',
      side: 'mentor',
      change: (_, m) => editMentor(m.id, { trainingHours: 20 }),
    },
    {
      rule: 'CM-3',
      preset: 'il-community-mentors',
      side: 'pair',
      change: (p) => editParticipant(p.id, { birthDate: '2012-05-01' }),
    },
    {
      rule: 'RAMP-1',
      preset: 'dk-rampen',
      side: 'pair',
      change: (p) => editParticipant(p.id, { consentGiven: false }),
    },
  ];
  for (const c of cases) {
    it(`${c.rule}: a pair made ineligible after the proposal is refused with 422 naming the participant and the rule; nothing is created`, async () => {
      // A program of its own, so the proposal can only pick this mentor.
      const programId = (await seedProgram(h, a.id, c.preset)).id;
      const fine = await person(programId);
      const changed = await person(programId);
      const m = await mentor(programId, { capacity: 5 });
      const pairs = await propose(programId, [fine.id, changed.id]);
      expect(pairs.map((p) => p.mentorId)).toEqual([m.id, m.id]);
      await c.change(changed, m);
      const res = await confirm(programId, pairs);
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json();
      expect(problem.ruleId).toBe(c.rule);
      expect(problem.detail).toContain(c.rule);
      const refused = problem.params.pairs as {
        participantId: string;
        participantName: string;
        refusals: { ruleId: string }[];
      }[];
      const expected = c.side === 'mentor' ? [fine, changed] : [changed];
      expect(refused.map((x) => x.participantName).sort()).toEqual(expected.map((x) => x.displayName).sort());
      expect(refused.every((x) => x.refusals.some((r) => r.ruleId === c.rule))).toBe(true);
      expect(expected.map((x) => x.id)).toContain(problem.params.participantId);
      expect(problem.params.participantName).toBe(names(expected, problem.params.participantId));
      const at = pairs.findIndex((p) => p.participantId === changed.id);
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(`pairs.${at}`);
      expect(await mentorshipsOf([fine.id, changed.id])).toEqual([]);
    });
  }
});

describe('REL-04: mentor capacity under concurrent confirmations', () => {
  it('two confirmations racing for a mentor’s last place: one is created, the other refused (MATCH-CAPACITY)', async () => {
    const m = await mentor(P1(), { capacity: 1 });
    const [p1, p2] = [await person(), await person()];
    const results = await Promise.all([
      confirm(P1(), [{ participantId: p1.id, mentorId: m.id }]),
      confirm(P1(), [{ participantId: p2.id, mentorId: m.id }]),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    const refused = results.find((r) => r.statusCode === 422)!.json();
    expect(refused).toMatchObject({ ruleId: 'MATCH-CAPACITY', code: 'mentor_at_capacity' });
    const held = await h.handle.db.select().from(mentorships).where(eq(mentorships.mentorId, m.id));
    expect(held).toHaveLength(1);
  });

  it('ten confirmations for a mentor with three places: exactly three succeed', async () => {
    const m = await mentor(P1(), { capacity: 3 });
    const people = await Promise.all(Array.from({ length: 10 }, () => person()));
    const results = await Promise.all(
      people.map((p) => confirm(P1(), [{ participantId: p.id, mentorId: m.id }])),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 422)).toHaveLength(7);
    const held = await h.handle.db.select().from(mentorships).where(eq(mentorships.mentorId, m.id));
    expect(held).toHaveLength(3);
  });

  it('one confirmation cannot overfill a mentor either, counting the mentees already held', async () => {
    const m = await mentor(P1(), { capacity: 2 });
    await buildMentorship(h.handle.db, {
      orgId: a.id,
      programId: P1(),
      participantId: (await person()).id,
      mentorId: m.id,
    });
    const [p1, p2] = [await person(), await person()];
    const res = await confirm(P1(), [
      { participantId: p1.id, mentorId: m.id },
      { participantId: p2.id, mentorId: m.id },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      ruleId: 'MATCH-CAPACITY',
      params: { participantId: p2.id, capacity: 2, activeMentees: 2 },
    });
    expect(await mentorshipsOf([p1.id, p2.id])).toEqual([]);
  });
});

describe('scope and bad input', () => {
  it('TEN-02: another organisation’s program, participants or mentors answer 404 naming the field', async () => {
    const p = await person();
    const m = await mentor();
    const other = await login(h, b.users.coordinator.email);
    const theirs = await confirm(P1(), [{ participantId: p.id, mentorId: m.id }], other);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().errors[0].field).toBe('programId');
    const bPerson = await buildParticipant(h.handle.db, {
      orgId: b.id,
      programId: programs.beta!,
      displayName: 'Beta P',
    });
    const bMentor = await buildMentor(h.handle.db, {
      orgId: b.id,
      programId: programs.beta!,
      displayName: 'Beta M',
    });
    const foreignPerson = await confirm(P1(), [{ participantId: bPerson.id, mentorId: m.id }]);
    expect(foreignPerson.statusCode).toBe(404);
    expect(foreignPerson.json().errors[0].field).toBe('pairs.0.participantId');
    const foreignMentor = await confirm(P1(), [{ participantId: p.id, mentorId: bMentor.id }]);
    expect(foreignMentor.statusCode).toBe(404);
    expect(foreignMentor.json().errors[0].field).toBe('pairs.0.mentorId');
    expect(await mentorshipsOf([p.id, bPerson.id])).toEqual([]);
  });

  it('TEN-10: mentors and committee members may not confirm (403), and nothing is created', async () => {
    const p = await person();
    const m = await mentor();
    for (const role of ['mentor', 'committee'] as const) {
      const agent = await login(h, a.users[role].email);
      const res = await confirm(P1(), [{ participantId: p.id, mentorId: m.id }], agent);
      expect(res.statusCode).toBe(403);
    }
    expect(await mentorshipsOf([p.id])).toEqual([]);
  });

  it('an empty list, and the same participant twice, are refused naming the field', async () => {
    const empty = await confirm(P1(), []);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('pairs');
    const p = await person();
    const twice = await confirm(P1(), [
      { participantId: p.id, mentorId: (await mentor()).id },
      { participantId: p.id, mentorId: (await mentor()).id },
    ]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toEqual([
      expect.objectContaining({ field: 'pairs.1.participantId', code: 'duplicate' }),
    ]);
  });
});

describe('REL-01: all pairs or none', () => {
  it('a failure while creating the second match rolls back the first, its audit row and the idempotency key', async () => {
    const p1 = await person();
    const p2 = await person(P1(), { displayName: 'Fails Second' });
    const m = await mentor();
    // A real database fault on the second insert, after the first one has been written.
    await h.handle.db.execute(sql`
      create function fail_second_match() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from participants p where p.id = new.participant_id and p.display_name = 'Fails Second')
        then raise exception 'injected failure'; end if;
        return new;
      end $$`);
    await h.handle.db.execute(
      sql`create trigger fail_second_match before insert on mentorships for each row execute function fail_second_match()`,
    );
    const key = randomUUID();
    const pairs = [
      { participantId: p1.id, mentorId: m.id },
      { participantId: p2.id, mentorId: m.id },
    ];
    try {
      const res = await confirm(P1(), pairs, coordinator, { 'idempotency-key': key });
      expect(res.statusCode).toBe(500);
    } finally {
      await h.handle.db.execute(sql`drop trigger fail_second_match on mentorships`);
      await h.handle.db.execute(sql`drop function fail_second_match()`);
    }
    expect(await mentorshipsOf([p1.id, p2.id])).toEqual([]);
    const audits = await h.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'mentorship.create'), eq(auditEvents.subjectId, p1.id)));
    expect(audits).toEqual([]);
    expect(await h.handle.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toEqual([]);
    const retry = await confirm(P1(), pairs, coordinator, { 'idempotency-key': key });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await mentorshipsOf([p1.id, p2.id])).toHaveLength(2);
  });
});
