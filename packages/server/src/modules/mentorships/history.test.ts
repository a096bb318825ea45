import { LOCALES } from '@tandem/domain';
import { CATALOGS } from '@tandem/domain/messages/format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Harness, login, seedOrg, seedProgram, startHarness } from '../../testing/harness';
import { act, file, mentorWithLogin, participant, SHARED_MENTOR, started } from './fixtures';

// Sunday 1 March 2026, 09:00 in Jerusalem.
const NOW = '2026-03-01T07:00:00Z';
let h: Harness;
let coordinator: Agent;
let committee: Agent;
let id: string;
let rampenId: string;

type Step = { action: string; fromState: string | null; toState: string };

/** The committee approves the pending request of this kind on the mentorship. */
async function approve(kind: string) {
  const pending = (
    (await file(coordinator, id)).json().approvals as { id: string; kind: string; status: string }[]
  ).find((x) => x.kind === kind && x.status === 'pending');
  const res = await committee.post(`/api/v1/approvals/${pending!.id}/decision`, {
    outcome: 'approve',
    reason: 'Agreed in the meeting',
  });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  const a = await seedOrg(h, 'Alpha');
  const program = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
  const first = await mentorWithLogin(h, a, program, 'Mira One', SHARED_MENTOR);
  const next = await mentorWithLogin(h, a, program, 'Moti Two', SHARED_MENTOR);
  coordinator = await login(h, a.users.coordinator.email);
  committee = await login(h, a.users.committee.email);
  const p = await participant(h, a, program, 'Whole Story');
  id = (await started(coordinator, p.id, first.mentor.id)).id;
  const steps: [string, unknown][] = [
    ['mode', { mode: 'virtual' }],
    ['review-trial', { outcome: 'continue' }],
    ['extension', { until: '2028-08-31', reason: 'Halfway to the job goal' }],
    ['virtual-continuation', { until: '2026-09-01', reason: 'Still far from the city' }],
    ['hospitalization', { startedOn: '2026-03-01', expectedDischargeOn: '2026-03-20' }],
    ['suspend', { reason: 'other', note: 'A family matter' }],
    ['resume', undefined],
    ['change-mentor', { reason: 'mentor_left' }],
    ['match', { mentorId: next.mentor.id }],
    ['close', { reason: 'participant_choice' }],
  ];
  // RAMP-5: only Rampen lets a pair agree its rhythm; its step joins the walk from a mentorship there.
  const rampen = (await seedProgram(h, a.id, 'dk-rampen')).id;
  const volunteer = await mentorWithLogin(h, a, rampen, 'Volunteer Vera', SHARED_MENTOR);
  const citizen = await participant(h, a, rampen, 'Citizen Carl');
  rampenId = (await started(coordinator, citizen.id, volunteer.mentor.id, ['employment'])).id;
  const agreed = await act(coordinator, rampenId, 'agreed-rhythm', { everyDays: 7 });
  expect(agreed.statusCode, agreed.body).toBe(200);
  for (const [action, body] of steps) {
    const res = await act(coordinator, id, action, body);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    if (action === 'extension') await approve('extension');
    if (action === 'virtual-continuation') await approve('virtual_continuation');
  }
});
afterAll(() => h.close());

describe('the mentorship history reads in every language', () => {
  it('every step the history shows, and every state it names, has a label in all five languages', async () => {
    const walk = (await file(coordinator, id)).json().history as Step[];
    const rampenWalk = (await file(coordinator, rampenId)).json().history as Step[];
    expect(rampenWalk.map((s) => s.action)).toEqual(['propose', 'start', 'agree_rhythm']);
    const history = [...walk, ...rampenWalk];
    // The two walks leave every kind of step the API writes, so the check is over all of them.
    expect(walk.map((s) => s.action)).toEqual([
      'propose',
      'start',
      'switch_mode',
      'review_trial',
      'request_extension',
      'extension_approved',
      'request_virtual_continuation',
      'virtual_continuation_approved',
      'record_hospitalization',
      'suspend',
      'resume',
      'change_mentor',
      'match',
      'close',
    ]);
    const missing: string[] = [];
    for (const locale of LOCALES) {
      const labels: Record<string, string> = CATALOGS[locale].labels;
      for (const step of history)
        for (const code of [step.action, step.fromState, step.toState])
          if (code !== null && !labels[code]?.trim()) missing.push(`${locale} ${code}`);
    }
    expect(missing).toEqual([]);
  });
});
