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

const profile = {
  displayName: safeText({ max: 120 }),
  birthDate: zDate,
  gender: zGender.default('unspecified'),
  sector: zCode.nullable().default(null),
  languages: z.array(zLanguageSkill).max(10).default([]),
  place: zPlace.nullable().default(null),
  interests: z.array(zCode).max(30).default([]),
  availability: z.array(zSlot).max(168).default([]),
};

export const zParticipantCreate = z.strictObject({
  programId: zId,
  ...profile,
  preferredMentorGender: z.enum(['female', 'male', 'any']).default('any'),
  modePreference: z.enum(['in_person', 'virtual', 'either']).default('either'),
  needs: z.array(zCode).max(20).default([]),
  targetGroup: zCode.nullable().default(null),
  consentGiven: z.boolean().default(false),
});
export type ParticipantCreate = z.input<typeof zParticipantCreate>;
export const zParticipantPatch = zParticipantCreate.omit({ programId: true }).partial().strict();

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

export const zMentorCreate = z.strictObject({
  programId: zId,
  userId: zId.nullable().default(null),
  ...profile,
  profession: zCode.nullable().default(null),
  travelRadiusKm: z.number().min(0).max(500).default(10),
  capacity: z.number().int().min(0).max(50).default(2),
  domainStrengths: z.array(zCode).max(20).default([]),
  trainingCompletedOn: zDate.nullable().default(null),
  trainingHours: z.number().min(0).max(10_000).default(0),
  familyOf: z.array(zId).max(20).default([]),
  active: z.boolean().default(true),
});
export const zMentorPatch = zMentorCreate.omit({ programId: true }).partial().strict();

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
  activeMentees: z.number().int(),
  domainStrengths: z.array(z.string()),
  trainingCompletedOn: z.string().nullable(),
  trainingHours: z.number(),
  familyOf: z.array(zId),
  active: z.boolean(),
  version: z.number().int(),
});
export type Mentor = z.infer<typeof zMentor>;
export const zMentorList = z.object({ items: z.array(zMentor) });
export const zIdParams = z.strictObject({ id: zId });
