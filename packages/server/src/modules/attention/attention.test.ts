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
import { act, mentorWithLogin, participant, started } from '../mentorships/fixtures';

// Mentorships start on Sunday 1 March 2026; the list is read on Wednesday 20 May 2026,
// inside the 14-day notice of the trial reviews due on 1 June (MOH-4).
const START = '2026-03-01T07:00:00Z';
const LATER = '2026-05-20T07:00:00Z';
let h: Harness;
let a: Org;
let coordinator: Agent;
let committee: Agent;
let program: string;
let m1: { mentor: { id: string }; agent: Agent };
let m2: { mentor: { id: string }; agent: Agent };
const ids = { first: '', second: '', waiting: '', neverMatched: '' };

interface Item {
  kind: string;
  ruleId: string;
  severity: string;
  subject: { mentorshipId?: string; participantId?: string; approvalId?: string };
  participantName: string | null;
  params: Record<string, unknown>;
}
const items = async (agent: Agent) => {
  const res = await agent.get('/api/v1/attention');
  expect(res.statusCode).toBe(200);
  return res.json().items as Item[];
};
const kindsFor = (list: Item[], mentorshipId: string) =>
  list
    .filter((i) => i.subject.mentorshipId === mentorshipId)
    .map((i) => i.kind)
    .sort();

beforeAll(async () => {
  h = await startHarness({ now: START });
  a = await seedOrg(h, 'Alpha');
  program = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
  m1 = await mentorWithLogin(h, a, program, 'Mira One');
  m2 = await mentorWithLogin(h, a, program, 'Moti Two');
  coordinator = await login(h, a.users.coordinator.email);
  const p1 = await participant(h, a, program, 'First Person');
  const p2 = await participant(h, a, program, 'Second Person');
  const p3 = await participant(h, a, program, 'Waiting Person');
  ids.first = (await started(coordinator, p1.id, m1.mentor.id)).id;
  ids.second = (await started(coordinator, p2.id, m2.mentor.id)).id;
  ids.waiting = (
    await coordinator.post('/api/v1/mentorships', { participantId: p3.id, mentorId: m1.mentor.id })
  ).json().id;
  // Taken in on 10 May and never matched: no mentorship row at all.
  ids.neverMatched = (
    await participant(h, a, program, 'Never Matched', { createdAt: new Date('2026-05-10T09:00:00Z') })
  ).id;
  // Another organisation's unmatched person never shows up here (TEN-04).
  const b = await seedOrg(h, 'Beta');
  await participant(h, b, (await seedProgram(h, b.id, 'il-social-mentorship')).id, 'Beta Waiting');
  await act(coordinator, ids.first, 'extension', { until: '2028-08-31', reason: 'Needs longer' });
  await act(coordinator, ids.second, 'hospitalization', {
    startedOn: '2026-03-01',
    expectedDischargeOn: '2026-08-01',
  });

  h.clock.set(LATER);
  coordinator = await login(h, a.users.coordinator.email);
  committee = await login(h, a.users.committee.email);
  m1.agent = await login(h, m1.agent.me.user.email);
  m2.agent = await login(h, m2.agent.me.user.email);
});
afterAll(() => h.close());

describe('needs attention, per role', () => {
  it('the coordinator sees trial reviews (MOH-4), lapsed contact (MOH-3), the hospitalization clock (MOH-15) and the wait for a mentor (MOH-16)', async () => {
    const list = await items(coordinator);
    expect(kindsFor(list, ids.first)).toEqual(['contact_lapsed', 'trial_review']);
    expect(kindsFor(list, ids.second)).toEqual([
      'contact_lapsed',
      'hospitalization_suspension',
      'trial_review',
    ]);
    expect(kindsFor(list, ids.waiting)).toEqual(['awaiting_mentor']);
    expect(list.find((i) => i.kind === 'trial_review')).toMatchObject({
      ruleId: 'MOH-4',
      severity: 'due',
      params: { dueOn: '2026-06-01' },
    });
    expect(list.find((i) => i.kind === 'hospitalization_suspension')).toMatchObject({
      ruleId: 'MOH-15',
      params: { suspendFrom: '2026-06-01' },
      participantName: 'Second Person',
    });
    expect(list.find((i) => i.kind === 'awaiting_mentor')).toMatchObject({
      ruleId: 'MOH-16',
      severity: 'overdue',
    });
    // The extension is the committee's to decide, not the coordinator's.
    expect(list.some((i) => i.kind === 'approval_pending')).toBe(false);
    // Overdue first.
    const ranks = list.map((i) => ({ overdue: 0, due: 1, info: 2 })[i.severity as 'due']);
    expect(ranks).toEqual([...ranks].sort());
  });

  it('MOH-16: a participant never matched (no mentorship at all) is waiting for a mentor, for the coordinator only', async () => {
    const list = await items(coordinator);
    const never = list.filter((i) => i.subject.participantId === ids.neverMatched);
    expect(never).toEqual([
      expect.objectContaining({
        kind: 'awaiting_mentor',
        ruleId: 'MOH-16',
        // Taken in on 10 May, read on 20 May: ten days, inside the 14-day notice.
        severity: 'due',
        subject: { participantId: ids.neverMatched },
        params: { since: '2026-05-10', days: 10 },
        participantName: 'Never Matched',
      }),
    ]);
    expect(list.some((i) => i.participantName === 'Beta Waiting')).toBe(false);
    for (const agent of [m1.agent, committee]) {
      expect(
        (await items(agent)).some(
          (i) => i.subject.participantId === ids.neverMatched && !i.subject.mentorshipId,
        ),
      ).toBe(false);
    }
  });

  it('TEN-03: a mentor gets only their own mentorships’ items, and only the kinds a mentor acts on', async () => {
    const list = await items(m1.agent);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((i) => i.subject.mentorshipId === ids.first)).toBe(true);
    expect(list.map((i) => i.kind)).toEqual(['contact_lapsed']);
  });

  it('TEN-09: the committee sees the requests it decides, and nothing of the case files', async () => {
    const list = await items(committee);
    expect(list.map((i) => i.kind)).toEqual(['approval_pending']);
    expect(list[0]).toMatchObject({
      ruleId: 'MOH-5',
      subject: { mentorshipId: ids.first },
      params: { approvalKind: 'extension' },
    });
  });

  it('MOH-3: a week over the cap with a recorded reason shows up for the coordinator and the mentor', async () => {
    const visit = (day: string, over: Record<string, unknown> = {}) =>
      m1.agent.post('/api/v1/contacts', {
        mentorshipId: ids.first,
        startsAt: `2026-05-${day}T10:00:00+03:00`,
        durationMinutes: 90,
        mode: 'in_person',
        ...over,
      });
    expect((await visit('17')).statusCode).toBe(201);
    expect((await visit('18')).statusCode).toBe(201);
    expect((await visit('19', { overCapReason: 'Accompanied to the court hearing' })).statusCode).toBe(201);
    const mentorList = await items(m1.agent);
    expect(mentorList.map((i) => i.kind)).toEqual(['weekly_cap_exceeded']);
    expect(mentorList[0]).toMatchObject({
      ruleId: 'MOH-3',
      severity: 'info',
      params: { weekStart: '2026-05-17', visits: 3, overridden: true },
    });
    expect(kindsFor(await items(coordinator), ids.first)).toEqual(['trial_review', 'weekly_cap_exceeded']);
  });
});
