import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';

/** A program runs one policy preset (P1–P5 of the requirements) with validated overrides. */
export const programs = pgTable(
  'programs',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    presetId: text('preset_id').notNull(),
    /** IANA zone; weeks, trial ends and durations are computed in it. */
    timeZone: text('time_zone').notNull(),
    policyOverrides: jsonb('policy_overrides').notNull().default({}),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
