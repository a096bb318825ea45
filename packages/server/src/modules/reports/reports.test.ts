import { randomUUID } from 'node:crypto';
import { buildMentor, buildMentorship, buildParticipant, contacts } from '@tandem/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, login, type Org, seedOrg, seedProgram, startHarness } from '../../testing/harness';

let h: Harness;
let a: Org;
let b: Org;
let programId: string;
let mentorA: string;
let mentorB: string;

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-10T08:00:00Z' });
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  programId = (await seedProgram(h, a.id)).id;
  const db = h.handle.db;
  mentorA = (await buildMentor(db, { orgId: a.id, programId, displayName: 'Avi' })).id;
  mentorB = (await buildMentor(db, { orgId: a.id, programId, displayName: 'Bracha' })).id;
  const pa = await buildParticipant(db, { orgId: a.id, programId, displayName: 'P A' });
  const pb = await buildParticipant(db, { orgId: a.id, programId, displayName: 'P B' });
  const msA = await buildMentorship(db, { orgId: a.id, programId, participantId: pa.id, mentorId: mentorA });
  const msB = await buildMentorship(db, { orgId: a.id, programId, participantId: pb.id, mentorId: mentorB });
  const row = (
    ms: { id: string; participantId: string; mentorId: string },
    startsAt: string,
    minutes: number,
    mode: string,
    reached = true,
  ) => ({
    orgId: a.id,
    id: randomUUID(),
    mentorshipId: ms.id,
    participantId: ms.participantId,
    mentorId: ms.mentorId,
    loggedBy: a.users.mentor.id,
    startsAt: new Date(startsAt),
    durationMinutes: minutes,
    mode,
    reached,
  });
  await db.insert(contacts).values([
    // Week of Sunday 1 March 2026 (Jerusalem).
    row(msA, '2026-03-01T00:30:00+02:00', 60, 'in_person'),
    row(msA, '2026-03-03T18:00:00+02:00', 90, 'in_person'),
    row(msA, '2026-03-04T18:00:00+02:00', 30, 'video'),
    row(msA, '2026-03-05T18:00:00+02:00', 15, 'phone', false),
    row(msB, '2026-03-07T23:59:00+02:00', 45, 'phone'),
    // Saturday before and Sunday after: other weeks.
    row(msA, '2026-02-28T23:59:00+02:00', 120, 'in_person'),
    row(msB, '2026-03-08T00:00:00+02:00', 120, 'in_person'),
  ]);
});
afterAll(() => h.close());

describe('weekly-hours report', () => {
  it('MOH-3 / MOH-7: sums each mentor’s reached minutes by capped and virtual modes within the Sunday-to-Saturday week', async () => {
    const coordinator = await login(h, a.users.coordinator.email);
    const res = await coordinator.get(`/api/v1/reports/weekly-hours?programId=${programId}&week=2026-03-04`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.weekStart).toBe('2026-03-01');
    expect(body.rows).toEqual([
      {
        mentorId: mentorA,
        mentorName: 'Avi',
        contacts: 4,
        reachedContacts: 3,
        totalMinutes: 180,
        cappedMinutes: 150,
        visits: 2,
        virtualMinutes: 30,
        specialActivityMinutes: 0,
        overCapContacts: 0,
      },
      {
        mentorId: mentorB,
        mentorName: 'Bracha',
        contacts: 1,
        reachedContacts: 1,
        totalMinutes: 45,
        cappedMinutes: 0,
        visits: 0,
        virtualMinutes: 45,
        specialActivityMinutes: 0,
        overCapContacts: 0,
      },
    ]);
  });

  it('TEN-04: another organisation gets 404 for the program and a mentor may not run the report', async () => {
    const other = await login(h, b.users.coordinator.email);
    expect(
      (await other.get(`/api/v1/reports/weekly-hours?programId=${programId}&week=2026-03-04`)).statusCode,
    ).toBe(404);
    const mentor = await login(h, a.users.mentor.email);
    expect(
      (await mentor.get(`/api/v1/reports/weekly-hours?programId=${programId}&week=2026-03-04`)).statusCode,
    ).toBe(403);
  });
});
