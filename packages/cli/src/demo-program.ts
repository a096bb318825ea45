/**
 * One demo program from its description: the people (mentors and participants
 * as the program's own country and audience would have them), the stories of
 * their mentorships, and a year of contacts in the program's rhythm. Rows are
 * gathered in memory (`DemoRows`) and written by the caller in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Place, Slot } from '@tandem/db';
import { addDays, addMonths, type LocalDate, type Locale, type Policy, type PresetId } from '@tandem/domain';
import { newSignInName } from '@tandem/server/modules/auth/identifiers';
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
  /**
   * Invited to the portal without an email address (decision record 011): a
   * printed sign-in name and codes, the portal in this language.
   */
  portal?: Locale;
  /** `tandem start` prints a fresh one-time code for this person next to the demo logins. */
  printedCode?: boolean;
}

/** What a program's stories are written with. */
export interface Cast {
  readonly p: DemoProgram;
  readonly logins: DemoLogins;
  mentor(key: string): string;
  story(participantKey: string): Story;
  participant(key: string): string;
  /** The participant's mentorship as told by `stories` (for what happens between the meetings). */
  storyOf(participantKey: string): Story;
  /** The participant's own login (the demo participant, or a portal invitation), if they have one. */
  userOf(participantKey: string): string | null;
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
  /**
   * What happens between the meetings, once the stories are told: check-ins,
   * tasks and their photos (SIVA-2..4), groups (MOH-8), signs of risk (CM-4).
   */
  between?(cast: Cast, stories: readonly Story[]): void;
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
  const portalUsers = new Map(
    spec.participants.map((x) => [
      x.key,
      x.login ? logins.participantUserId : x.portal ? randomUUID() : null,
    ]),
  );
  let told: Story[] = [];
  const need = <T>(map: Map<string, T>, key: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`demo ${spec.org.slug}: no person "${key}"`);
    return v;
  };
  const cast: Cast = {
    p,
    logins,
    mentor: (key) => need(mentorIds, key),
    story: (key) => new Story(p, need(participantIds, key)),
    participant: (key) => need(participantIds, key),
    storyOf: (key) => {
      const id = need(participantIds, key);
      const found = told.findLast((s) => s.participantId === id);
      if (!found) throw new Error(`demo ${spec.org.slug}: "${key}" has no mentorship`);
      return found;
    },
    userOf: (key) => portalUsers.get(key) ?? null,
    ago: (n) => addDays(p.today, -n),
    monthsAgo: (n) => addMonths(p.today, -n),
    raterOf: (story) => (on) => {
      const s = story.stretches.find((x) => x.from <= on && (x.to === null || on < x.to));
      return p.loggerOf(s?.mentorId ?? '');
    },
  };
  const stories = spec.stories(cast);
  told = stories;
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
      userId: portalUsers.get(x.key) ?? null,
      preferredMentorGender: x.preferredMentorGender ?? 'any',
      modePreference: x.modePreference ?? 'either',
      needs: x.needs,
      targetGroup: x.targetGroup ?? null,
      consentGivenAt: x.consent === false ? null : at(p, intake, 11),
      createdAt: at(p, intake, 10),
      updatedAt: at(p, intake, 10),
    });
    if (x.portal && !x.login)
      invite(p, need(portalUsers, x.key)!, x.name, x.portal, addDays(first ?? intake, 3));
  }
  spec.between?.(cast, stories);
  return { stories };
}

/**
 * A participant's portal login as an invitation makes it: no email, a random
 * printed sign-in name, no password until they choose one, a participant
 * membership (decision record 011). Their codes are printed later, by a
 * coordinator — or, for the demo's printed login, at every start.
 */
function invite(p: DemoProgram, userId: string, name: string, locale: Locale, on: LocalDate) {
  const when = at(p, on, 11);
  p.rows.users.push({
    id: userId,
    email: null,
    signInName: newSignInName(),
    displayName: name,
    passwordHash: null,
    locale,
    createdAt: when,
    updatedAt: when,
  });
  p.rows.memberships.push({ orgId: p.orgId, id: randomUUID(), userId, role: 'participant', createdAt: when });
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

/** Languages and levels 1 (basic) to 5 (native) as the intake records them: `speaks({ he: 5, en: 4 })`. */
export const speaks = (levels: Record<string, number>): [string, number][] => Object.entries(levels);

/** Weekly hour slots: `days` (0 = Sunday) × `hours`, in the program's zone. */
export const slots = (days: number[], hours: number[]): Slot[] =>
  days.flatMap((day) => hours.map((hour) => ({ day, hour })));
