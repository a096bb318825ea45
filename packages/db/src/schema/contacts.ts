import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { mentorships } from './mentorships';
import { organisations } from './organisations';

/**
 * The one contact log: everything between mentor and participant — a visit, a
 * video call, a phone call, a message, an accompaniment — in one table, never
 * two parallel logs. `note` is readable only by the mentor, coordinators and
 * admins (TEN-06).
 */
export const contacts = pgTable(
  'contacts',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    mentorshipId: uuid('mentorship_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    mentorId: uuid('mentor_id').notNull(),
    loggedBy: uuid('logged_by').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    mode: text('mode').notNull(),
    reached: boolean('reached').notNull().default(true),
    domains: text('domains').array().notNull().default(sql`'{}'::text[]`),
    wellbeing: integer('wellbeing'),
    /** MOH-3: hours that went to a special activity. */
    specialActivity: boolean('special_activity').notNull().default(false),
    /** MUNI-2: authority meeting, letters, doctor… */
    accompanimentType: text('accompaniment_type'),
    note: text('note'),
    /** Over a weekly cap: the reason recorded and the rules it went past (MOH-3, MOH-7). */
    overCapReason: text('over_cap_reason'),
    overCapRuleIds: text('over_cap_rule_ids').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.mentorshipId], foreignColumns: [mentorships.orgId, mentorships.id] }),
    index('contacts_org_mentorship_time').on(t.orgId, t.mentorshipId, t.startsAt),
    index('contacts_org_mentor_time').on(t.orgId, t.mentorId, t.startsAt),
    // The weekly report reads one organisation's week across all mentors.
    index('contacts_org_time').on(t.orgId, t.startsAt),
    check('contacts_mode', sql`${t.mode} in ('in_person', 'video', 'phone', 'messenger', 'email')`),
    check('contacts_duration', sql`${t.durationMinutes} between 0 and 1440`),
    check('contacts_wellbeing', sql`${t.wellbeing} is null or ${t.wellbeing} between 1 and 5`),
    check(
      'contacts_over_cap_reason',
      sql`cardinality(${t.overCapRuleIds}) = 0 or ${t.overCapReason} is not null`,
    ),
  ],
);

/**
 * REL-02: a phone that retries a create sends the same Idempotency-Key; the first
 * response is stored and replayed, scoped to (user, route) so one user's key
 * never returns another's data. Kept at least 72 hours.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id').notNull(),
    route: text('route').notNull(),
    key: uuid('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId, t.route, t.key] })],
);

/** Requests that need someone else's yes: extensions, virtual continuation, cap overrides. */
export const approvals = pgTable(
  'approvals',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    mentorshipId: uuid('mentorship_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    /** The rule this approval exists for (MOH-5, MOH-7, MOH-3…). */
    ruleId: text('rule_id').notNull(),
    approverRole: text('approver_role').notNull(),
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    requestReason: text('request_reason').notNull(),
    /** What is asked for, e.g. `{ until: '2028-01-31' }` for an extension. */
    payload: jsonb('payload').notNull().default({}),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.mentorshipId], foreignColumns: [mentorships.orgId, mentorships.id] }),
    index('approvals_org_status_role').on(t.orgId, t.status, t.approverRole),
    index('approvals_org_mentorship').on(t.orgId, t.mentorshipId),
    // One pending request of a kind per mentorship, whatever races the API (REL-04).
    uniqueIndex('approvals_one_pending_per_kind')
      .on(t.orgId, t.mentorshipId, t.kind)
      .where(sql`${t.status} = 'pending'`),
    check('approvals_kind', sql`${t.kind} in ('extension', 'virtual_continuation', 'cap_override')`),
    check('approvals_status', sql`${t.status} in ('pending', 'approved', 'refused')`),
    check('approvals_decided', sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
  ],
);
