import { z } from 'zod';
import { safeText, zId } from './common';

/** ISO calendar date, e.g. 1990-04-17. */
export const zDate = z.iso.date();
const zCode = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lower-case code')
  .max(40);

export const zLanguageSkill = z.strictObject({
  /** ISO 639-1 code: he, ar, en, da, lv, ru, am … */
  code: z.string().regex(/^[a-z]{2,3}$/),
  level: z.number().int().min(1).max(5),
});
export const zPlace = z.strictObject({
  city: safeText({ max: 80 }),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
/** An hour of the week in the program's time zone: day 0 = Sunday … 6 = Saturday. */
export const zSlot = z.strictObject({
  day: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
});
export const zGender = z.enum(['female', 'male', 'other', 'unspecified']);

/** The fields every person record has, without defaults: a PATCH names only what changes. */
const profileFields = {
  displayName: safeText({ max: 120 }),
  birthDate: zDate,
  gender: zGender,
  sector: zCode.nullable(),
  languages: z.array(zLanguageSkill).max(10),
  place: zPlace.nullable(),
  interests: z.array(zCode).max(30),
  availability: z.array(zSlot).max(168),
};
const profileDefaults = {
  gender: 'unspecified',
  sector: null,
  languages: [],
  place: null,
  interests: [],
  availability: [],
} as const;

type Defaulted<S extends z.ZodRawShape, D> = {
  [K in keyof S]: K extends keyof D ? z.ZodDefault<S[K]> : S[K];
};
/**
 * The create shape: the same fields with defaults for what an intake may leave
 * out. Kept apart from the PATCH shape on purpose: zod applies a default even
 * inside `.partial()`, so a patch built from these would reset every field it
 * does not name (an edit of the sector would withdraw consent).
 */
function withDefaults<S extends z.ZodRawShape, D extends { [K in keyof S]?: unknown }>(
  shape: S,
  defaults: D,
): Defaulted<S, D> {
  return Object.fromEntries(
    Object.entries(shape).map(([k, v]) => [
      k,
      k in defaults ? (v as z.ZodType).default(defaults[k as keyof D] as never) : v,
    ]),
  ) as Defaulted<S, D>;
}

const participantFields = {
  ...profileFields,
  preferredMentorGender: z.enum(['female', 'male', 'any']),
  modePreference: z.enum(['in_person', 'virtual', 'either']),
  /** Support domains the person wants help with, from the program's list (MOH-2, MUNI-1). */
  needs: z.array(zCode).max(20),
  /** MUNI-5. */
  targetGroup: zCode.nullable(),
  /** RAMP-1: the person agreed to have a mentor. */
  consentGiven: z.boolean(),
};
export const zParticipantCreate = z.strictObject({
  programId: zId,
  ...withDefaults(participantFields, {
    ...profileDefaults,
    preferredMentorGender: 'any',
    modePreference: 'either',
    needs: [],
    targetGroup: null,
    consentGiven: false,
  }),
});
export type ParticipantCreate = z.input<typeof zParticipantCreate>;
export const zParticipantPatch = z.strictObject(participantFields).partial();

export const zParticipant = z.object({
  id: zId,
  programId: zId,
  displayName: z.string(),
  birthDate: z.string(),
  gender: zGender,
  sector: z.string().nullable(),
  languages: z.array(z.object({ code: z.string(), level: z.number() })),
  place: z.object({ city: z.string(), lat: z.number(), lon: z.number() }).nullable(),
  interests: z.array(z.string()),
  availability: z.array(z.object({ day: z.number(), hour: z.number() })),
  preferredMentorGender: z.string(),
  modePreference: z.string(),
  needs: z.array(z.string()),
  targetGroup: z.string().nullable(),
  consentGivenAt: z.string().nullable(),
  /** The open mentorship, if any (none = waiting for a mentor). */
  mentorshipId: zId.nullable(),
  mentorshipState: z.string().nullable(),
  version: z.number().int(),
});
export type Participant = z.infer<typeof zParticipant>;
export const zParticipantList = z.object({ items: z.array(zParticipant) });

const mentorFields = {
  userId: zId.nullable(),
  ...profileFields,
  /** SIVA-1: social worker, psychologist, teacher, career specialist… */
  profession: zCode.nullable(),
  travelRadiusKm: z.number().min(0).max(500),
  /** Mentees the mentor can hold at once. */
  capacity: z.number().int().min(0).max(50),
  domainStrengths: z.array(zCode).max(20),
  /** MOH-13, CM-1. */
  trainingCompletedOn: zDate.nullable(),
  trainingHours: z.number().min(0).max(10_000),
  /** MOH-12: participants the mentor declared as family. */
  familyOf: z.array(zId).max(20),
  active: z.boolean(),
};
export const zMentorCreate = z.strictObject({
  programId: zId,
  ...withDefaults(mentorFields, {
    ...profileDefaults,
    userId: null,
    profession: null,
    travelRadiusKm: 10,
    capacity: 2,
    domainStrengths: [],
    trainingCompletedOn: null,
    trainingHours: 0,
    familyOf: [],
    active: true,
  }),
});
export type MentorCreate = z.input<typeof zMentorCreate>;
export const zMentorPatch = z.strictObject(mentorFields).partial();
export const zMentor = z.object({
  id: zId,
  programId: zId,
  userId: zId.nullable(),
  displayName: z.string(),
  birthDate: z.string(),
  gender: zGender,
  sector: z.string().nullable(),
  languages: z.array(z.object({ code: z.string(), level: z.number() })),
  place: z.object({ city: z.string(), lat: z.number(), lon: z.number() }).nullable(),
  interests: z.array(z.string()),
  availability: z.array(z.object({ day: z.number(), hour: z.number() })),
  profession: z.string().nullable(),
  travelRadiusKm: z.number(),
  capacity: z.number().int(),
  /** Open mentorships the mentor holds now: proposed, in service or suspended. */
  activeMentees: z.number().int(),
  /**
   * Mentees held beyond the capacity, 0 within it: the capacity may be lowered
   * below the load to stop new matches (MATCH-CAPACITY); the mentees stay.
   */
  overCapacityBy: z.number().int().min(0),
  domainStrengths: z.array(z.string()),
  trainingCompletedOn: z.string().nullable(),
  trainingHours: z.number(),
  familyOf: z.array(zId),
  active: z.boolean(),
  /** RAMP-4: the start of the day the mentor was briefed on the project's aim, or null. */
  briefedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Mentor = z.infer<typeof zMentor>;
export const zMentorList = z.object({ items: z.array(zMentor) });

/** RAMP-4: the day the mentor was briefed on the project's aim; null withdraws a record made in error. */
export const zMentorBriefing = z.strictObject({ briefedOn: zDate.nullable() });

/** A login of the organisation with the mentor role, for linking a registry record to it. */
export const zMentorLogin = z.object({
  userId: zId,
  displayName: z.string(),
  email: z.string().nullable(),
  /** The registry records already linked to this login (one per program it mentors in). */
  mentorIds: z.array(zId),
});
export const zMentorLoginList = z.object({ items: z.array(zMentorLogin) });
export const zIdParams = z.strictObject({ id: zId });
