import { auditEvents, buildMentor, type mentors, mentorships } from '@tandem/db';
import { and, eq } from 'drizzle-orm';
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
import { act, edit, expectRefusal, file, participant, SPEAKS_HEBREW, started } from './fixtures';

// Sunday 1 March 2026, 09:00 in Jerusalem: a mentor born on 1 March 2005 turns 21 today.
const NOW = '2026-03-01T07:00:00Z';
let h: Harness;
let a: Org;
let coordinator: Agent;
const programs = {} as Record<ProgramKey, string>;

type ProgramKey = 'il' | 'cm' | 'rampen';
const PRESETS: Record<ProgramKey, string> = {
  il: 'il-social-mentorship',
  cm: 'il-community-mentors',
  rampen: 'dk-rampen',
};
/** A first goal each program accepts (RAMP-3 asks for an employment goal). */
const GOAL_DOMAINS: Record<ProgramKey, string[]> = {
  il: ['social_situations'],
  cm: ['social_situations'],
  rampen: ['employment'],
};

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  a = await seedOrg(h, 'Alpha');
  for (const key of Object.keys(PRESETS) as ProgramKey[])
    programs[key] = (await seedProgram(h, a.id, PRESETS[key])).id;
  coordinator = await login(h, a.users.coordinator.email);
});
afterAll(() => h.close());

type MentorOver = Partial<typeof mentors.$inferInsert>;

/** A mentor every program's rules allow: trained for 60 hours, 45 years old, speaking Hebrew. */
const mentor = (key: ProgramKey, name: string, over: MentorOver = {}) =>
  buildMentor(h.handle.db, {
    orgId: a.id,
    programId: programs[key],
    displayName: name,
    trainingHours: 60,
    ...SPEAKS_HEBREW,
    ...over,
  });

/**
 * One hard rule broken, by the mentor's record or by the participant's. A
 * participant's side is changed through the API, as a coordinator would: the
 * birth date corrected, the consent withdrawn.
 */
interface Case {
  ruleId: string;
  code: string;
  what: string;
  program: ProgramKey;
  mentor?: MentorOver;
  person?: Record<string, unknown>;
}

const CASES: Case[] = [
  {
    ruleId: 'MATCH-ACTIVE',
    code: 'mentor_inactive',
    what: 'an inactive mentor',
    program: 'il',
    mentor: { active: false },
  },
  {
    ruleId: 'MOH-10',
    code: 'mentor_too_young',
    what: 'a mentor one day short of 21',
    program: 'il',
    mentor: { birthDate: '2005-03-02' },
  },
  {
    ruleId: 'MOH-11',
    code: 'no_shared_language',
    what: 'a mentor who shares no language with the participant',
    program: 'il',
    mentor: {
      languages: [
        { code: 'ar', level: 5 },
        { code: 'en', level: 4 },
      ],
    },
  },
  {
    ruleId: 'MOH-12',
    code: 'mentor_is_family',
    what: 'a mentor who declared the participant as family',
    program: 'il',
    mentor: { familyOf: ['(participant)'] },
  },
  {
    ruleId: 'MOH-13',
    code: 'mentor_training_incomplete',
    what: 'a mentor without completed training',
    program: 'il',
    mentor: { trainingCompletedAt: null },
  },
  {
    ruleId: 'MOH-13',
    code: 'mentor_training_incomplete',
    what: 'a mentor whose training completes only next week',
    program: 'il',
    mentor: { trainingCompletedAt: '2026-03-08' },
  },
  {
    ruleId: 'CM-1',
    code: 'mentor_training_hours_short',
    what: 'a mentor with 49 of the 50 training hours',
    program: 'cm',
    mentor: { trainingHours: 49 },
  },
  {
    ruleId: 'CM-1',
    code: 'mentor_training_incomplete',
    what: 'a mentor without completed training',
    program: 'cm',
    mentor: { trainingCompletedAt: null },
  },
  {
    ruleId: 'CM-3',
    code: 'participant_too_young',
    what: 'a participant of 15',
    program: 'cm',
    person: { birthDate: '2010-06-01' },
  },
  {
    ruleId: 'RAMP-1',
    code: 'consent_missing',
    what: 'a citizen without consent',
    program: 'rampen',
    person: { consentGiven: false },
  },
];

let serial = 0;
/** The case's participant (eligible at first) and the mentor to propose, with the rule broken. */
async function arrange(c: Case, label: string) {
  serial += 1;
  const p = await participant(h, a, programs[c.program], `${label} ${serial}`);
  const over = c.mentor?.familyOf ? { ...c.mentor, familyOf: [p.id] } : (c.mentor ?? {});
  const proposed = await mentor(c.program, `Proposed ${serial}`, over);
  const breakPerson = async () => {
    if (c.person) await edit(coordinator, `/api/v1/participants/${p.id}`, c.person);
  };
  return { p, proposed, breakPerson };
}

const mentorshipsOf = (participantId: string) =>
  h.handle.db.select().from(mentorships).where(eq(mentorships.participantId, participantId));

describe('a proposal that breaks a hard rule is refused at once, naming the rule', () => {
  for (const c of CASES) {
    it(`${c.ruleId}: ${c.what} cannot be proposed from the participant's file; nothing is written`, async () => {
      const { p, proposed, breakPerson } = await arrange(c, 'File');
      await breakPerson();
      const res = await coordinator.post('/api/v1/mentorships', {
        participantId: p.id,
        mentorId: proposed.id,
      });
      expectRefusal(res, c.ruleId, c.code);
      expect(res.json().detail).toContain(c.ruleId);
      expect(await mentorshipsOf(p.id)).toEqual([]);
      const audit = await h.handle.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'mentorship.create'), eq(auditEvents.subjectId, p.id)));
      expect(audit).toEqual([]);
      // One rule, every path: the candidate panel leaves the mentor out for the same rule.
      const candidates = (await coordinator.get(`/api/v1/participants/${p.id}/candidates`)).json();
      const left = candidates.excluded.find((e: { mentorId: string }) => e.mentorId === proposed.id);
      expect(left.refusals.map((r: { ruleId: string; code: string }) => `${r.ruleId} ${r.code}`)).toContain(
        `${c.ruleId} ${c.code}`,
      );
    });

    it(`${c.ruleId}, MOH-16: ${c.what} cannot be proposed for a mentorship waiting for a new mentor`, async () => {
      const { p, proposed, breakPerson } = await arrange(c, 'Waiting');
      const first = await mentor(c.program, `First ${serial}`);
      const { id } = await started(coordinator, p.id, first.id, GOAL_DOMAINS[c.program]);
      expect((await act(coordinator, id, 'change-mentor', { reason: 'mentor_left' })).statusCode).toBe(200);
      await breakPerson();
      const before = (await file(coordinator, id)).json();
      const res = await act(coordinator, id, 'match', { mentorId: proposed.id });
      expectRefusal(res, c.ruleId, c.code);
      const after = (await file(coordinator, id)).json();
      expect(after).toMatchObject({ state: 'awaiting_match', mentor: null, version: before.version });
      expect(after.history).toHaveLength(before.history.length);
    });

    it(`${c.ruleId}, MOH-16: ${c.what} cannot replace the mentor on a change of mentor; the current mentor stays`, async () => {
      const { p, proposed, breakPerson } = await arrange(c, 'Changing');
      const first = await mentor(c.program, `Current ${serial}`);
      const { id } = await started(coordinator, p.id, first.id, GOAL_DOMAINS[c.program]);
      await breakPerson();
      const before = (await file(coordinator, id)).json();
      const res = await act(coordinator, id, 'change-mentor', { reason: 'mismatch', mentorId: proposed.id });
      expectRefusal(res, c.ruleId, c.code);
      const after = (await file(coordinator, id)).json();
      expect(after).toMatchObject({ state: before.state, mentor: { id: first.id }, version: before.version });
      expect(after.assignments).toMatchObject([{ mentor: { id: first.id }, toOn: null }]);
    });
  }

  it('MOH-10: a mentor who turns 21 today may be proposed', async () => {
    const p = await participant(h, a, programs.il, 'Birthday Match');
    const m = await mentor('il', 'Birthday Mentor', { birthDate: '2005-03-01' });
    const res = await coordinator.post('/api/v1/mentorships', { participantId: p.id, mentorId: m.id });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('MOH-10, MOH-11, MOH-13: every rule the pair breaks is listed, the first one names the problem', async () => {
    const p = await participant(h, a, programs.il, 'Many Rules');
    const m = await mentor('il', 'Many Rules Mentor', {
      birthDate: '2006-01-01',
      trainingCompletedAt: null,
      languages: [{ code: 'ru', level: 5 }],
    });
    const res = await coordinator.post('/api/v1/mentorships', { participantId: p.id, mentorId: m.id });
    expectRefusal(res, 'MOH-10', 'mentor_too_young');
    expect(res.json().params.refusals.map((r: { ruleId: string }) => r.ruleId)).toEqual([
      'MOH-10',
      'MOH-13',
      'MOH-11',
    ]);
  });

  it('MOH-11: the refusal is the rule’s own sentence, as the candidate panel shows it', async () => {
    const p = await participant(h, a, programs.il, 'Hebrew Speaker');
    const m = await mentor('il', 'Arabic Speaker', { languages: [{ code: 'ar', level: 5 }] });
    const res = await coordinator.post('/api/v1/mentorships', { participantId: p.id, mentorId: m.id });
    expectRefusal(res, 'MOH-11', 'no_shared_language');
    expect(res.json().detail).toBe(
      'Not allowed by program rule MOH-11: the mentor and the participant share no language.',
    );
  });
});
