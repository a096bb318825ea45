/**
 * The authorization matrix rows of the between-meetings routes (check-ins,
 * groups, risk observations, referrals): each route's declared roles (TEN-01,
 * TEN-10 is walked for every route in tenancy.test.ts), and every role it
 * admits, given another organisation's object ids, answers 404 (TEN-02).
 */
import { randomUUID } from 'node:crypto';
import { buildMentor, buildMentorship, buildParticipant } from '@tandem/db';
import type { Role } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  type Harness,
  login,
  type Org,
  seedOrg,
  seedProgram,
  startHarness,
} from './testing/harness';

const STAFF = ['coordinator', 'admin'] as const;
const MATRIX: { method: string; url: string; roles: readonly Role[] }[] = [
  { method: 'POST', url: '/api/v1/check-ins', roles: ['participant'] },
  { method: 'PATCH', url: '/api/v1/check-ins/:id', roles: ['participant'] },
  { method: 'GET', url: '/api/v1/check-ins', roles: ['participant', 'mentor', 'coordinator', 'admin'] },
  { method: 'GET', url: '/api/v1/check-ins/:id', roles: ['participant', 'mentor', 'coordinator', 'admin'] },
  { method: 'GET', url: '/api/v1/groups', roles: ['coordinator', 'admin', 'mentor', 'participant'] },
  { method: 'POST', url: '/api/v1/groups', roles: STAFF },
  { method: 'GET', url: '/api/v1/groups/:id', roles: ['coordinator', 'admin', 'mentor', 'participant'] },
  { method: 'PATCH', url: '/api/v1/groups/:id', roles: STAFF },
  { method: 'POST', url: '/api/v1/groups/:id/enrolments', roles: STAFF },
  { method: 'GET', url: '/api/v1/groups/:id/candidates', roles: STAFF },
  { method: 'POST', url: '/api/v1/groups/:id/enrolments/:participantId/leave', roles: STAFF },
  { method: 'POST', url: '/api/v1/groups/:id/meetings', roles: STAFF },
  {
    method: 'PUT',
    url: '/api/v1/groups/:id/meetings/:meetingId/attendance',
    roles: ['coordinator', 'admin', 'mentor'],
  },
  { method: 'POST', url: '/api/v1/risk-observations', roles: ['mentor', 'coordinator', 'admin'] },
  { method: 'GET', url: '/api/v1/risk-observations', roles: ['mentor', 'coordinator', 'admin'] },
  { method: 'GET', url: '/api/v1/risk-observations/guidance', roles: ['mentor', 'coordinator', 'admin'] },
  { method: 'GET', url: '/api/v1/risk-observations/:id', roles: ['mentor', 'coordinator', 'admin'] },
  { method: 'PATCH', url: '/api/v1/risk-observations/:id', roles: STAFF },
  { method: 'POST', url: '/api/v1/risk-observations/:id/actions', roles: STAFF },
  { method: 'POST', url: '/api/v1/referrals', roles: STAFF },
  { method: 'GET', url: '/api/v1/referrals', roles: STAFF },
  { method: 'PATCH', url: '/api/v1/referrals/:id', roles: STAFF },
];

let h: Harness;
let a: Org;
let b: Org;
const agents = {} as Record<Role, Agent>;
/** Org B's objects, which org A's users try to reach. */
const foreign = {
  checkIn: '',
  group: '',
  meeting: '',
  risk: '',
  referral: '',
  mentorship: '',
  participant: '',
  program: '',
};

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-04T08:00:00Z' });
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  const db = h.handle.db;
  // Org A: a mentor with a mentee, so "own" objects exist for every role.
  const pa = (await seedProgram(h, a.id)).id;
  const ma = await buildMentor(db, {
    orgId: a.id,
    programId: pa,
    displayName: 'A mentor',
    userId: a.users.mentor.id,
  });
  const ppa = await buildParticipant(db, {
    orgId: a.id,
    programId: pa,
    displayName: 'A person',
    userId: a.users.participant.id,
  });
  await buildMentorship(db, { orgId: a.id, programId: pa, participantId: ppa.id, mentorId: ma.id });
  // Org B: one of everything.
  const pb = (await seedProgram(h, b.id)).id;
  foreign.program = pb;
  const mb = await buildMentor(db, {
    orgId: b.id,
    programId: pb,
    displayName: 'B mentor',
    userId: b.users.mentor.id,
  });
  const ppb = await buildParticipant(db, {
    orgId: b.id,
    programId: pb,
    displayName: 'B person',
    userId: b.users.participant.id,
  });
  foreign.participant = ppb.id;
  foreign.mentorship = (
    await buildMentorship(db, { orgId: b.id, programId: pb, participantId: ppb.id, mentorId: mb.id })
  ).id;
  const bParticipant = await login(h, b.users.participant.email);
  foreign.checkIn = (await bParticipant.post('/api/v1/check-ins', { wellbeing: 3 })).json().id;
  const bCoordinator = await login(h, b.users.coordinator.email);
  const group = await bCoordinator.post('/api/v1/groups', {
    programId: pb,
    name: 'B group',
    facilitatorUserId: b.users.mentor.id,
    weekday: 1,
    startTime: '10:00',
    startsOn: '2026-03-02',
    plannedMeetings: 15,
  });
  foreign.group = group.json().id;
  foreign.meeting = group.json().meetings[0].id;
  const bMentor = await login(h, b.users.mentor.email);
  foreign.risk = (
    await bMentor.post('/api/v1/risk-observations', {
      mentorshipId: foreign.mentorship,
      indicators: ['acute_crisis'],
      severity: 'medium',
      description: 'B only',
    })
  ).json().id;
  foreign.referral = (
    await bCoordinator.post('/api/v1/referrals', { observationId: foreign.risk, service: 'crisis_line' })
  ).json().id;
  for (const role of ['admin', 'coordinator', 'mentor', 'participant'] as const)
    agents[role] = await login(h, a.users[role].email);
});
afterAll(() => h.close());

const key = (x: { method: string; url: string }) => `${x.method} ${x.url}`;

/** The URL with org B's ids, and a body that would be valid in B, so only tenancy can refuse it. */
function foreignRequest(row: (typeof MATRIX)[number]) {
  const url = row.url
    .replace(':meetingId', foreign.meeting)
    .replace(':participantId', foreign.participant)
    .replace(
      ':id',
      row.url.startsWith('/api/v1/check-ins')
        ? foreign.checkIn
        : row.url.startsWith('/api/v1/groups')
          ? foreign.group
          : row.url.startsWith('/api/v1/referrals')
            ? foreign.referral
            : foreign.risk,
    );
  const bodies: Record<string, unknown> = {
    'PATCH /api/v1/check-ins/:id': { wellbeing: 1 },
    'POST /api/v1/groups': {
      programId: foreign.program,
      name: 'In B',
      facilitatorUserId: a.users.coordinator.id,
      weekday: 1,
      startTime: '10:00',
      startsOn: '2026-03-02',
      plannedMeetings: 15,
    },
    'PATCH /api/v1/groups/:id': { name: 'Taken over' },
    'POST /api/v1/groups/:id/enrolments': { participantId: foreign.participant },
    'POST /api/v1/groups/:id/enrolments/:participantId/leave': { reason: 'other' },
    'POST /api/v1/groups/:id/meetings': { startsAt: '2026-08-01T10:00:00+03:00' },
    'PUT /api/v1/groups/:id/meetings/:meetingId/attendance': {
      entries: [{ participantId: foreign.participant, status: 'present' }],
    },
    'POST /api/v1/risk-observations': {
      mentorshipId: foreign.mentorship,
      indicators: ['acute_crisis'],
      severity: 'high',
      description: 'x',
    },
    'PATCH /api/v1/risk-observations/:id': { status: 'closed' },
    'POST /api/v1/risk-observations/:id/actions': { kind: 'other' },
    'POST /api/v1/referrals': { observationId: foreign.risk, service: 'crisis_line' },
    'PATCH /api/v1/referrals/:id': { status: 'accepted' },
  };
  const query: Record<string, string> = {
    'GET /api/v1/check-ins': `?participantId=${foreign.participant}`,
    'GET /api/v1/risk-observations/guidance': `?mentorshipId=${foreign.mentorship}`,
  };
  const k = key(row);
  return {
    url: url + (query[k] ?? ''),
    body: bodies[k],
    lists: row.method === 'GET' && !row.url.includes(':') && !query[k],
  };
}

describe('the between-meetings rows of the authorization matrix', () => {
  it('TEN-01: every check-in, group, risk and referral route declares exactly the roles of its row', () => {
    const mine = h.app.routeInventory.filter((r) =>
      /^\/api\/v1\/(check-ins|groups|risk-observations|referrals)/.test(r.url),
    );
    const declared = mine.map((r) => ({
      method: r.method,
      url: r.url,
      roles: r.access && 'roles' in r.access ? [...r.access.roles].sort() : 'public',
    }));
    const expected = MATRIX.map((m) => ({ ...m, roles: [...m.roles].sort() }));
    expect(declared.sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
      expected.sort((x, y) => key(x).localeCompare(key(y))),
    );
  });

  it('TEN-02: every admitted role, given another organisation’s ids, gets 404 (or, for lists, none of its rows)', async () => {
    let checked = 0;
    for (const row of MATRIX) {
      const req = foreignRequest(row);
      for (const role of row.roles) {
        if (!(role in agents)) continue;
        const res = await agents[role].inject({
          method: row.method as 'GET',
          url: req.url,
          ...(req.body === undefined ? {} : { payload: req.body as object }),
          headers: { 'if-match': '"1"', 'idempotency-key': randomUUID() },
        });
        const seen = `${row.method} ${row.url} as ${role}`;
        if (req.lists) {
          expect({ seen, status: res.statusCode }).toEqual({ seen, status: 200 });
          expect({ seen, leaked: Object.values(foreign).some((id) => res.body.includes(id)) }).toEqual({
            seen,
            leaked: false,
          });
        } else if (key(row) === 'POST /api/v1/check-ins') {
          // A check-in names no object: it is always the caller's own, and an empty one is refused.
          expect({ seen, status: res.statusCode }).toEqual({ seen, status: 400 });
        } else {
          expect({ seen, status: res.statusCode }).toEqual({ seen, status: 404 });
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});
