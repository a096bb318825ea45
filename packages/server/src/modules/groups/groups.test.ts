import { auditEvents, buildMentor, buildMentorship, buildParticipant, groupEnrolments } from '@tandem/db';
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

// Sunday 1 March 2026, 11:00 in Jerusalem.
const NOW = '2026-03-01T09:00:00Z';
let h: Harness;
let a: Org;
let b: Org;
let coordinator: Agent;
let facilitator: { mentor: { id: string }; agent: Agent };
let otherMentor: { mentor: { id: string }; agent: Agent };
let outsider: Agent;
let participantAgent: Agent;
let program: string;
const people: string[] = [];
let ownParticipantId = '';
let noServiceId = '';
let groupId = '';
let smallGroupId = '';

const plan = (over: Record<string, unknown> = {}) => ({
  programId: program,
  name: 'Social skills, spring',
  facilitatorUserId: facilitator.agent.me.user.id,
  weekday: 2, // Tuesday
  startTime: '17:00',
  startsOn: '2026-03-01',
  plannedMeetings: 15,
  ...over,
});

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  program = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
  const db = h.handle.db;
  facilitator = await mentorWithLogin(h, a, program, 'Fay Facilitator');
  otherMentor = await mentorWithLogin(h, a, program, 'Other Mentor');
  const mentor = await buildMentor(db, { orgId: a.id, programId: program, displayName: 'Any Mentor' });
  for (let i = 0; i < 50; i++) {
    const p = await buildParticipant(db, {
      orgId: a.id,
      programId: program,
      displayName: `Person ${String(i).padStart(2, '0')}`,
      ...(i === 0 ? { userId: a.users.participant.id } : {}),
    });
    await buildMentorship(db, {
      orgId: a.id,
      programId: program,
      participantId: p.id,
      mentorId: mentor.id,
      state: 'active',
      startedOn: '2026-01-04',
    });
    people.push(p.id);
  }
  ownParticipantId = people[0]!;
  noServiceId = (await buildParticipant(db, { orgId: a.id, programId: program, displayName: 'No Service' }))
    .id;
  coordinator = await login(h, a.users.coordinator.email);
  outsider = await login(h, b.users.coordinator.email);
  participantAgent = await login(h, a.users.participant.email);
});
afterAll(() => h.close());

describe('MOH-8: planning a group program', () => {
  it('MOH-8: 14 meetings are too few for the program; nothing is written', async () => {
    const res = await coordinator.post('/api/v1/groups', plan({ plannedMeetings: 14 }));
    expectRefusal(res, 'MOH-8', 'group_meetings_out_of_range');
    expect(res.json().params).toMatchObject({ meetings: 14, minMeetings: 15, maxMeetings: 20 });
    expect((await coordinator.get('/api/v1/groups')).json().items).toEqual([]);
  });

  it('MOH-8: 15 weekly meetings are planned on the slot, in Jerusalem time across the clock change', async () => {
    const res = await coordinator.post('/api/v1/groups', plan());
    expect(res.statusCode).toBe(201);
    const g = res.json();
    groupId = g.id;
    expect(g).toMatchObject({
      status: 'planned',
      facilitatorName: 'Fay Facilitator',
      memberCount: 0,
      minParticipants: 12,
      maxParticipants: 15,
    });
    expect(g.meetings).toHaveLength(15);
    // Tuesday 3 March 17:00 (UTC+2); Tuesday 31 March 17:00 is after the change to summer time (UTC+3).
    expect(g.meetings[0].startsAt).toBe('2026-03-03T15:00:00.000Z');
    expect(g.meetings[4].startsAt).toBe('2026-03-31T14:00:00.000Z');
    expect(g.nextMeetingAt).toBe('2026-03-03T15:00:00.000Z');
  });

  it('a facilitator from another organisation is not found, naming the field', async () => {
    const res = await coordinator.post('/api/v1/groups', plan({ facilitatorUserId: b.users.mentor.id }));
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0].field).toBe('facilitatorUserId');
  });
});

describe('REL-04 and MOH-8: enrolment under concurrency', () => {
  it('REL-04: of 50 simultaneous enrolments into a group of at most 15, exactly 15 succeed', async () => {
    const results = await Promise.all(
      people.map((participantId) =>
        coordinator.post(`/api/v1/groups/${groupId}/enrolments`, { participantId }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(15);
    expect(codes.filter((c) => c === 422)).toHaveLength(35);
    expect(results.find((r) => r.statusCode === 422)!.json()).toMatchObject({
      ruleId: 'MOH-8',
      code: 'group_full',
    });
    const [n] = await h.handle.db
      .select({ n: count() })
      .from(groupEnrolments)
      .where(eq(groupEnrolments.groupId, groupId));
    expect(n!.n).toBe(15);
  });

  it('MOH-9: a member of this group cannot join a second group in the same service period', async () => {
    const second = await coordinator.post('/api/v1/groups', plan({ name: 'Second group' }));
    smallGroupId = second.json().id;
    const enrolled = (await coordinator.get(`/api/v1/groups/${groupId}`)).json().enrolments as {
      participantId: string;
    }[];
    const member = enrolled[0]!.participantId;
    const res = await coordinator.post(`/api/v1/groups/${smallGroupId}/enrolments`, {
      participantId: member,
    });
    expectRefusal(res, 'MOH-9', 'group_once_per_service_period');
    const outside = people.find((p) => !enrolled.some((e) => e.participantId === p))!;
    expect(
      (await coordinator.post(`/api/v1/groups/${smallGroupId}/enrolments`, { participantId: outside }))
        .statusCode,
    ).toBe(201);
  });

  it('MOH-9: a person with no open service period cannot join a group', async () => {
    const res = await coordinator.post(`/api/v1/groups/${smallGroupId}/enrolments`, {
      participantId: noServiceId,
    });
    expectRefusal(res, 'MOH-9', 'group_no_service_period');
  });

  it('MOH-9: the enrol list of the second group names, per person, the rule that keeps them out; the enrolment agrees', async () => {
    type Candidate = { participantId: string; refusals: { ruleId: string; code: string; params: object }[] };
    const res = await coordinator.get(`/api/v1/groups/${smallGroupId}/candidates`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Candidate[];
    const inFirst = new Set(
      (
        (await coordinator.get(`/api/v1/groups/${groupId}`)).json().enrolments as { participantId: string }[]
      ).map((e) => e.participantId),
    );
    const inSecond = (await coordinator.get(`/api/v1/groups/${smallGroupId}`)).json().enrolments as {
      participantId: string;
    }[];
    const listed = new Set(items.map((c) => c.participantId));
    // Everyone with an open service is listed except the second group's own members; nobody without one.
    expect(listed.size).toBe(people.length - inSecond.length);
    for (const m of inSecond) expect(listed.has(m.participantId)).toBe(false);
    expect(listed.has(noServiceId)).toBe(false);
    for (const c of items) {
      if (inFirst.has(c.participantId)) {
        expect(c.refusals).toEqual([
          { ruleId: 'MOH-9', code: 'group_once_per_service_period', params: { enrolledOn: '2026-03-01' } },
        ]);
      } else expect(c.refusals).toEqual([]);
    }
    const free = items.find((c) => c.refusals.length === 0)!;
    const kept = items.find((c) => c.refusals.length > 0)!;
    expect(
      (
        await coordinator.post(`/api/v1/groups/${smallGroupId}/enrolments`, {
          participantId: free.participantId,
        })
      ).statusCode,
    ).toBe(201);
    expectRefusal(
      await coordinator.post(`/api/v1/groups/${smallGroupId}/enrolments`, {
        participantId: kept.participantId,
      }),
      'MOH-9',
      'group_once_per_service_period',
    );
  });

  it('TEN-03, TEN-02: only the organisation’s coordinators see whom a group could take', async () => {
    expect((await facilitator.agent.get(`/api/v1/groups/${smallGroupId}/candidates`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/v1/groups/${smallGroupId}/candidates`)).statusCode).toBe(404);
  });
});

describe('MOH-8: starting, meetings and attendance', () => {
  it('MOH-8: a group of one member cannot start; the full group can, with If-Match', async () => {
    const small = await coordinator.get(`/api/v1/groups/${smallGroupId}`);
    const refused = await coordinator.patch(
      `/api/v1/groups/${smallGroupId}`,
      { status: 'running' },
      { 'if-match': String(small.headers.etag) },
    );
    expectRefusal(refused, 'MOH-8', 'group_too_small');
    const full = await coordinator.get(`/api/v1/groups/${groupId}`);
    expect((await coordinator.patch(`/api/v1/groups/${groupId}`, { status: 'running' })).statusCode).toBe(
      428,
    );
    const started = await coordinator.patch(
      `/api/v1/groups/${groupId}`,
      { status: 'running' },
      { 'if-match': String(full.headers.etag) },
    );
    expect(started.statusCode).toBe(200);
    expect(started.json().status).toBe('running');
  });

  it('MOH-8: the facilitator takes attendance on a phone; marks replace, and the meeting is held', async () => {
    const g = (await facilitator.agent.get(`/api/v1/groups/${groupId}`)).json();
    const [m1] = g.meetings;
    const members = g.enrolments.map((e: { participantId: string }) => e.participantId) as string[];
    const entries = members.map((participantId, i) => ({
      participantId,
      status: i < 12 ? 'present' : 'absent',
    }));
    const url = `/api/v1/groups/${groupId}/meetings/${m1.id}/attendance`;
    const res = await facilitator.agent.inject({
      method: 'PUT',
      url,
      payload: { entries },
      headers: { 'if-match': `"${m1.version}"` },
    });
    expect(res.statusCode).toBe(200);
    const held = res.json().meetings[0];
    expect(held.status).toBe('held');
    expect(held.attendance.filter((x: { status: string }) => x.status === 'present')).toHaveLength(12);
    // The same marks again with the old version: someone else has recorded since (REL-03).
    const stale = await facilitator.agent.inject({
      method: 'PUT',
      url,
      payload: { entries },
      headers: { 'if-match': `"${m1.version}"` },
    });
    expect(stale.statusCode).toBe(412);
    const fix = await facilitator.agent.inject({
      method: 'PUT',
      url,
      payload: { entries: [{ participantId: members[14], status: 'excused' }] },
      headers: { 'if-match': `"${held.version}"` },
    });
    expect(fix.statusCode).toBe(200);
    const summary = fix.json().attendanceSummary as {
      participantId: string;
      present: number;
      excused: number;
      rate: number;
    }[];
    expect(summary.find((s) => s.participantId === members[14])).toMatchObject({
      present: 0,
      excused: 1,
      rate: 0,
    });
    expect(summary.find((s) => s.participantId === members[0])).toMatchObject({ present: 1, rate: 1 });
  });

  it('MOH-8: attendance is only for members; another mentor does not see the group (404)', async () => {
    const g = (await coordinator.get(`/api/v1/groups/${groupId}`)).json();
    const m2 = g.meetings[1];
    const res = await coordinator.inject({
      method: 'PUT',
      url: `/api/v1/groups/${groupId}/meetings/${m2.id}/attendance`,
      payload: { entries: [{ participantId: noServiceId, status: 'present' }] },
      headers: { 'if-match': `"${m2.version}"` },
    });
    expectRefusal(res, 'MOH-8', 'group_attendance_not_enrolled');
    expect((await otherMentor.agent.get(`/api/v1/groups/${groupId}`)).statusCode).toBe(404);
    expect((await otherMentor.agent.get('/api/v1/groups')).json().items).toEqual([]);
  });

  it('MOH-8: meetings can be added up to 20; the 21st is refused', async () => {
    for (let i = 16; i <= 20; i++) {
      const res = await coordinator.post(`/api/v1/groups/${groupId}/meetings`, {
        startsAt: `2026-07-${String(i).padStart(2, '0')}T17:00:00+03:00`,
      });
      expect(res.statusCode).toBe(201);
    }
    const over = await coordinator.post(`/api/v1/groups/${groupId}/meetings`, {
      startsAt: '2026-07-28T17:00:00+03:00',
    });
    expectRefusal(over, 'MOH-8', 'group_meeting_limit_reached');
  });
});

describe('TEN-03, TEN-02: who sees a group', () => {
  it('TEN-03: a participant sees their own group and meetings, their own marks, and nobody else', async () => {
    const g = (await coordinator.get(`/api/v1/groups/${groupId}`)).json();
    const inGroup = g.enrolments.some((e: { participantId: string }) => e.participantId === ownParticipantId);
    const list = (await participantAgent.get('/api/v1/groups')).json().items;
    if (!inGroup) {
      expect(list).toEqual([]);
      expect((await participantAgent.get(`/api/v1/groups/${groupId}`)).statusCode).toBe(404);
      await coordinator.post(`/api/v1/groups/${smallGroupId}/enrolments`, {
        participantId: ownParticipantId,
      });
    }
    const mine = (await participantAgent.get('/api/v1/groups')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0].memberCount).toBeNull();
    const detail = await participantAgent.get(`/api/v1/groups/${mine[0].id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().enrolments).toEqual([]);
    const others = people.filter((p) => p !== ownParticipantId);
    expect(others.some((id) => detail.body.includes(id))).toBe(false);
    expect(detail.body).not.toContain('Person 01');
  });

  it('TEN-02: another organisation’s coordinator gets 404 on the group and on an enrolment into it', async () => {
    expect((await outsider.get(`/api/v1/groups/${groupId}`)).statusCode).toBe(404);
    const res = await outsider.post(`/api/v1/groups/${groupId}/enrolments`, { participantId: people[20] });
    expect(res.statusCode).toBe(404);
  });
});

describe('MOH-8, MOH-9: a member leaves before the group ends', () => {
  type Detail = {
    memberCount: number;
    enrolments: { participantId: string }[];
    formerMembers: { participantId: string; leftOn: string; leftReason: string }[];
    attendanceSummary: { participantId: string; present: number; absent: number; excused: number }[];
    meetings: { id: string; version: number }[];
  };
  const detail = async () => (await coordinator.get(`/api/v1/groups/${groupId}`)).json() as Detail;
  const leave = (agent: Agent, participantId: string, body: unknown = { reason: 'participant_choice' }) =>
    agent.post(`/api/v1/groups/${groupId}/enrolments/${participantId}/leave`, body);
  let leaver = '';

  it('MOH-8: the place opens, the attendance so far stays with a name, and a leaver is no longer marked', async () => {
    const before = await detail();
    leaver = before.enrolments.map((e) => e.participantId).find((id) => id !== ownParticipantId)!;
    const marked = before.attendanceSummary.find((s) => s.participantId === leaver)!;
    expect(marked.present + marked.absent + marked.excused).toBeGreaterThan(0);
    expect((await leave(facilitator.agent, leaver)).statusCode).toBe(403);
    expect((await leave(outsider, leaver)).statusCode).toBe(404);
    const bad = await leave(coordinator, leaver, { reason: 'bored' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('reason');
    expect((await detail()).enrolments).toHaveLength(before.enrolments.length);

    const res = await leave(coordinator, leaver);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Detail;
    expect(after.memberCount).toBe(before.enrolments.length - 1);
    expect(after.enrolments.map((e) => e.participantId)).not.toContain(leaver);
    expect(after.formerMembers).toEqual([
      expect.objectContaining({
        participantId: leaver,
        leftOn: '2026-03-01',
        leftReason: 'participant_choice',
      }),
    ]);
    expect(after.attendanceSummary.find((s) => s.participantId === leaver)).toEqual(marked);
    expectRefusal(await leave(coordinator, leaver), 'MOH-8', 'group_not_a_member');
    const m2 = after.meetings[1]!;
    const mark = await coordinator.inject({
      method: 'PUT',
      url: `/api/v1/groups/${groupId}/meetings/${m2.id}/attendance`,
      payload: { entries: [{ participantId: leaver, status: 'present' }] },
      headers: { 'if-match': `"${m2.version}"` },
    });
    expectRefusal(mark, 'MOH-8', 'group_attendance_not_enrolled');
    const audit = await h.handle.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'group.leave'), eq(auditEvents.subjectId, leaver)));
    expect(audit[0]!.n).toBe(1);
  });

  it('MOH-9: the leaver cannot join another group this service period; the open place takes someone new, and the leaver may come back', async () => {
    expectRefusal(
      await coordinator.post(`/api/v1/groups/${smallGroupId}/enrolments`, { participantId: leaver }),
      'MOH-9',
      'group_once_per_service_period',
    );
    const candidates = (await coordinator.get(`/api/v1/groups/${groupId}/candidates`)).json().items as {
      participantId: string;
      refusals: unknown[];
    }[];
    // The leaver is offered back to their own group; the rule of the period does not stand in the way.
    expect(candidates.find((c) => c.participantId === leaver)?.refusals).toEqual([]);
    const newcomer = candidates.find((c) => c.participantId !== leaver && c.refusals.length === 0)!;
    const joined = await coordinator.post(`/api/v1/groups/${groupId}/enrolments`, {
      participantId: newcomer.participantId,
    });
    expect(joined.statusCode, joined.body).toBe(201);
    expectRefusal(
      await coordinator.post(`/api/v1/groups/${groupId}/enrolments`, { participantId: leaver }),
      'MOH-8',
      'group_full',
    );
    expect((await leave(coordinator, newcomer.participantId, { reason: 'other' })).statusCode).toBe(200);
    const back = await coordinator.post(`/api/v1/groups/${groupId}/enrolments`, { participantId: leaver });
    expect(back.statusCode, back.body).toBe(201);
    const now = await detail();
    expect(now.enrolments.map((e) => e.participantId)).toContain(leaver);
    expect(now.formerMembers.map((f) => f.participantId)).toEqual([newcomer.participantId]);
  });
});
