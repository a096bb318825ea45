import { randomUUID } from 'node:crypto';
import { buildMentor, buildParticipant, participants } from '@tandem/db';
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
let programId: string;
let coordinator: Agent;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T08:00:00Z' });
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  programId = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
  const db = h.handle.db;
  const haifa = { city: 'Haifa', lat: 32.794, lon: 34.9896 };
  const person = (displayName: string, languages: { code: string; level: number }[]) =>
    buildParticipant(db, {
      orgId: a.id,
      programId,
      displayName,
      languages,
      place: haifa,
      consentGivenAt: new Date('2026-01-01T00:00:00Z'),
    });
  ids.amir = (await person('Amir', [{ code: 'ar', level: 5 }])).id;
  ids.noa = (await person('Noa', [{ code: 'he', level: 5 }])).id;
  ids.dana = (await person('Dana', [{ code: 'he', level: 5 }])).id;
  ids.igor = (await person('Igor', [{ code: 'ru', level: 5 }])).id;
  ids.samira = (
    await buildMentor(db, {
      orgId: a.id,
      programId,
      displayName: 'Samira',
      languages: [
        { code: 'ar', level: 5 },
        { code: 'he', level: 4 },
      ],
      place: haifa,
      capacity: 1,
    })
  ).id;
  ids.yossi = (
    await buildMentor(db, {
      orgId: a.id,
      programId,
      displayName: 'Yossi',
      languages: [{ code: 'he', level: 5 }],
      place: haifa,
      capacity: 1,
    })
  ).id;
  ids.full = (
    await buildMentor(db, {
      orgId: a.id,
      programId,
      displayName: 'Zero',
      languages: [{ code: 'ru', level: 5 }],
      capacity: 0,
    })
  ).id;
  coordinator = await login(h, a.users.coordinator.email);
});
afterAll(() => h.close());

const batch = (body: unknown, agent = coordinator) => agent.post('/api/v1/matching/batch', body);

describe('POST /matching/batch (SIVA-1, CM-2)', () => {
  it('places as many as the rules and capacities allow and says why the others are left', async () => {
    const res = await batch({ programId, participantIds: [ids.amir, ids.noa, ids.dana, ids.igor] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.assigned).toBe(2);
    const pairs = Object.fromEntries(
      body.pairs.map((p: { participantId: string; mentorId: string }) => [p.participantId, p.mentorId]),
    );
    // Amir shares only Arabic, with Samira (MOH-11); so Yossi takes one of the Hebrew speakers.
    expect(pairs[ids.amir!]).toBe(ids.samira);
    expect([ids.noa, ids.dana].filter((id) => pairs[id!] === ids.yossi)).toHaveLength(1);
    const reasons = Object.fromEntries(
      body.unassigned.map((u: { participantId: string; reason: string }) => [u.participantId, u.reason]),
    );
    expect(reasons[ids.igor!]).toBe('capacity_exhausted');
  });

  it('MOH-11: every pair carries the parts of its score, which add up to it', async () => {
    const res = await batch({ programId, participantIds: [ids.amir, ids.noa] });
    const pairs = res.json().pairs as {
      participantId: string;
      score: number;
      parts: { criterion: string; points: number; params: Record<string, unknown> }[];
    }[];
    expect(pairs.length).toBe(2);
    for (const p of pairs) {
      expect(p.parts.reduce((sum, x) => sum + x.points, 0)).toBe(p.score);
      expect(p.parts.map((x) => x.criterion)).toContain('language');
    }
    const amir = pairs.find((p) => p.participantId === ids.amir)!;
    expect(amir.parts.find((x) => x.criterion === 'language')!.params).toEqual({ language: 'ar', level: 5 });
  });

  it('honours pinned and ruled-out pairs', async () => {
    const res = await batch({
      programId,
      participantIds: [ids.amir, ids.noa, ids.dana],
      fixed: [{ participantId: ids.dana, mentorId: ids.yossi }],
      forbidden: [{ participantId: ids.amir, mentorId: ids.samira }],
    });
    const body = res.json();
    const pairs = Object.fromEntries(
      body.pairs.map((p: { participantId: string; mentorId: string }) => [p.participantId, p.mentorId]),
    );
    expect(pairs[ids.dana!]).toBe(ids.yossi);
    expect(pairs[ids.amir!]).toBeUndefined();
    expect(pairs[ids.noa!]).toBe(ids.samira);
  });

  it('refuses an empty cohort, unknown ids and another organisation’s ids, naming the field', async () => {
    const empty = await batch({ programId, participantIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('participantIds');
    const unknown = await batch({ programId, participantIds: [randomUUID()] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].field).toBe('participantIds');
    const other = await login(h, b.users.coordinator.email);
    expect((await batch({ programId, participantIds: [ids.amir] }, other)).statusCode).toBe(404);
    const pinnedIneligible = await batch({
      programId,
      participantIds: [ids.igor],
      fixed: [{ participantId: ids.igor, mentorId: ids.samira }],
    });
    expect(pinnedIneligible.statusCode).toBe(422);
  });

  it('accepts a 5,000-participant cohort', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      orgId: a.id,
      id: randomUUID(),
      programId,
      displayName: `Cohort ${i}`,
      birthDate: '1990-01-01',
      languages: [{ code: i % 2 ? 'he' : 'ar', level: 4 }],
      consentGivenAt: new Date('2026-01-01T00:00:00Z'),
    }));
    for (let k = 0; k < rows.length; k += 1000)
      await h.handle.db.insert(participants).values(rows.slice(k, k + 1000));
    const res = await batch({ programId, participantIds: rows.map((r) => r.id) });
    expect(res.statusCode).toBe(200);
    expect(res.json().assigned).toBe(2);
    expect(res.json().unassigned).toHaveLength(4998);
  });
});
