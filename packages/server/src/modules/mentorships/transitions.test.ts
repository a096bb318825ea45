import { auditEvents, mentorAssignments, mentorships, mentorshipTransitions } from '@tandem/db';
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
  ifMatch,
  mentorWithLogin,
  participant,
  SHARED_MENTOR,
  started,
} from './fixtures';

// Sunday 1 March 2026, 09:00 in Jerusalem.
const NOW = '2026-03-01T07:00:00Z';
const SENTINEL = 'Sentinel closing note: moved in with his sister';
let h: Harness;
let a: Org;
let coordinator: Agent;
let program: string;
let m1: { mentor: { id: string }; agent: Agent };
let m2: { mentor: { id: string }; agent: Agent };

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  a = await seedOrg(h, 'Alpha');
  program = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
  m1 = await mentorWithLogin(h, a, program, 'Mira One', SHARED_MENTOR);
  m2 = await mentorWithLogin(h, a, program, 'Moti Two', SHARED_MENTOR);
  coordinator = await login(h, a.users.coordinator.email);
});
afterAll(() => h.close());

/** Move the clock and sign everyone in again (sessions expire while the clock jumps weeks). */
async function atTime(iso: string) {
  h.clock.set(iso);
  coordinator = await login(h, a.users.coordinator.email);
  m1.agent = await login(h, m1.agent.me.user.email);
  m2.agent = await login(h, m2.agent.me.user.email);
}

describe('MOH-4: the trial review records an outcome', () => {
  it('MOH-4: "continue" makes the mentorship active and keeps the mentor', async () => {
    const p = await participant(h, a, program, 'Trial Continue');
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    const res = await act(coordinator, id, 'review-trial', { outcome: 'continue' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'active',
      trialReviewedOn: '2026-03-01',
      trialOutcome: 'continue',
      mentor: { id: m1.mentor.id },
    });
  });

  it('MOH-4: "revise_plan" makes it active and records that the plan is to be revised', async () => {
    const p = await participant(h, a, program, 'Trial Revise');
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    const res = await act(coordinator, id, 'review-trial', {
      outcome: 'revise_plan',
      note: 'Goals too broad',
    });
    expect(res.json()).toMatchObject({ state: 'active', trialOutcome: 'revise_plan' });
    expect(res.json().history.at(-1)).toMatchObject({
      action: 'review_trial',
      reason: 'revise_plan',
      note: 'Goals too broad',
    });
  });

  it('MOH-4: "change_mentor" ends the mentor’s assignment and the mentorship waits for a new one', async () => {
    const p = await participant(h, a, program, 'Trial Change');
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    const res = await act(coordinator, id, 'review-trial', { outcome: 'change_mentor' });
    expect(res.json()).toMatchObject({
      state: 'awaiting_match',
      mentor: null,
      awaitingSince: '2026-03-01',
      assignments: [{ mentor: { id: m1.mentor.id }, toOn: '2026-03-01', endReason: 'trial_review' }],
    });
  });

  it('MOH-4: a reviewed trial cannot be reviewed again', async () => {
    const p = await participant(h, a, program, 'Trial Twice');
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    await act(coordinator, id, 'review-trial', { outcome: 'continue' });
    expectRefusal(
      await act(coordinator, id, 'review-trial', { outcome: 'continue' }),
      'PLATFORM-4',
      'action_not_available',
    );
  });
});

describe('MOH-16: changing the mentor keeps the history', () => {
  it('MOH-16, TEN-07: the old mentor loses access on the very next request; the new one starts a new trial', async () => {
    const p = await participant(h, a, program, 'Rematched Person');
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    await atTime('2026-04-10T07:00:00Z');
    expect((await file(m1.agent, id)).statusCode).toBe(200);
    expect((await m1.agent.get(`/api/v1/participants/${p.id}`)).statusCode).toBe(200);
    const changed = await act(coordinator, id, 'change-mentor', {
      reason: 'mentor_left',
      mentorId: m2.mentor.id,
      note: 'Mira moved abroad',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ state: 'awaiting_match', mentor: { id: m2.mentor.id } });

    // TEN-07: no re-login, the next request already answers 404.
    expect((await file(m1.agent, id)).statusCode).toBe(404);
    expect((await m1.agent.get(`/api/v1/participants/${p.id}`)).statusCode).toBe(404);

    const restarted = await act(coordinator, id, 'start');
    expect(restarted.statusCode).toBe(200);
    expect(restarted.json()).toMatchObject({
      state: 'trial',
      startedOn: '2026-03-01', // the service began with the first mentor
      trialStartedOn: '2026-04-10', // a new mentor, a new trial (MOH-4)
      trialReviewDueOn: '2026-07-10',
      assignments: [
        { mentor: { id: m1.mentor.id }, fromOn: '2026-03-01', toOn: '2026-04-10', endReason: 'mentor_left' },
        { mentor: { id: m2.mentor.id }, fromOn: '2026-04-10', toOn: null },
      ],
    });
    expect(restarted.json().history.map((s: { action: string }) => s.action)).toEqual([
      'propose',
      'start',
      'change_mentor',
      'start',
    ]);
    expect((await file(m2.agent, id)).statusCode).toBe(200);
    await atTime(NOW);
  });

  it('MOH-16: without a replacement the mentorship waits; a coordinator proposes one later', async () => {
    const p = await participant(h, a, program, 'Waiting Person');
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    const waiting = await act(coordinator, id, 'change-mentor', { reason: 'mismatch' });
    expect(waiting.json()).toMatchObject({ state: 'awaiting_match', mentor: null });
    expectRefusal(await act(coordinator, id, 'start'), 'MOH-1', 'match_missing');
    const matched = await act(coordinator, id, 'match', { mentorId: m2.mentor.id });
    expect(matched.json()).toMatchObject({ mentor: { id: m2.mentor.id }, matchApprovedRole: 'coordinator' });
    expect((await act(coordinator, id, 'start')).json().state).toBe('trial');
  });
});

describe('MOH-14: closing', () => {
  it('MOH-14: a mentorship closes with a reason; the note is for staff only and never reaches the audit log', async () => {
    const p = await participant(h, a, program, 'Closing Person');
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    const res = await act(coordinator, id, 'close', { reason: 'participant_choice', note: SENTINEL });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'closed',
      closedOn: '2026-03-01',
      closeReason: 'participant_choice',
    });
    expect(res.json().history.at(-1).note).toBe(SENTINEL);
    expect(res.json().assignments[0]).toMatchObject({ toOn: '2026-03-01', endReason: 'participant_choice' });
    // The mentor of a closed mentorship no longer sees it (TEN-03: current mentees only).
    expect((await file(m1.agent, id)).statusCode).toBe(404);
    // AUD-05 and CRY-01: neither the audit log nor the stored row holds the words.
    const audit = await h.handle.db.select().from(auditEvents);
    expect(JSON.stringify(audit)).not.toContain('moved in with');
    const steps = await h.handle.db
      .select()
      .from(mentorshipTransitions)
      .where(eq(mentorshipTransitions.mentorshipId, id));
    expect(JSON.stringify(steps)).not.toContain('moved in with');
  });

  it('MOH-14: closing for "other" needs a note', async () => {
    const p = await participant(h, a, program, 'Other Close');
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    expectRefusal(
      await act(coordinator, id, 'close', { reason: 'other' }),
      'PLATFORM-4',
      'closure_note_required',
    );
  });
});

describe('MOH-15: hospitalization', () => {
  it('MOH-15: suspended during a long hospitalization, renewal possible from two weeks before discharge', async () => {
    const p = await participant(h, a, program, 'Hospitalized Person');
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    await act(coordinator, id, 'review-trial', { outcome: 'continue' });
    const recorded = await act(coordinator, id, 'hospitalization', {
      startedOn: '2026-03-01',
      expectedDischargeOn: '2026-07-15',
    });
    expect(recorded.json().hospitalization).toEqual({
      startedOn: '2026-03-01',
      expectedDischargeOn: '2026-07-15',
      dischargedOn: null,
    });
    // TEN-06: the mentor does not receive the hospitalization details.
    expect((await file(m1.agent, id)).json().hospitalization).toBeNull();

    await atTime('2026-06-01T07:00:00Z'); // the third month is over
    const suspended = await act(coordinator, id, 'suspend', { reason: 'hospitalization' });
    expect(suspended.json()).toMatchObject({
      state: 'suspended',
      suspension: { reason: 'hospitalization', since: '2026-06-01', from: 'active' },
    });

    await atTime('2026-06-30T07:00:00Z'); // renewal opens on 1 July
    const early = await act(coordinator, id, 'resume');
    expectRefusal(early, 'MOH-15', 'renewal_not_open');
    expect(early.json().params).toMatchObject({ renewalOpensOn: '2026-07-01' });

    await atTime('2026-07-01T07:00:00Z');
    const resumed = await act(coordinator, id, 'resume');
    expect(resumed.json()).toMatchObject({ state: 'active', suspension: null, hospitalization: null });
    await atTime(NOW);
  });

  it('MOH-15: dates out of order are refused', async () => {
    const p = await participant(h, a, program, 'Bad Dates');
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    const res = await act(coordinator, id, 'hospitalization', {
      startedOn: '2026-03-01',
      expectedDischargeOn: '2026-02-01',
    });
    expectRefusal(res, 'MOH-15', 'hospitalization_dates_invalid');
  });
});

describe('MOH-7: virtual mentoring', () => {
  it('MOH-7: switching to virtual starts the virtual clock; switching to the same mode is refused', async () => {
    const p = await participant(h, a, program, 'Virtual Person');
    const { id } = await started(coordinator, p.id, m1.mentor.id);
    const res = await act(coordinator, id, 'mode', { mode: 'virtual' });
    expect(res.json()).toMatchObject({ mode: 'virtual', virtualSince: '2026-03-01' });
    expectRefusal(await act(coordinator, id, 'mode', { mode: 'virtual' }), 'MOH-7', 'mode_unchanged');
  });
});

describe('REL-04: commands on one mentorship under concurrency', () => {
  it('REL-04: 20 simultaneous start and close calls leave one consistent state', async () => {
    const p = await participant(h, a, program, 'Contended Person');
    const proposed = await coordinator.post('/api/v1/mentorships', {
      participantId: p.id,
      mentorId: m1.mentor.id,
    });
    const id = proposed.json().id as string;
    await coordinator.post(`/api/v1/mentorships/${id}/goals`, { title: 'A goal', domains: ['recovery'] });
    const current = await file(coordinator, id);
    const calls = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? coordinator.post(`/api/v1/mentorships/${id}/start`, undefined, ifMatch(current))
        : coordinator.post(`/api/v1/mentorships/${id}/close`, { reason: 'mismatch' }, ifMatch(current)),
    );
    const results = await Promise.all(calls);
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.statusCode !== 200).every((r) => r.statusCode === 412)).toBe(true);

    const [row] = await h.handle.db.select().from(mentorships).where(eq(mentorships.id, id));
    const steps = await h.handle.db
      .select()
      .from(mentorshipTransitions)
      .where(eq(mentorshipTransitions.mentorshipId, id));
    const assignments = await h.handle.db
      .select()
      .from(mentorAssignments)
      .where(eq(mentorAssignments.mentorshipId, id));
    expect(row!.version).toBe(2);
    expect(steps).toHaveLength(2);
    expect(row!.state).toBe(ok[0]!.json().state);
    // Started → one open assignment; closed before starting → none.
    expect(assignments).toHaveLength(row!.state === 'trial' ? 1 : 0);
  });
});
