import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { programs } from './programs';
import { users } from './users';

/** A language someone speaks, 1 (basic) to 5 (native). */
export type LanguageSkill = { code: string; level: number };
export type Place = { city: string; lat: number; lon: number };
/** Weekly availability as hour slots in the program's time zone: day 0 = Sunday … 6 = Saturday. */
export type Slot = { day: number; hour: number };

const profileColumns = {
  displayName: text('display_name').notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  gender: text('gender').notNull().default('unspecified'),
  /** Sector/culture (MOH-11), e.g. general, haredi, arab. */
  sector: text('sector'),
  languages: jsonb('languages').$type<LanguageSkill[]>().notNull().default([]),
  place: jsonb('place').$type<Place | null>(),
  interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
  availability: jsonb('availability').$type<Slot[]>().notNull().default([]),
};

/** The person a program accompanies. Health data: every column is sensitive. */
export const participants = pgTable(
  'participants',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    programId: uuid('program_id').notNull(),
    /** Their own login for the participant portal, if any. */
    userId: uuid('user_id').references(() => users.id),
    ...profileColumns,
    preferredMentorGender: text('preferred_mentor_gender').notNull().default('any'),
    modePreference: text('mode_preference').notNull().default('either'),
    /** Support domains the person wants help with (MOH-2, MUNI-1). */
    needs: text('needs').array().notNull().default(sql`'{}'::text[]`),
    /** MUNI-5 target group. */
    targetGroup: text('target_group'),
    /** RAMP-1: when the person agreed to have a mentor; null = not (yet). */
    consentGivenAt: timestamp('consent_given_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.programId], foreignColumns: [programs.orgId, programs.id] }),
    check('participants_mode_preference', sql`${t.modePreference} in ('in_person', 'virtual', 'either')`),
  ],
);

/** A trained mentor: a professional, a student or a volunteer. */
export const mentors = pgTable(
  'mentors',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    programId: uuid('program_id').notNull(),
    /** The mentor's login: a mentor sees the caseload of this record only (TEN-03). */
    userId: uuid('user_id').references(() => users.id),
    ...profileColumns,
    /** SIVA-1: social worker, psychologist, teacher, career specialist… */
    profession: text('profession'),
    travelRadiusKm: real('travel_radius_km').notNull().default(10),
    /** Maximum active mentees at once. */
    capacity: integer('capacity').notNull().default(2),
    domainStrengths: text('domain_strengths').array().notNull().default(sql`'{}'::text[]`),
    /** MOH-13 / CM-1: required training completed on this date; null = not yet. */
    trainingCompletedAt: date('training_completed_at', { mode: 'string' }),
    trainingHours: real('training_hours').notNull().default(0),
    /** RAMP-4: briefed on the project's aim before meeting the citizen. */
    briefedAt: timestamp('briefed_at', { withTimezone: true }),
    /** MOH-12: participants this mentor declared as family. */
    familyOf: uuid('family_of').array().notNull().default(sql`'{}'::uuid[]`),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.programId], foreignColumns: [programs.orgId, programs.id] }),
    index('mentors_org_user').on(t.orgId, t.userId),
    check('mentors_capacity', sql`${t.capacity} >= 0`),
  ],
);
