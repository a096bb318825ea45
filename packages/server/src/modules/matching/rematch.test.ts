import { auditEvents, buildParticipant, mentorships, mentorshipTransitions } from '@tandem/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Agent,
  type Harness,
  login,
  type Org,
  seedOrg,
  seedProgram,
  startHarness,
} from '../../testing/harness';
import { act, expectRefusal, file, ifMatch, started } from '../mentorships/fixtures';
import { amharicSpeakers } from './fixtures';

// Monday 23 November 2026, 10:00 in Jerusalem.
let h: Harness;
let a: Org;
let b: Org;
let coordinator: Agent;
let program: string;
let betaProgram: string;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T08:00:00Z' });
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  betaProgram = (await seedProgram(h, b.id)).id;
  coordinator = await login(h, a.users.coordinator.email);
});
afterAll(() => h.close());
// A program of its own for each test: the mentors one test leaves behind are not another's candidates.
beforeEach(async () => {
  program = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
});

const { person, mentor, waiting } = amharicSpeakers(() => ({
  h,
  orgId: a.id,
  programId: program,
  coordinator,
}));

type Pair = { participantId: string; mentorId: string };
const batch = (participantIds: string[], more: Record<string, unknown> = {}) =>
  coordinator.post('/api/v1/matching/batch', { programId: program, participantIds, ...more });
const confirm = (pairs: Pair[]) =>
  coordinator.post('/api/v1/matching/batch/confirm', { programId: program, pairs });
const pairsOf = (res: { json(): { pairs: (Pair & { mentorshipId: string | null })[] } }) =>
  res
    .json()
    .pairs.map(({ participantId, mentorId, mentorshipId }) => ({ participantId, mentorId, mentorshipId }));

describe('MOH-16: people waiting for a new mentor belong in the cohort', () => {
  it('MOH-16: the allocation places them on their own mentorship; the mentor who left is ruled out by default', async () => {
    const left = await mentor({ capacity: 5 });
    const w = await waiting(left.id, 'mentor_left');
    const res = await batch([w.participantId]);
    expect(res.statusCode).toBe(200);
    // The mentor who left is the only one who shares the language and has room: still not proposed.
    expect(res.json()).toMatchObject({
      assigned: 0,
      pairs: [],
      unassigned: [{ participantId: w.participantId, reason: 'ruled_out' }],
      ruledOutByDefault: [{ participantId: w.participantId, mentorId: left.id, reason: 'former_mentor' }],
    });

    const next = await mentor();
    const again = await batch([w.participantId]);
    expect(pairsOf(again)).toEqual([
      { participantId: w.participantId, mentorId: next.id, mentorshipId: w.mentorshipId },
    ]);
  });

  it('MOH-16: allowing the pair, or pinning it, lets the former mentor be proposed again', async () => {
    const left = await mentor({ capacity: 5 });
    const w = await waiting(left.id, 'mismatch');
    const pair = { participantId: w.participantId, mentorId: left.id };
    const allowed = await batch([w.participantId], { allowed: [pair] });
    expect(allowed.json()).toMatchObject({ assigned: 1, ruledOutByDefault: [] });
    expect(pairsOf(allowed)).toEqual([{ ...pair, mentorshipId: w.mentorshipId }]);
    const pinned = await batch([w.participantId], { fixed: [pair] });
    expect(pairsOf(pinned)).toEqual([{ ...pair, mentorshipId: w.mentorshipId }]);
  });

  it('MOH-4, MOH-16: after a trial review chose another mentor, that mentor is ruled out; every former one is', async () => {
    const first = await mentor({ capacity: 5 });
    const second = await mentor({ capacity: 5 });
    const w = await waiting(first.id, 'mentor_left');
    // A second mentor takes over, and at the trial review the match is judged inadequate.
    const matched = await act(coordinator, w.mentorshipId, 'match', { mentorId: second.id });
    expect(matched.statusCode).toBe(200);
    expect((await act(coordinator, w.mentorshipId, 'start')).json().state).toBe('trial');
    const reviewed = await act(coordinator, w.mentorshipId, 'review-trial', { outcome: 'change_mentor' });
    expect(reviewed.json()).toMatchObject({ state: 'awaiting_match', mentor: null });
    const res = await batch([w.participantId]);
    expect(
      res
        .json()
        .ruledOutByDefault.map((x: Pair) => x.mentorId)
        .sort(),
    ).toEqual([first.id, second.id].sort());
  });

  it('MOH-16: someone whose match is proposed, or in service, stays out: one open mentorship per person', async () => {
    const m = await mentor({ capacity: 5 });
    const proposed = await person();
    expect(
      (await coordinator.post('/api/v1/mentorships', { participantId: proposed.id, mentorId: m.id }))
        .statusCode,
    ).toBe(201);
    const serving = await person();
    await started(coordinator, serving.id, m.id);
    const res = await batch([proposed.id, serving.id]);
    expect(res.json()).toMatchObject({ assigned: 0, pairs: [] });
    expect(res.json().unassigned).toEqual(
      expect.arrayContaining([
        { participantId: proposed.id, reason: 'has_open_mentorship' },
        { participantId: serving.id, reason: 'has_open_mentorship' },
      ]),
    );
  });

  it('an allowed pair naming another organisation’s people is a 404 naming the field', async () => {
    const left = await mentor();
    const w = await waiting(left.id);
    const foreign = await buildParticipant(h.handle.db, {
      orgId: b.id,
      programId: betaProgram,
      displayName: 'Beta Person',
    });
    const res = await batch([w.participantId], {
      allowed: [{ participantId: foreign.id, mentorId: left.id }],
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0].field).toBe('allowed');
  });
});

describe('MOH-16: confirming gives the waiting mentorship its new mentor', () => {
  it('MOH-16: no second mentorship; the same one gets the mentor through its own "match" step and keeps its history', async () => {
    const left = await mentor({ capacity: 5 });
    const w = await waiting(left.id);
    const fresh = await person();
    const next = await mentor({ capacity: 2 });
    const before = (await file(coordinator, w.mentorshipId)).json();
    const proposal = await batch([w.participantId, fresh.id]);
    expect(proposal.json().assigned).toBe(2);
    const res = await confirm(
      pairsOf(proposal).map(({ participantId, mentorId }) => ({ participantId, mentorId })),
    );
    expect(res.statusCode).toBe(201);
    const created = res.json().created as { participantId: string; mentorshipId: string; rematch: boolean }[];
    expect(created.find((c) => c.participantId === w.participantId)).toMatchObject({
      mentorshipId: w.mentorshipId,
      rematch: true,
      state: 'awaiting_match',
      mentorId: next.id,
    });
    expect(created.find((c) => c.participantId === fresh.id)).toMatchObject({ rematch: false });

    const rows = await h.handle.db
      .select()
      .from(mentorships)
      .where(eq(mentorships.participantId, w.participantId));
    expect(rows).toHaveLength(1);
    const after = (await file(coordinator, w.mentorshipId)).json();
    expect(after).toMatchObject({
      state: 'awaiting_match',
      mentor: { id: next.id },
      version: before.version + 1,
      startedOn: before.startedOn,
      assignments: [{ mentor: { id: left.id }, endReason: 'mentor_left' }],
    });
    expect(after.history.map((s: { action: string }) => s.action)).toEqual([
      ...before.history.map((s: { action: string }) => s.action),
      'match',
    ]);
    const audit = await h.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, w.mentorshipId), eq(auditEvents.action, 'mentorship.match')));
    expect(audit).toHaveLength(1);
    // The coordinator then starts it from the file: the new mentor starts a new trial (MOH-4).
    const startedAgain = await act(coordinator, w.mentorshipId, 'start');
    expect(startedAgain.json()).toMatchObject({ state: 'trial', trialStartedOn: '2026-11-23' });
  });

  it('MOH-16, TOCTOU: a waiting mentorship matched from its file meanwhile refuses the whole confirmation', async () => {
    const left = await mentor({ capacity: 5 });
    const w = await waiting(left.id);
    const fresh = await person();
    const [m1, m2] = [await mentor(), await mentor()];
    const pairs = [
      { participantId: w.participantId, mentorId: m1.id },
      { participantId: fresh.id, mentorId: m1.id },
    ];
    expect((await act(coordinator, w.mentorshipId, 'match', { mentorId: m2.id })).statusCode).toBe(200);
    const res = await confirm(pairs);
    expectRefusal(res, 'PLATFORM-4', 'participant_has_open_mentorship');
    expect(res.json().params.pairs).toHaveLength(1);
    // All or none: the other pair was not created either.
    expect(
      await h.handle.db.select().from(mentorships).where(eq(mentorships.participantId, fresh.id)),
    ).toEqual([]);
  });

  it('MATCH-CAPACITY: a rematch takes a place like a new match; over capacity nothing changes', async () => {
    const left = await mentor({ capacity: 5 });
    const w = await waiting(left.id);
    const fresh = await person();
    const one = await mentor({ capacity: 1 });
    const before = (await file(coordinator, w.mentorshipId)).json();
    const res = await confirm([
      { participantId: fresh.id, mentorId: one.id },
      { participantId: w.participantId, mentorId: one.id },
    ]);
    expectRefusal(res, 'MATCH-CAPACITY', 'mentor_at_capacity');
    expect(res.json().params.participantId).toBe(w.participantId);
    expect((await file(coordinator, w.mentorshipId)).json()).toMatchObject({
      version: before.version,
      mentor: null,
    });
  });

  it('REL-04: a confirmation and the file’s "match" racing for one waiting mentorship: one wins, no deadlock', async () => {
    const left = await mentor({ capacity: 5 });
    const w = await waiting(left.id);
    const [viaCohort, viaFile] = [await mentor(), await mentor()];
    const current = await file(coordinator, w.mentorshipId);
    const [confirmed, matched] = await Promise.all([
      confirm([{ participantId: w.participantId, mentorId: viaCohort.id }]),
      coordinator.post(
        `/api/v1/mentorships/${w.mentorshipId}/match`,
        { mentorId: viaFile.id },
        ifMatch(current),
      ),
    ]);
    const won = [confirmed.statusCode === 201, matched.statusCode === 200];
    expect(won.filter(Boolean)).toHaveLength(1);
    // The loser is told why: the mentorship has its mentor now (422), or it changed since it was read (412).
    expect([confirmed.statusCode, matched.statusCode].every((s) => [200, 201, 412, 422].includes(s))).toBe(
      true,
    );
    const steps = await h.handle.db
      .select()
      .from(mentorshipTransitions)
      .where(
        and(
          eq(mentorshipTransitions.mentorshipId, w.mentorshipId),
          eq(mentorshipTransitions.action, 'match'),
        ),
      )
      .orderBy(asc(mentorshipTransitions.version));
    expect(steps).toHaveLength(1);
    const [row] = await h.handle.db
      .select()
      .from(mentorships)
      .where(inArray(mentorships.id, [w.mentorshipId]));
    expect(row!.mentorId).toBe(won[0] ? viaCohort.id : viaFile.id);
  });
});
