/**
 * What the demo promises between the meetings: the SIVA students' own
 * check-ins with an early warning of each kind, someone not reached today,
 * tasks done with real photos and praise; a running social-skills group in
 * P1 with room for the next one; signs of risk in P2 followed to a referral
 * and to a close; and a participant without email whose printed code works.
 */
import {
  checkIns,
  groupAttendance,
  groupEnrolments,
  groupMeetings,
  groups,
  memberships,
  mentorships,
  participants,
  taskEvidence,
  users,
} from '@tandem/db';
import { LOOKBACK_DAYS, localDate, resolvePolicy } from '@tandem/domain';
import { codeLogin, type Harness } from '@tandem/server/testing/harness';
import { and, eq, ne } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROGRAMS, printDemoLogins } from './demo';
import { demoLogin, NOW, type Program, startDemo } from './demo-fixtures';
import { freshDemoCode } from './demo-portal';

let h: Harness;
let db: Harness['handle']['db'];
let byPreset: Map<string, Program>;

beforeAll(async () => {
  ({ h, db, byPreset } = await startDemo());
});
afterAll(() => h.close());

/** A sealed field as stored (`v1:` and base64); an opened one reads as text. */
const SEALED = /^v\d+:[A-Za-z0-9+/=]+$/;
const orgOf = (presetId: string) => byPreset.get(presetId)!.orgId;
const SIVA = 'lv-siva-remote';
const P1 = 'il-social-mentorship';
const P2 = 'il-community-mentors';

interface Item {
  kind: string;
  ruleId: string;
  severity: string;
  participantName: string | null;
  subject: Record<string, string>;
}
const attentionOf = async (role: string, presetId: string) => {
  const res = await (await demoLogin(h, byPreset, role, presetId)).get('/api/v1/attention');
  expect(res.statusCode).toBe(200);
  return res.json().items as Item[];
};
async function personIn(presetId: string, name: string) {
  const [p] = await db
    .select()
    .from(participants)
    .where(and(eq(participants.orgId, orgOf(presetId)), eq(participants.displayName, name)));
  if (!p) throw new Error(`no ${name}`);
  const [ms] = await db
    .select()
    .from(mentorships)
    .where(
      and(
        eq(mentorships.orgId, p.orgId),
        eq(mentorships.participantId, p.id),
        ne(mentorships.state, 'closed'),
      ),
    );
  return { p, ms: ms! };
}

describe('SIVA between the daily contacts', () => {
  it('SIVA-2: at the demo’s today the early warning shows one student whose wellbeing dropped and one three days at the lowest face', async () => {
    const items = await attentionOf('coordinator', SIVA);
    const warnings = items
      .filter((i) => i.kind.startsWith('wellbeing_'))
      .map((i) => `${i.kind}:${i.ruleId}:${i.participantName}`)
      .sort();
    expect(warnings).toEqual(['wellbeing_drop:SIVA-2:Marina Sokolova', 'wellbeing_low:SIVA-2:Elīna Vītola']);
  });

  it('SIVA-2: the check-ins are the students’ own — from their portal login, one a day over the last four weeks — and their notes open under the organisation’s key', async () => {
    const today = localDate(new Date(NOW), byPreset.get(SIVA)!.timeZone);
    const { p } = await personIn(SIVA, 'Marina Sokolova');
    const rows = await db.select().from(checkIns).where(eq(checkIns.participantId, p.id));
    expect(rows.length).toBeGreaterThan(15);
    expect(new Set(rows.map((r) => r.day)).size).toBe(rows.length);
    expect(rows.every((r) => r.createdBy === p.userId && r.day <= today)).toBe(true);
    expect(
      rows.map((r) => r.day).sort()[0]! >=
        localDate(new Date(Date.parse(NOW) - LOOKBACK_DAYS * 86400_000), 'Europe/Riga'),
    ).toBe(true);
    const coordinator = await demoLogin(h, byPreset, 'coordinator', SIVA);
    const res = await coordinator.get(`/api/v1/check-ins?participantId=${p.id}`);
    expect(res.statusCode).toBe(200);
    const notes = (res.json().items as { note: string | null }[]).map((i) => i.note).filter(Boolean);
    expect(notes.length).toBeGreaterThan(0);
    // Sealed at rest (CRY-01), opened for the coordinator: the AAD the server reads with is the one sealed with.
    expect(notes.every((n) => typeof n === 'string' && !SEALED.test(n))).toBe(true);
    expect(rows.filter((r) => r.note).every((r) => SEALED.test(r.note!))).toBe(true);
  });

  it('SIVA-2: the demo mentor login has a student not reached today; the coordinator also sees one not reached for days', async () => {
    const mentor = await attentionOf('mentor', SIVA);
    expect(
      mentor
        .filter((i) => i.kind === 'daily_check_in_missed' && i.subject.mentorshipId)
        .map((i) => `${i.participantName}:${i.severity}`),
    ).toEqual(['Amir Haddad:due']);
    const coordinator = await attentionOf('coordinator', SIVA);
    expect(
      coordinator
        .filter((i) => i.kind === 'daily_check_in_missed')
        .map((i) => `${i.participantName}:${i.severity}`)
        .sort(),
    ).toEqual(['Amir Haddad:due', 'Dmitrijs Petrovs:overdue']);
  });

  it('SIVA-3, SIVA-4, FILE-03, FILE-04: every active mentorship has tasks with due dates; done ones carry the student’s words, a re-encoded photo under a random key with its small copy, and praise', async () => {
    const org = orgOf(SIVA);
    const active = await db
      .select()
      .from(mentorships)
      .where(and(eq(mentorships.orgId, org), eq(mentorships.state, 'active')));
    const coordinator = await demoLogin(h, byPreset, 'coordinator', SIVA);
    let photos = 0;
    let praised = 0;
    for (const ms of active) {
      const res = await coordinator.get(`/api/v1/mentorships/${ms.id}/tasks`);
      expect(res.statusCode).toBe(200);
      const tasks = res.json().items as {
        dueOn: string;
        status: string;
        doneNote: string | null;
        evidence: unknown[];
        feedback: { praise: boolean }[];
      }[];
      expect(tasks.length, ms.id).toBeGreaterThan(0);
      expect(tasks.some((t) => t.status === 'open')).toBe(true);
      for (const t of tasks.filter((x) => x.status === 'done')) expect(t.doneNote).toBeTruthy();
      photos += tasks.reduce((n, t) => n + t.evidence.length, 0);
      praised += tasks.filter((t) => t.feedback.some((f) => f.praise)).length;
    }
    expect(photos).toBeGreaterThanOrEqual(6);
    expect(praised).toBeGreaterThanOrEqual(5);

    const stored = await db.select().from(taskEvidence).where(eq(taskEvidence.orgId, org));
    for (const e of stored) {
      expect(e.storageKey).toMatch(new RegExp(`^${org}/[0-9a-f]{32}$`));
      expect(e.thumbKey).toBe(`${e.storageKey}.thumb`);
      expect(e.fileName).toMatch(/^IMG_\d{8}_\d{6}\.jpg$/);
    }
    // Amir's photo, as his mentor downloads it through the authorised route.
    const { ms } = await personIn(SIVA, 'Amir Haddad');
    const mentor = await demoLogin(h, byPreset, 'mentor', SIVA);
    const tasks = (await mentor.get(`/api/v1/mentorships/${ms.id}/tasks`)).json().items as {
      id: string;
      evidence: { id: string }[];
    }[];
    const done = tasks.find((t) => t.evidence.length > 0)!;
    const full = await mentor.get(`/api/v1/tasks/${done.id}/evidence/${done.evidence[0]!.id}`);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(full.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.xmp]).toEqual([
      'jpeg',
      800,
      600,
      undefined,
      undefined,
    ]);
    const thumb = await mentor.get(`/api/v1/tasks/${done.id}/evidence/${done.evidence[0]!.id}?size=thumb`);
    expect(thumb.statusCode).toBe(200);
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(480);
  });
});

describe('P1 social-skills group', () => {
  it('MOH-8, MOH-9: a running group within the program’s bounds — 12 to 15 members, 15 to 20 weekly one-hour meetings, some held with attendance of members only, nobody in two groups', async () => {
    const policy = resolvePolicy(P1, {});
    if (!policy.ok) throw new Error(P1);
    const rule = policy.policy.groups!;
    const org = orgOf(P1);
    const [g] = await db.select().from(groups).where(eq(groups.orgId, org));
    expect(g!.status).toBe('running');
    expect(g!.plannedMeetings).toBeGreaterThanOrEqual(rule.minMeetings);
    expect(g!.plannedMeetings).toBeLessThanOrEqual(rule.maxMeetings);
    const members = await db.select().from(groupEnrolments).where(eq(groupEnrolments.groupId, g!.id));
    expect(members.length).toBeGreaterThanOrEqual(rule.minParticipants);
    expect(members.length).toBeLessThanOrEqual(rule.maxParticipants);
    const everyone = await db.select().from(groupEnrolments).where(eq(groupEnrolments.orgId, org));
    expect(new Set(everyone.map((e) => e.participantId)).size).toBe(everyone.length);

    const meetings = (await db.select().from(groupMeetings).where(eq(groupMeetings.groupId, g!.id))).sort(
      (a, b) => a.number - b.number,
    );
    expect(meetings).toHaveLength(g!.plannedMeetings);
    const gaps = meetings
      .slice(1)
      .map((m, i) => (m.startsAt.getTime() - meetings[i]!.startsAt.getTime()) / 86400_000);
    expect(new Set(gaps.map(Math.round))).toEqual(new Set([7]));
    const held = meetings.filter((m) => m.status === 'held');
    expect(held.length).toBeGreaterThanOrEqual(3);
    expect(held.every((m) => m.startsAt.getTime() + rule.meetingMinutes * 60_000 < Date.parse(NOW))).toBe(
      true,
    );
    const marks = await db.select().from(groupAttendance).where(eq(groupAttendance.groupId, g!.id));
    const memberIds = new Set(members.map((m) => m.participantId));
    expect(marks.every((a) => memberIds.has(a.participantId))).toBe(true);
    expect(new Set(marks.map((a) => a.meetingId))).toEqual(new Set(held.map((m) => m.id)));
    expect(new Set(marks.map((a) => a.status))).toEqual(new Set(['present', 'absent', 'excused']));

    // The demo mentor login facilitates it: it is on the mentor's list, with attendance over the program.
    const mentor = await demoLogin(h, byPreset, 'mentor', P1);
    const list = (await mentor.get('/api/v1/groups')).json().items as { id: string; status: string }[];
    expect(list.map((x) => `${x.id}:${x.status}`)).toEqual([`${g!.id}:running`]);
    const detail = await mentor.get(`/api/v1/groups/${g!.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().attendanceSummary).toHaveLength(members.length);

    // One member left after a few meetings: kept with the day and the reason, marked only until then.
    const left = members.filter((m) => m.leftOn !== null);
    expect(left.map((m) => m.leftReason)).toEqual(['not_suitable']);
    const leaver = left[0]!;
    const leftAt = Date.parse(`${leaver.leftOn}T00:00:00Z`);
    const his = marks.filter((a) => a.participantId === leaver.participantId);
    const heldIds = new Map(held.map((m) => [m.id, m.startsAt.getTime()]));
    expect(his.length).toBeGreaterThan(0);
    expect(his.every((a) => heldIds.get(a.meetingId)! < leftAt)).toBe(true);
    expect(held.some((m) => m.startsAt.getTime() > leftAt)).toBe(true);
    expect(detail.json().enrolments).toHaveLength(members.length - 1);
    expect(detail.json().formerMembers.map((f: { participantId: string }) => f.participantId)).toEqual([
      leaver.participantId,
    ]);
  });

  it('MOH-8, MOH-9: the people in service who are in no group yet are enough for the coordinator to plan and start the next one', async () => {
    const org = orgOf(P1);
    const open = await db
      .select({ participantId: mentorships.participantId })
      .from(mentorships)
      .where(and(eq(mentorships.orgId, org), ne(mentorships.state, 'closed')));
    const inAGroup = new Set(
      (await db.select().from(groupEnrolments).where(eq(groupEnrolments.orgId, org))).map(
        (e) => e.participantId,
      ),
    );
    const free = [...new Set(open.map((o) => o.participantId))].filter((id) => !inAGroup.has(id));
    expect(free.length).toBeGreaterThanOrEqual(12);

    const coordinator = await demoLogin(h, byPreset, 'coordinator', P1);
    const planned = await coordinator.post('/api/v1/groups', {
      programId: byPreset.get(P1)!.id,
      name: 'Social skills group — next round',
      facilitatorUserId: coordinator.me.user.id,
      weekday: 0,
      startTime: '18:00',
      startsOn: '2026-12-06',
      plannedMeetings: 15,
    });
    expect(planned.statusCode).toBe(201);
    const groupId = planned.json().id as string;
    for (const participantId of free.slice(0, 12)) {
      const res = await coordinator.post(`/api/v1/groups/${groupId}/enrolments`, { participantId });
      expect(res.statusCode, res.body).toBe(201);
    }
    // A member of the running group is refused by the rule, not by accident.
    const member = [...inAGroup][0]!;
    const twice = await coordinator.post(`/api/v1/groups/${groupId}/enrolments`, { participantId: member });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().ruleId).toBe('MOH-9');
    const current = await coordinator.get(`/api/v1/groups/${groupId}`);
    const started = await coordinator.inject({
      method: 'PATCH',
      url: `/api/v1/groups/${groupId}`,
      payload: { status: 'running' },
      headers: { 'if-match': current.headers.etag as string },
    });
    expect(started.statusCode, started.body).toBe(200);
  });
});

describe('P2 signs of risk', () => {
  it('CM-4, REL-08: a high sign with its coordinator alert, the coordinator’s actions and an accepted referral; a low one closed', async () => {
    const coordinator = await demoLogin(h, byPreset, 'coordinator', P2);
    const res = await coordinator.get('/api/v1/risk-observations?status=all');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      id: string;
      severity: string;
      status: string;
      participantName: string;
    }[];
    expect(items.map((i) => `${i.severity}:${i.status}:${i.participantName}`).sort()).toEqual([
      'high:referred:Yarden Sasson',
      'low:closed:Amir Haddad',
    ]);
    const high = (
      await coordinator.get(`/api/v1/risk-observations/${items.find((i) => i.severity === 'high')!.id}`)
    ).json();
    expect(high.alert).not.toBeNull();
    expect(high.description).toMatch(/point of going on/);
    expect(high.actions.length).toBeGreaterThanOrEqual(2);
    expect(high.actions.every((a: { note: string | null }) => a.note && !SEALED.test(a.note))).toBe(true);
    expect(
      high.referrals.map((r: { status: string; service: string }) => `${r.service}:${r.status}`),
    ).toEqual(['mental_health_service:accepted']);
    // Referred: the alert has been answered, so it no longer waits on the coordinator's list.
    const attention = await attentionOf('coordinator', P2);
    expect(attention.filter((i) => i.kind === 'risk_referral')).toEqual([]);
  });

  it('TEN-06: the demo mentor login reads only the sign of risk they recorded themselves', async () => {
    const mentor = await demoLogin(h, byPreset, 'mentor', P2);
    const res = await mentor.get('/api/v1/risk-observations?status=all');
    expect(res.statusCode).toBe(200);
    expect((res.json().items as { participantName: string }[]).map((i) => i.participantName)).toEqual([
      'Amir Haddad',
    ]);
  });
});

describe('a participant without email', () => {
  it('AUTH-06, decision record 011: the code printed at start signs the participant in once; the next start prints a new one and the old unused one ends', async () => {
    const first = await freshDemoCode(db, DEMO_PROGRAMS, h.clock);
    expect(first).not.toBeNull();
    const lines: string[] = [];
    printDemoLogins('a-password', 'http://localhost:3000', (s) => lines.push(s), first);
    expect(lines.join('\n')).toContain(`sign-in name  ${first!.signInName}`);
    expect(lines.join('\n')).toContain(`one-time code ${first!.code}`);

    const agent = await codeLogin(h, first!.code);
    expect([agent.me.role, agent.me.orgId, agent.me.user.email, agent.me.user.locale]).toEqual([
      'participant',
      orgOf(SIVA),
      null,
      'lv',
    ]);
    const portal = await agent.get('/api/v1/me/portal');
    expect(portal.statusCode).toBe(200);
    expect(portal.json().participant.displayName).toBe('Līga Krūmiņa');
    expect((portal.json().tasks as { evidence: unknown[] }[]).some((t) => t.evidence.length > 0)).toBe(true);
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/code-login',
      payload: { code: first!.code },
    });
    expect(again.statusCode).not.toBe(200);

    const unused = await freshDemoCode(db, DEMO_PROGRAMS, h.clock);
    const next = await freshDemoCode(db, DEMO_PROGRAMS, h.clock);
    expect(next!.signInName).toBe(first!.signInName);
    const stale = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/code-login',
      payload: { code: unused!.code },
    });
    expect(stale.statusCode).not.toBe(200);
    expect((await codeLogin(h, next!.code)).me.user.displayName).toBe('Līga Krūmiņa');
    const [u] = await db.select().from(users).where(eq(users.id, agent.me.user.id));
    expect([u!.email, u!.passwordHash]).toEqual([null, null]);

    // An admin ends her access in the demo: the next start still runs, and prints no code for her.
    await db
      .update(memberships)
      .set({ disabled: true })
      .where(and(eq(memberships.userId, u!.id), eq(memberships.orgId, orgOf(SIVA))));
    expect(await freshDemoCode(db, DEMO_PROGRAMS, h.clock)).toBeNull();
  });
});
