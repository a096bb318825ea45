import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { participants } from './people';

/**
 * A participant's own daily check-in (SIVA-2): wellbeing 1–5 and an optional
 * short note, sealed like contact notes (CRY-01). At most one per
 * program-calendar day, whatever races the API; edited the same day only.
 */
export const checkIns = pgTable(
  'check_ins',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    participantId: uuid('participant_id').notNull(),
    /** The day in the program's time zone the check-in belongs to. */
    day: date('day', { mode: 'string' }).notNull(),
    wellbeing: integer('wellbeing').notNull(),
    /** Sealed (AES-256-GCM) free text; null when none was written. */
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.participantId],
      foreignColumns: [participants.orgId, participants.id],
    }),
    // SIVA-2: one check-in per person per program day (also the index of their history).
    uniqueIndex('check_ins_one_per_day').on(t.orgId, t.participantId, t.day),
    check('check_ins_wellbeing', sql`${t.wellbeing} between 1 and 5`),
  ],
);
