/**
 * RAMP-6: a Rampen volunteer mentor has an informal role, not a case worker's:
 * they see their own mentee and their own mentorship, and nothing of the
 * program's case work — no other people, no intake, no matching, no reports,
 * no approvals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Harness, login, seedOrg, seedProgram, startHarness } from '../../testing/harness';
import { file, mentorWithLogin, participant, started } from './fixtures';

// Monday 2 March 2026, 10:00 in Copenhagen.
const NOW = '2026-03-02T09:00:00Z';
let h: Harness;
let vera: { mentor: { id: string }; agent: Agent };
let own: { participantId: string; mentorshipId: string };
let other: { participantId: string; mentorshipId: string };
let rampen: string;

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  const a = await seedOrg(h, 'Alpha');
  rampen = (await seedProgram(h, a.id, 'dk-rampen')).id;
  vera = await mentorWithLogin(h, a, rampen, 'Volunteer Vera');
  const otto = await mentorWithLogin(h, a, rampen, 'Volunteer Otto');
  const coordinator = await login(h, a.users.coordinator.email);
  const carl = await participant(h, a, rampen, 'Citizen Carl');
  const dora = await participant(h, a, rampen, 'Citizen Dora');
  own = {
    participantId: carl.id,
    mentorshipId: (await started(coordinator, carl.id, vera.mentor.id, ['employment'])).id,
  };
  other = {
    participantId: dora.id,
    mentorshipId: (await started(coordinator, dora.id, otto.mentor.id, ['employment'])).id,
  };
});
afterAll(() => h.close());

describe('RAMP-6: a volunteer sees only what the role needs', () => {
  it('RAMP-6: their own mentee and mentorship; another volunteer’s are not found', async () => {
    const people = (await vera.agent.get('/api/v1/participants')).json().items as { id: string }[];
    expect(people.map((p) => p.id)).toEqual([own.participantId]);
    const list = (await vera.agent.get('/api/v1/mentorships')).json().items as { id: string }[];
    expect(list.map((m) => m.id)).toEqual([own.mentorshipId]);
    expect((await file(vera.agent, own.mentorshipId)).statusCode).toBe(200);
    expect((await file(vera.agent, other.mentorshipId)).statusCode).toBe(404);
    expect((await vera.agent.get(`/api/v1/participants/${other.participantId}`)).statusCode).toBe(404);
  });

  it('RAMP-6: no case work: intake, candidates, cohort matching, reports and approvals are closed to them', async () => {
    const closed = [
      await vera.agent.post('/api/v1/participants', { programId: rampen, displayName: 'Someone New' }),
      await vera.agent.get(`/api/v1/participants/${own.participantId}/candidates`),
      await vera.agent.post('/api/v1/matching/batch', {
        programId: rampen,
        participantIds: [own.participantId],
      }),
      await vera.agent.get(`/api/v1/reports/weekly-hours?programId=${rampen}&week=2026-03-02`),
      await vera.agent.get('/api/v1/approvals'),
    ];
    expect(closed.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
  });
});
