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
 * One participant's service in a program. The mentor may change over time (a
 * rematch, MOH-16): the current one is `mentor_id`, every one is kept in
 * `mentor_assignments`, and the whole history — plan, contacts, approvals —
 * stays on this one record. Columns mirror the domain's `Mentorship` facts.
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
    /** Current (or proposed, while awaiting a match) mentor; null while waiting for one. */
    mentorId: uuid('mentor_id'),
    state: text('state').notNull().default('awaiting_match'),
    matchApprovedBy: uuid('match_approved_by'),
    matchApprovedRole: text('match_approved_role'),
    matchApprovedOn: date('match_approved_on', { mode: 'string' }),
    startedOn: date('started_on', { mode: 'string' }),
    trialStartedOn: date('trial_started_on', { mode: 'string' }),
    trialReviewedOn: date('trial_reviewed_on', { mode: 'string' }),
    trialOutcome: text('trial_outcome'),
    plannedEndOn: date('planned_end_on', { mode: 'string' }),
    awaitingSince: date('awaiting_since', { mode: 'string' }),
    mode: text('mode').notNull().default('in_person'),
    virtualSince: date('virtual_since', { mode: 'string' }),
    virtualApprovedUntil: date('virtual_approved_until', { mode: 'string' }),
    hospitalizedFrom: date('hospitalized_from', { mode: 'string' }),
    expectedDischargeOn: date('expected_discharge_on', { mode: 'string' }),
    dischargedOn: date('discharged_on', { mode: 'string' }),
    suspensionReason: text('suspension_reason'),
    suspendedSince: date('suspended_since', { mode: 'string' }),
    suspendedFrom: text('suspended_from'),
    /** RAMP-5: contact interval agreed by participant and mentor, in days. */
    agreedEveryDays: integer('agreed_every_days'),
    closedOn: date('closed_on', { mode: 'string' }),
    closeReason: text('close_reason'),
    /** How it was proposed: by a coordinator, or by a cohort allocation. */
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
    check('mentorships_mode', sql`${t.mode} in ('in_person', 'virtual')`),
    check(
      'mentorships_mentor_when_serving',
      sql`${t.state} not in ('trial', 'active') or ${t.mentorId} is not null`,
    ),
  ],
);

/** Every mentor a mentorship has had, with the days they served (MOH-16: history is kept). */
export const mentorAssignments = pgTable(
  'mentor_assignments',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    mentorshipId: uuid('mentorship_id').notNull(),
    mentorId: uuid('mentor_id').notNull(),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    toOn: date('to_on', { mode: 'string' }),
    endReason: text('end_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.mentorshipId], foreignColumns: [mentorships.orgId, mentorships.id] }),
    foreignKey({ columns: [t.orgId, t.mentorId], foreignColumns: [mentors.orgId, mentors.id] }),
    index('mentor_assignments_org_mentorship').on(t.orgId, t.mentorshipId),
    // A mentorship has at most one current mentor: one assignment without an end.
    uniqueIndex('mentor_assignments_one_open').on(t.orgId, t.mentorshipId).where(sql`${t.toOn} is null`),
  ],
);

/**
 * The lifecycle as an append-only log: one row per command on a mentorship
 * (proposal, start, trial review, suspension, extension…). The file shows it as
 * the history, and a person's service periods across mentorships are read from
 * it for the total cap (MOH-6): time in trial or active is service, time
 * suspended or waiting for a mentor is not. `reason` is a coded value; `note` is
 * case-file text, shown to staff only (TEN-06) and never copied to the audit
 * log (AUD-05).
 */
export const mentorshipTransitions = pgTable(
  'mentorship_transitions',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    mentorshipId: uuid('mentorship_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    action: text('action').notNull(),
    /** Null for the proposal that created the mentorship. */
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    /** The day in the program's time zone; service periods are counted in these days. */
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** The mentorship's version this step produced: orders the steps, one step per version. */
    version: integer('version').notNull(),
    actorUserId: uuid('actor_user_id').notNull(),
    mentorId: uuid('mentor_id'),
    reason: text('reason'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.mentorshipId], foreignColumns: [mentorships.orgId, mentorships.id] }),
    foreignKey({
      columns: [t.orgId, t.participantId],
      foreignColumns: [participants.orgId, participants.id],
    }),
    uniqueIndex('mentorship_transitions_org_mentorship_version').on(t.orgId, t.mentorshipId, t.version),
    index('mentorship_transitions_org_participant').on(t.orgId, t.participantId, t.at),
    check(
      'mentorship_transitions_to_state',
      sql`${t.toState} in ('awaiting_match', 'trial', 'active', 'suspended', 'closed')`,
    ),
  ],
);
