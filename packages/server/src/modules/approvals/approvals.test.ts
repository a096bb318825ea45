import { randomUUID } from 'node:crypto';
import { approvals, buildMentorship, buildProgram } from '@tandem/db';
import { eq } from 'drizzle-orm';
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
import {
  act,
  expectRefusal,
  file,
  mentorWithLogin,
  participant,
  SHARED_MENTOR,
  started,
} from '../mentorships/fixtures';

// Sunday 1 March 2026, 09:00 in Jerusalem; a mentorship started today is planned to end on 29 Feb 2028.
const NOW = '2026-03-01T07:00:00Z';
const SENTINEL = 'Sentinel review note: relapse after the funeral';
let h: Harness;
let a: Org;
let b: Org;
let coordinator: Agent;
let committee: Agent;
let otherCommittee: Agent;
let program: string;
let m1: { mentor: { id: string }; agent: Agent };

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  program = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
  m1 = await mentorWithLogin(h, a, program, 'Mira One', SHARED_MENTOR);
  coordinator = await login(h, a.users.coordinator.email);
  committee = await login(h, a.users.committee.email);
  otherCommittee = await login(h, b.users.committee.email);
});
afterAll(() => h.close());

const pendingOf = async (id: string, kind = 'extension') =>
  ((await file(coordinator, id)).json().approvals as { id: string; kind: string; status: string }[]).find(
    (x) => x.kind === kind && x.status === 'pending',
  )!;
const decide = (
  agent: Agent,
  approvalId: string,
  outcome: 'approve' | 'refuse',
  reason = 'Reviewed in session',
) => agent.post(`/api/v1/approvals/${approvalId}/decision`, { outcome, reason });

describe('MOH-5: an extension needs the Rehabilitation Committee', () => {
  let id: string;
  let approvalId: string;

  beforeAll(async () => {
    const p = await participant(h, a, program, 'Extended Person');
    id = (await started(coordinator, p.id, m1.mentor.id)).id;
    await act(coordinator, id, 'review-trial', { outcome: 'continue', note: SENTINEL });
  });

  it('MOH-5: the coordinator’s request waits for the committee; the planned end does not move yet', async () => {
    const res = await act(coordinator, id, 'extension', {
      until: '2028-08-31',
      reason: 'Work on the job goal is halfway',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().plannedEndOn).toBe('2028-02-29');
    expect(res.json().approvals[0]).toMatchObject({
      kind: 'extension',
      ruleId: 'MOH-5',
      approverRole: 'committee',
      status: 'pending',
      params: { until: '2028-08-31', plannedEndOn: '2028-02-29' },
      reason: 'Work on the job goal is halfway',
    });
    approvalId = res.json().approvals[0].id;
  });

  it('MOH-5: a second request of the same kind while one is pending is refused', async () => {
    const res = await act(coordinator, id, 'extension', { until: '2028-06-30', reason: 'Again' });
    expectRefusal(res, 'MOH-5', 'approval_already_pending');
  });

  it('MOH-5: a coordinator cannot decide it; the committee decides', async () => {
    const res = await decide(coordinator, approvalId, 'approve');
    expectRefusal(res, 'MOH-5', 'approval_role_not_allowed');
  });

  it('TEN-09: the committee’s inbox holds the request with minimal fields and no notes', async () => {
    const inbox = await committee.get('/api/v1/approvals');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().items.map((x: { id: string }) => x.id)).toContain(approvalId);
    expect(inbox.body).not.toContain('relapse');
    expect(inbox.body).not.toMatch(/"note"/);
    // The case file itself stays closed to the committee.
    expect((await committee.get(`/api/v1/mentorships/${id}`)).statusCode).toBe(403);
  });

  it('MOH-5: the committee approves, the planned end moves, and a second decision is refused', async () => {
    const res = await decide(committee, approvalId, 'approve', 'Good progress; six more months');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'approved',
      decidedBy: { id: a.users.committee.id },
      decisionReason: 'Good progress; six more months',
    });
    const after = (await file(coordinator, id)).json();
    expect(after.plannedEndOn).toBe('2028-08-31');
    expect(after.history.at(-1)).toMatchObject({ action: 'extension_approved', reason: 'extension' });
    expectRefusal(await decide(committee, approvalId, 'refuse'), 'MOH-5', 'approval_already_decided');
  });

  it('TEN-02: another organisation’s committee gets 404, like a missing id', async () => {
    expect((await decide(otherCommittee, approvalId, 'approve')).statusCode).toBe(404);
    expect((await otherCommittee.get(`/api/v1/approvals/${approvalId}`)).statusCode).toBe(404);
    expect((await otherCommittee.get('/api/v1/approvals?status=all')).json().items).toEqual([]);
    expect((await decide(committee, randomUUID(), 'approve')).statusCode).toBe(404);
  });

  it('MOH-5: a refused extension leaves the planned end where it was', async () => {
    const req = await act(coordinator, id, 'extension', { until: '2028-12-31', reason: 'Another half year' });
    const pending = (req.json().approvals as { id: string; status: string }[]).find(
      (x) => x.status === 'pending',
    )!;
    const res = await decide(committee, pending.id, 'refuse', 'Not needed now');
    expect(res.json().status).toBe('refused');
    expect((await file(coordinator, id)).json().plannedEndOn).toBe('2028-08-31');
  });
});

describe('MOH-6: at most three years of mentorship in total', () => {
  it('MOH-6: an extension past the last day of the three years is refused when asked', async () => {
    const p = await participant(h, a, program, 'Capped Person');
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    const res = await act(coordinator, id, 'extension', {
      until: '2029-03-01',
      reason: 'Three years and a day',
    });
    expectRefusal(res, 'MOH-6', 'extension_beyond_total_cap');
    expect(res.json().params).toMatchObject({ lastAllowedDay: '2029-02-28', maxMonths: 36 });
    const ok = await act(coordinator, id, 'extension', {
      until: '2029-02-28',
      reason: 'Exactly three years',
    });
    expect(ok.statusCode).toBe(200);
  });

  it('MOH-6: earlier mentorships count: after 30 months of service the new planned end is capped', async () => {
    const p = await participant(h, a, program, 'Returning Person');
    await buildMentorship(h.handle.db, {
      orgId: a.id,
      programId: program,
      participantId: p.id,
      mentorId: m1.mentor.id,
      state: 'closed',
      startedOn: '2023-01-01',
      closedOn: '2025-06-30',
    });
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    expect((await file(coordinator, id)).json().plannedEndOn).toBe('2026-08-31');
    const res = await act(coordinator, id, 'extension', { until: '2026-12-31', reason: 'More time' });
    expectRefusal(res, 'MOH-6', 'extension_beyond_total_cap');
  });

  it('MOH-6: checked again at the decision: service found since the request keeps the planned end', async () => {
    const p = await participant(h, a, program, 'Late History');
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    await act(coordinator, id, 'extension', { until: '2028-08-31', reason: 'More time' });
    const pending = await pendingOf(id);
    // An earlier mentorship is recorded after the request was made (e.g. imported from paper files).
    await buildMentorship(h.handle.db, {
      orgId: a.id,
      programId: program,
      participantId: p.id,
      mentorId: m1.mentor.id,
      state: 'closed',
      startedOn: '2024-01-01',
      closedOn: '2025-12-31',
    });
    expectRefusal(await decide(committee, pending.id, 'approve'), 'MOH-6', 'extension_beyond_total_cap');
    const [row] = await h.handle.db.select().from(approvals).where(eq(approvals.id, pending.id));
    expect(row!.status).toBe('pending');
    expect((await file(coordinator, id)).json().plannedEndOn).toBe('2028-02-29');
  });
});

describe('MOH-7: continuing virtual mentoring beyond three months', () => {
  it('MOH-7: the district coordinator (committee) approves; virtual mentoring is covered to that day', async () => {
    const p = await participant(h, a, program, 'Virtual Person');
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    await act(coordinator, id, 'mode', { mode: 'virtual' });
    const early = await act(coordinator, id, 'virtual-continuation', {
      until: '2026-05-01',
      reason: 'Too early',
    });
    expectRefusal(early, 'MOH-7', 'virtual_continuation_before_horizon');
    await act(coordinator, id, 'virtual-continuation', {
      until: '2026-09-01',
      reason: 'Still far from the city',
    });
    const pending = await pendingOf(id, 'virtual_continuation');
    expect((await decide(committee, pending.id, 'approve')).statusCode).toBe(200);
    expect((await file(coordinator, id)).json().virtualApprovedUntil).toBe('2026-09-01');
  });
});

describe('TEN-09: committees see only the requests routed to them', () => {
  it('TEN-09: a request routed to the coordinators is a 404 for the committee, and absent from its inbox', async () => {
    // A program whose policy routes virtual continuation to the coordinators, not the committee.
    const local = await buildProgram(h.handle.db, {
      orgId: a.id,
      name: 'Local program',
      presetId: 'il-social-mentorship',
      timeZone: 'Asia/Jerusalem',
      policyOverrides: { virtual: { approverRole: 'coordinator' } },
    });
    const mentor = await mentorWithLogin(h, a, local.id, 'Local Mentor');
    const p = await participant(h, a, local.id, 'Local Person');
    const { id } = await started(coordinator, p.id, mentor.mentor.id);
    await act(coordinator, id, 'mode', { mode: 'virtual' });
    await act(coordinator, id, 'virtual-continuation', {
      until: '2026-09-01',
      reason: 'Routed to coordinators',
    });
    const routed = await pendingOf(id, 'virtual_continuation');

    expect((await committee.get(`/api/v1/approvals/${routed.id}`)).statusCode).toBe(404);
    expect((await decide(committee, routed.id, 'approve')).statusCode).toBe(404);
    const inbox = await committee.get('/api/v1/approvals?status=all');
    expect(inbox.json().items.map((x: { id: string }) => x.id)).not.toContain(routed.id);
    expect(inbox.json().items.every((x: { approverRole: string }) => x.approverRole === 'committee')).toBe(
      true,
    );

    const coordinatorInbox = await coordinator.get('/api/v1/approvals');
    expect(coordinatorInbox.json().items.map((x: { id: string }) => x.id)).toEqual([routed.id]);
    expect((await decide(coordinator, routed.id, 'approve')).json().status).toBe('approved');
  });
});
