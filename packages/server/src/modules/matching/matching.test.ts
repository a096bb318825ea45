import { randomUUID } from 'node:crypto';
import { buildMentor, buildParticipant } from '@tandem/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, login, type Org, seedOrg, seedProgram, startHarness } from '../../testing/harness';

let h: Harness;
let a: Org;
let b: Org;
let participantId: string;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T08:00:00Z' });
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  const programId = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
  const db = h.handle.db;
  const haifa = { city: 'Haifa', lat: 32.794, lon: 34.9896 };
  participantId = (
    await buildParticipant(db, {
      orgId: a.id,
      programId,
      displayName: 'Amir',
      birthDate: '1996-04-09',
      languages: [{ code: 'ar', level: 5 }],
      sector: 'arab',
      place: haifa,
      interests: ['music'],
      consentGivenAt: new Date('2026-01-01T00:00:00Z'),
    })
  ).id;
  await buildMentor(db, {
    orgId: a.id,
    programId,
    displayName: 'Samira',
    languages: [{ code: 'ar', level: 5 }],
    sector: 'arab',
    place: haifa,
    interests: ['music'],
  });
  await buildMentor(db, {
    orgId: a.id,
    programId,
    displayName: 'Yossi',
    languages: [
      { code: 'ar', level: 3 },
      { code: 'he', level: 5 },
    ],
    sector: 'general',
    place: haifa,
  });
  await buildMentor(db, {
    orgId: a.id,
    programId,
    displayName: 'Tamar',
    birthDate: '2006-01-15',
    languages: [{ code: 'ar', level: 4 }],
  });
  await buildMentor(db, {
    orgId: a.id,
    programId,
    displayName: 'Igor',
    languages: [{ code: 'ru', level: 5 }],
  });
});
afterAll(() => h.close());

describe('GET /participants/:id/candidates', () => {
  it('MOH-11: ranks mentors who share a language by explained score; MOH-10 and MOH-11 exclusions name their rule', async () => {
    const coordinator = await login(h, a.users.coordinator.email);
    const res = await coordinator.get(`/api/v1/participants/${participantId}/candidates`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.on).toBe('2026-11-23');
    expect(body.candidates.map((c: { displayName: string }) => c.displayName)).toEqual(['Samira', 'Yossi']);
    for (const c of body.candidates)
      expect(c.parts.reduce((s: number, p: { points: number }) => s + p.points, 0)).toBe(c.total);
    const excluded = Object.fromEntries(
      body.excluded.map((e: { displayName: string; refusals: { ruleId: string }[] }) => [
        e.displayName,
        e.refusals.map((r) => r.ruleId),
      ]),
    );
    expect(excluded).toEqual({ Tamar: ['MOH-10'], Igor: ['MOH-11'] });
  });

  it('TEN-02 / TEN-10: another organisation gets 404, a mentor 403, an unknown id 404', async () => {
    const other = await login(h, b.users.coordinator.email);
    expect((await other.get(`/api/v1/participants/${participantId}/candidates`)).statusCode).toBe(404);
    const mentor = await login(h, a.users.mentor.email);
    expect((await mentor.get(`/api/v1/participants/${participantId}/candidates`)).statusCode).toBe(403);
    const coordinator = await login(h, a.users.coordinator.email);
    expect((await coordinator.get(`/api/v1/participants/${randomUUID()}/candidates`)).statusCode).toBe(404);
  });
});
