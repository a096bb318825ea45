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
import { organisations } from './organisations';
import { mentors, participants } from './people';
import { programs } from './programs';

/**
 * One participant with one mentor over time. A rematch closes this one and opens
 * a new one pointing back at it (MOH-16), so the whole history is kept.
 */
export const mentorships = pgTable(
  'mentorships',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    programId: uuid('program_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    mentorId: uuid('mentor_id').notNull(),
    state: text('state').notNull().default('awaiting_match'),
    matchApprovedBy: uuid('match_approved_by'),
    matchApprovedAt: timestamp('match_approved_at', { withTimezone: true }),
    startedOn: date('started_on', { mode: 'string' }),
    plannedEndOn: date('planned_end_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    closeReason: text('close_reason'),
    previousMentorshipId: uuid('previous_mentorship_id'),
    /** How the mentorship was proposed: a coordinator by hand, or a cohort allocation. */
    source: text('source').notNull().default('manual'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.programId], foreignColumns: [programs.orgId, programs.id] }),
    foreignKey({
      columns: [t.orgId, t.participantId],
      foreignColumns: [participants.orgId, participants.id],
    }),
    foreignKey({ columns: [t.orgId, t.mentorId], foreignColumns: [mentors.orgId, mentors.id] }),
    index('mentorships_org_mentor').on(t.orgId, t.mentorId, t.state),
    index('mentorships_org_participant').on(t.orgId, t.participantId),
    // REL-04: at most one open mentorship per participant, whatever races the API.
    uniqueIndex('mentorships_one_open_per_participant')
      .on(t.orgId, t.participantId)
      .where(sql`${t.state} <> 'closed'`),
    check(
      'mentorships_state',
      sql`${t.state} in ('awaiting_match', 'trial', 'active', 'suspended', 'closed')`,
    ),
  ],
);
