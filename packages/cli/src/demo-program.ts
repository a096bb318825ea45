/**
 * One demo program from its description: the people (mentors and participants
 * as the program's own country and audience would have them), the stories of
 * their mentorships, and a year of contacts in the program's rhythm. Rows are
 * gathered in memory (`DemoRows`) and written by the caller in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Place, Slot } from '@tandem/db';
import { addDays, addMonths, type LocalDate, type Policy, type PresetId } from '@tandem/domain';
import { type WeekPlanner, writeContacts } from './demo-contacts';
import type { DemoRandom } from './demo-random';
import type { DemoRows } from './demo-rows';
import { at, type DemoProgram, Story } from './demo-story';

interface PersonSpec {
  key: string;
  name: string;
  born: LocalDate;
  gender: 'female' | 'male';
  /** Sector or community (MOH-11): general, haredi, arab… */
  sector?: string;
  /** Language code and level 1 (basic) to 5 (native). */
  languages: [string, number][];
  place: Place;
  interests: string[];
  availability: Slot[];
}

export interface MentorSpec extends PersonSpec {
  /** SIVA-1: social worker, psychologist, teacher, career specialist… */
  profession?: string;
  radiusKm?: number;
  capacity: number;
  strengths: string[];
  /** Months ago the required training was completed (MOH-13, CM-1); null = still in training. */
  trainedMonthsAgo: number | null;
  trainingHours?: number;
  /** RAMP-4: briefed on the project's aim (default: yes, a week after joining). */
  briefed?: boolean;
  /** No longer mentoring (left the program). */
  inactive?: boolean;
  /** The demo mentor login is this mentor. */
  login?: boolean;
}

export interface ParticipantSpec extends PersonSpec {
  needs: string[];
  preferredMentorGender?: 'female' | 'male' | 'any';
  modePreference?: 'in_person' | 'virtual' | 'either';
  /** MUNI-5 target group. */
  targetGroup?: string;
  /** RAMP-1: documented consent to having a mentor (default yes). */
  consent?: boolean;
  /** Days since intake, for people without a mentorship yet. */
  intakeDaysAgo?: number;
  /** The demo participant login is this person. */
  login?: boolean;
}

/** What a program's stories are written with. */
export interface Cast {
  readonly p: DemoProgram;
  mentor(key: string): string;
  story(participantKey: string): Story;
  /** A day `n` days before the load day. */
  ago(n: number): LocalDate;
  /** The same calendar day `n` months before the load day. */
  monthsAgo(n: number): LocalDate;
  /** The mentor's login, when that mentor has one, else the coordinator: who rates goals. */
  raterOf(story: Story): (on: LocalDate) => string;
}

export interface ProgramSpec {
  /** Seed of this program's random choices: the same seed, the same demo. */
  seed: number;
  org: { name: string; slug: string; authPolicy?: 'standard' | 'strict' };
  site: string;
  program: { name: string; presetId: PresetId };
  mentors: readonly MentorSpec[];
  participants: readonly ParticipantSpec[];
  /** The program's mentorships, told step by step; each story gets its plan. */
  stories(cast: Cast): Story[];
  /** How the program's contacts fall in a week. */
  week: WeekPlanner;
}

export interface DemoLogins {
  coordinatorId: string;
  committeeId: string;
  mentorUserId: string;
  participantUserId: string;
}

export interface ProgramContext {
  orgId: string;
  programId: string;
  policy: Policy;
  today: LocalDate;
  now: Date;
  rows: DemoRows;
  rng: DemoRandom;
  seal(column: string, rowId: string, text: string): string;
}

/** Fill one program: people first, then their stories, then a year of contacts. */
export function fillProgram(spec: ProgramSpec, ctx: ProgramContext, logins: DemoLogins) {
  const mentorIds = new Map<string, string>();
  const mentorUser = new Map<string, string>();
  for (const m of spec.mentors) {
    const id = randomUUID();
    mentorIds.set(m.key, id);
    if (m.login) mentorUser.set(id, logins.mentorUserId);
  }
  const p: DemoProgram = {
    ...ctx,
    coordinatorId: logins.coordinatorId,
    committeeId: logins.committeeId,
    loggerOf: (mentorId) => mentorUser.get(mentorId) ?? logins.coordinatorId,
  };
  const participantIds = new Map(spec.participants.map((x) => [x.key, randomUUID()]));
  const need = <T>(map: Map<string, T>, key: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`demo ${spec.org.slug}: no person "${key}"`);
    return v;
  };
  const cast: Cast = {
    p,
    mentor: (key) => need(mentorIds, key),
    story: (key) => new Story(p, need(participantIds, key)),
    ago: (n) => addDays(p.today, -n),
    monthsAgo: (n) => addMonths(p.today, -n),
    raterOf: (story) => (on) => {
      const s = story.stretches.find((x) => x.from <= on && (x.to === null || on < x.to));
      return p.loggerOf(s?.mentorId ?? '');
    },
  };
  const stories = spec.stories(cast);
  writeContacts(p, stories, spec.week);

  const firstStep = new Map<string, LocalDate>();
  for (const t of p.rows.transitions) {
    const s = stories.find((x) => x.id === t.mentorshipId);
    if (!s) continue;
    const known = firstStep.get(s.participantId);
    if (!known || t.happenedOn < known) firstStep.set(s.participantId, t.happenedOn);
  }

  for (const m of spec.mentors) {
    const joined = addDays(p.today, -1200 - ctx.rng.int(0, 200));
    const id = need(mentorIds, m.key);
    p.rows.mentors.push({
      ...profile(m),
      orgId: p.orgId,
      id,
      programId: p.programId,
      userId: m.login ? logins.mentorUserId : null,
      profession: m.profession ?? null,
      travelRadiusKm: m.radiusKm ?? 10,
      capacity: m.capacity,
      domainStrengths: m.strengths,
      trainingCompletedAt: m.trainedMonthsAgo === null ? null : addMonths(p.today, -m.trainedMonthsAgo),
      trainingHours: m.trainingHours ?? 0,
      briefedAt: m.briefed === false ? null : at(p, addDays(joined, 7), 10),
      active: !m.inactive,
      createdAt: at(p, joined, 9),
      updatedAt: at(p, joined, 9),
    });
  }
  for (const x of spec.participants) {
    const id = need(participantIds, x.key);
    const first = firstStep.get(id);
    const intake = first ? addDays(first, -ctx.rng.int(7, 30)) : addDays(p.today, -(x.intakeDaysAgo ?? 10));
    p.rows.participants.push({
      ...profile(x),
      orgId: p.orgId,
      id,
      programId: p.programId,
      userId: x.login ? logins.participantUserId : null,
      preferredMentorGender: x.preferredMentorGender ?? 'any',
      modePreference: x.modePreference ?? 'either',
      needs: x.needs,
      targetGroup: x.targetGroup ?? null,
      consentGivenAt: x.consent === false ? null : at(p, intake, 11),
      createdAt: at(p, intake, 10),
      updatedAt: at(p, intake, 10),
    });
  }
  return { stories };
}

const profile = (x: PersonSpec) => ({
  displayName: x.name,
  birthDate: x.born,
  gender: x.gender,
  sector: x.sector ?? null,
  languages: x.languages.map(([code, level]) => ({ code, level })),
  place: x.place,
  interests: x.interests,
  availability: x.availability,
});

/** Weekly hour slots: `days` (0 = Sunday) × `hours`, in the program's zone. */
export const slots = (days: number[], hours: number[]): Slot[] =>
  days.flatMap((day) => hours.map((hour) => ({ day, hour })));
