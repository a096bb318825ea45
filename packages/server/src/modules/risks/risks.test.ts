import { randomUUID } from 'node:crypto';
import {
  auditEvents,
  buildMentor,
  buildMentorship,
  buildParticipant,
  riskAlerts,
  riskObservations,
  users,
} from '@tandem/db';
import { and, count, eq } from 'drizzle-orm';
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
import { expectRefusal, mentorWithLogin } from '../mentorships/fixtures';

const NOW = '2026-03-04T08:00:00Z';
const SENTINEL = 'Sentinel: said she has pills saved up';
let h: Harness;
let a: Org;
let b: Org;
let mentor: Agent;
let other: { mentor: { id: string }; agent: Agent };
let coordinator: Agent;
let agents: Record<'participant' | 'committee' | 'outsider', Agent>;
const ids = { p1: '', ms1: '', ms2: '', high: '', low: '', referral: '' };

const observe = (agent: Agent, over: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  agent.post(
    '/api/v1/risk-observations',
    {
      mentorshipId: ids.ms1,
      indicators: ['self_harm_or_suicide_talk', 'severe_deterioration'],
      severity: 'high',
      description: SENTINEL,
      ...over,
    },
    headers,
  );

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  const program = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
  const db = h.handle.db;
  const m1 = await buildMentor(db, {
    orgId: a.id,
    programId: program,
    displayName: 'M One',
    userId: a.users.mentor.id,
  });
  const p1 = await buildParticipant(db, { orgId: a.id, programId: program, displayName: 'Dana Risk' });
  ids.p1 = p1.id;
  ids.ms1 = (
    await buildMentorship(db, {
      orgId: a.id,
      programId: program,
      participantId: p1.id,
      mentorId: m1.id,
      state: 'active',
    })
  ).id;
  other = await mentorWithLogin(h, a, program, 'Other Mentor');
  const p2 = await buildParticipant(db, { orgId: a.id, programId: program, displayName: 'Other Person' });
  ids.ms2 = (
    await buildMentorship(db, {
      orgId: a.id,
      programId: program,
      participantId: p2.id,
      mentorId: other.mentor.id,
      state: 'active',
    })
  ).id;
  await db.update(users).set({ locale: 'ar' }).where(eq(users.id, other.agent.me.user.id));
  other.agent = await login(h, other.agent.me.user.email!);
  mentor = await login(h, a.users.mentor.email);
  coordinator = await login(h, a.users.coordinator.email);
  agents = {
    participant: await login(h, a.users.participant.email),
    committee: await login(h, a.users.committee.email),
    outsider: await login(h, b.users.coordinator.email),
  };
});
afterAll(() => h.close());

describe('CM-4: a mentor records a sign of risk', () => {
  it('CM-4: a high sign is recorded, alerts the coordinator at once and answers with the program’s emergency guidance', async () => {
    const res = await observe(mentor);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    ids.high = body.id;
    expect(body).toMatchObject({
      participantName: 'Dana Risk',
      severity: 'high',
      status: 'open',
      description: SENTINEL,
      alert: { alertRole: 'coordinator', emailStatus: 'not_configured' },
    });
    expect(body.emergencyGuidance.map((s: { phone: string | null }) => s.phone)).toEqual([
      null,
      '101',
      '1201',
      null,
    ]);
    expect(body.emergencyGuidance[1].text).toBe('If a life is in danger now, call the emergency number.');
  });

  it('REL-08: the alert row is written with the observation, in the same transaction (same instant)', async () => {
    const [obs] = await h.handle.db.select().from(riskObservations).where(eq(riskObservations.id, ids.high));
    const alerts = await h.handle.db.select().from(riskAlerts).where(eq(riskAlerts.observationId, ids.high));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.raisedAt.toISOString()).toBe(obs!.createdAt.toISOString());
  });

  it('CM-4: a low sign raises no alert and no emergency guidance, but stays on the coordinator’s list', async () => {
    const res = await observe(mentor, {
      severity: 'low',
      indicators: ['not_reachable'],
      description: 'Did not answer',
    });
    expect(res.statusCode).toBe(201);
    ids.low = res.json().id;
    expect(res.json()).toMatchObject({ alert: null, emergencyGuidance: [] });
    const items = (await coordinator.get('/api/v1/attention')).json().items as {
      kind: string;
      severity: string;
      ruleId: string;
      subject: { riskId?: string };
      participantName: string;
    }[];
    const risk = items.filter((i) => i.kind === 'risk_referral');
    expect(risk.map((i) => [i.subject.riskId, i.severity, i.ruleId, i.participantName])).toEqual([
      [ids.high, 'overdue', 'PLATFORM-8', 'Dana Risk'],
      [ids.low, 'due', 'PLATFORM-8', 'Dana Risk'],
    ]);
    // A mentor's list carries no risk items: the coordinator acts on them.
    expect(
      ((await mentor.get('/api/v1/attention')).json().items as { kind: string }[]).some(
        (i) => i.kind === 'risk_referral',
      ),
    ).toBe(false);
  });

  it('REL-02: a phone that retries with the same Idempotency-Key gets the same record and one alert', async () => {
    const key = randomUUID();
    const one = await observe(mentor, { severity: 'immediate' }, { 'idempotency-key': key });
    const two = await observe(mentor, { severity: 'immediate' }, { 'idempotency-key': key });
    expect(two.json().id).toBe(one.json().id);
    expect(two.headers['idempotent-replayed']).toBe('true');
    const [n] = await h.handle.db
      .select({ n: count() })
      .from(riskAlerts)
      .where(eq(riskAlerts.observationId, one.json().id));
    expect(n!.n).toBe(1);
  });

  it('bad input names the field: no indicator, an unknown severity', async () => {
    const res = await observe(mentor, { indicators: [], severity: 'catastrophic' });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['indicators', 'severity']);
  });

  it('the emergency guidance is in the reader’s language (Arabic)', async () => {
    const res = await other.agent.get(`/api/v1/risk-observations/guidance?mentorshipId=${ids.ms2}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ruleId: 'PLATFORM-8', alertsAtOnce: ['high', 'immediate'] });
    expect(res.json().steps[1]).toEqual({
      text: 'إذا كانت هناك حياة في خطر الآن، اتصل برقم الطوارئ.',
      phone: '101',
    });
  });
});

describe('TEN-06, TEN-03, AUD-01: who reads risk records', () => {
  it('TEN-03: another mentor gets 404 on the record and cannot record one on someone else’s mentee', async () => {
    expect((await other.agent.get(`/api/v1/risk-observations/${ids.high}`)).statusCode).toBe(404);
    expect((await other.agent.get('/api/v1/risk-observations')).json().items).toEqual([]);
    const res = await observe(other.agent);
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0].field).toBe('mentorshipId');
  });

  it('TEN-06: the participant and the committee never reach risk records', async () => {
    for (const agent of [agents.participant, agents.committee]) {
      expect((await agent.get(`/api/v1/risk-observations/${ids.high}`)).statusCode).toBe(403);
      expect((await agent.get('/api/v1/risk-observations')).statusCode).toBe(403);
    }
  });

  it('TEN-02: another organisation’s coordinator gets 404', async () => {
    expect((await agents.outsider.get(`/api/v1/risk-observations/${ids.high}`)).statusCode).toBe(404);
    expect((await agents.outsider.get('/api/v1/risk-observations')).json().items).toEqual([]);
  });

  it('TEN-06: the mentor who wrote it and the coordinator read it, description included', async () => {
    expect((await mentor.get(`/api/v1/risk-observations/${ids.high}`)).json().description).toBe(SENTINEL);
    const list = (await coordinator.get('/api/v1/risk-observations')).json().items as { id: string }[];
    expect(list.map((r) => r.id)).toContain(ids.high);
  });

  it('AUD-01: every read of a risk record writes one audit row; AUD-02: the refused read is audited too', async () => {
    const reads = async () =>
      (
        await h.handle.db
          .select({ n: count() })
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'risk.read'), eq(auditEvents.entityId, ids.high)))
      )[0]!.n;
    const before = await reads();
    await coordinator.get(`/api/v1/risk-observations/${ids.high}`);
    await mentor.get(`/api/v1/risk-observations/${ids.high}`);
    expect(await reads()).toBe(before + 2);
    const denied = await h.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.actorUserId, other.agent.me.user.id)),
      );
    expect(denied.some((r) => r.entityId === ids.high && r.outcome === 'denied')).toBe(true);
  });

  it('CRY-01, AUD-05: the description is sealed in the database and never in the audit trail', async () => {
    const [row] = await h.handle.db.select().from(riskObservations).where(eq(riskObservations.id, ids.high));
    expect(row!.description).toMatch(/^v1:/);
    expect(JSON.stringify(await h.handle.db.select().from(auditEvents))).not.toContain('pills');
  });
});

describe('CM-4: actions and referrals, tracked to an outcome', () => {
  it('CM-4: the coordinator records an action and refers the sign; the attention item is answered', async () => {
    const action = await coordinator.post(`/api/v1/risk-observations/${ids.high}/actions`, {
      kind: 'spoke_with_participant',
      note: 'Agreed a safety plan',
    });
    expect(action.statusCode).toBe(201);
    expect(action.json().actions).toHaveLength(1);
    expect(
      (await mentor.post('/api/v1/referrals', { observationId: ids.high, service: 'crisis_line' }))
        .statusCode,
    ).toBe(403);
    const ref = await coordinator.post('/api/v1/referrals', {
      observationId: ids.high,
      service: 'mental_health_service',
      serviceName: 'Community clinic',
    });
    expect(ref.statusCode).toBe(201);
    expect(ref.json()).toMatchObject({
      status: 'referred',
      referredOn: '2026-03-04',
      participantName: 'Dana Risk',
    });
    ids.referral = ref.json().id;
    expect((await coordinator.get(`/api/v1/risk-observations/${ids.high}`)).json().status).toBe('referred');
    const items = (await coordinator.get('/api/v1/attention')).json().items as {
      subject: { riskId?: string };
    }[];
    expect(items.some((i) => i.subject.riskId === ids.high)).toBe(false);
    expect(items.some((i) => i.subject.riskId === ids.low)).toBe(true);
  });

  it('CM-4: a referral moves to its outcome with If-Match; an outcome is final', async () => {
    const url = `/api/v1/referrals/${ids.referral}`;
    expect((await coordinator.patch(url, { status: 'accepted' })).statusCode).toBe(428);
    const accepted = await coordinator.patch(url, { status: 'accepted' }, { 'if-match': '"1"' });
    expect(accepted.statusCode).toBe(200);
    expect((await coordinator.patch(url, { status: 'completed' }, { 'if-match': '"1"' })).statusCode).toBe(
      412,
    );
    const done = await coordinator.patch(
      url,
      { status: 'completed', outcome: 'Seen by the clinic; follow-up weekly' },
      { 'if-match': '"2"' },
    );
    expect(done.json()).toMatchObject({
      status: 'completed',
      outcomeOn: '2026-03-04',
      outcome: 'Seen by the clinic; follow-up weekly',
    });
    expectRefusal(
      await coordinator.patch(url, { status: 'declined' }, { 'if-match': '"3"' }),
      'PLATFORM-8',
      'referral_status_final',
    );
    const open = (await coordinator.get('/api/v1/referrals')).json().items as { id: string }[];
    expect(open.some((r) => r.id === ids.referral)).toBe(false);
    const closed = (await coordinator.get('/api/v1/referrals?status=closed')).json().items as {
      id: string;
    }[];
    expect(closed.map((r) => r.id)).toEqual([ids.referral]);
  });

  it('CM-4: a closed observation takes no more actions', async () => {
    const detail = await coordinator.get(`/api/v1/risk-observations/${ids.low}`);
    const closed = await coordinator.patch(
      `/api/v1/risk-observations/${ids.low}`,
      { status: 'closed' },
      { 'if-match': String(detail.headers.etag) },
    );
    expect(closed.statusCode).toBe(200);
    const res = await coordinator.post(`/api/v1/risk-observations/${ids.low}/actions`, { kind: 'other' });
    expectRefusal(res, 'PLATFORM-8', 'risk_observation_closed');
  });
});
