import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { mentorships } from './mentorships';
import { organisations } from './organisations';

/** The rehabilitation plan of a mentorship (MOH-1): its goals are what the work is for. */
export const plans = pgTable(
  'plans',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    mentorshipId: uuid('mentorship_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.mentorshipId], foreignColumns: [mentorships.orgId, mentorships.id] }),
    // One plan per mentorship, even when two coordinators add a first goal at once (REL-04).
    uniqueIndex('plans_one_per_mentorship').on(t.orgId, t.mentorshipId),
  ],
);

/** A goal, tagged with support domains (MOH-2, MUNI-1, RAMP-3). */
export const goals = pgTable(
  'goals',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    title: text('title').notNull(),
    domains: text('domains').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.planId], foreignColumns: [plans.orgId, plans.id] }),
    index('goals_org_plan').on(t.orgId, t.planId),
    check('goals_status', sql`${t.status} in ('open', 'achieved', 'dropped')`),
  ],
);

/** Progress over time: one rating per goal per date, appended, never edited. */
export const goalRatings = pgTable(
  'goal_ratings',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    goalId: uuid('goal_id').notNull(),
    ratedOn: date('rated_on', { mode: 'string' }).notNull(),
    rating: integer('rating').notNull(),
    ratedBy: uuid('rated_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.goalId], foreignColumns: [goals.orgId, goals.id] }),
    index('goal_ratings_org_goal').on(t.orgId, t.goalId, t.ratedOn),
    check('goal_ratings_rating', sql`${t.rating} between 1 and 5`),
  ],
);
