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
import { participants } from './people';
import { programs } from './programs';

/**
 * CM-4: a mentor, as gatekeeper, records an early sign of risk. Structured
 * indicators and a severity; the description is sealed (CRY-01) and readable
 * only by the mentor who wrote it, coordinators and admins (TEN-06).
 */
export const riskObservations = pgTable(
  'risk_observations',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    programId: uuid('program_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    mentorshipId: uuid('mentorship_id').notNull(),
    /** The user who recorded it: the one mentor who may read it besides the coordinators. */
    observedBy: uuid('observed_by').notNull(),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
    indicators: text('indicators').array().notNull(),
    severity: text('severity').notNull(),
    description: text('description').notNull(),
    status: text('status').notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
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
    foreignKey({ columns: [t.orgId, t.mentorshipId], foreignColumns: [mentorships.orgId, mentorships.id] }),
    index('risk_observations_org_status').on(t.orgId, t.status, t.observedAt),
    index('risk_observations_org_participant').on(t.orgId, t.participantId),
    index('risk_observations_org_observer').on(t.orgId, t.observedBy),
    check('risk_observations_severity', sql`${t.severity} in ('low', 'medium', 'high', 'immediate')`),
    check('risk_observations_status', sql`${t.status} in ('open', 'referred', 'closed')`),
    check(
      'risk_observations_indicators',
      sql`cardinality(${t.indicators}) > 0 and ${t.indicators} <@ array['self_harm_or_suicide_talk', 'acute_crisis', 'violence_or_abuse', 'neglect', 'substance_use', 'severe_deterioration', 'not_reachable']::text[]`,
    ),
    check('risk_observations_closed', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
  ],
);

/** What the coordinator did about an observation: calls, a safety plan, emergency services… */
export const riskActions = pgTable(
  'risk_actions',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    observationId: uuid('observation_id').notNull(),
    kind: text('kind').notNull(),
    /** Sealed free text (CRY-01). */
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.observationId],
      foreignColumns: [riskObservations.orgId, riskObservations.id],
    }),
    index('risk_actions_org_observation').on(t.orgId, t.observationId, t.recordedAt),
    check(
      'risk_actions_kind',
      sql`${t.kind} in ('spoke_with_participant', 'spoke_with_mentor', 'contacted_family', 'safety_plan', 'emergency_services_called', 'consulted_professional', 'other')`,
    ),
  ],
);

/** CM-4: a referral to a professional service, tracked until its outcome. */
export const referrals = pgTable(
  'referrals',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    observationId: uuid('observation_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    service: text('service').notNull(),
    /** The named service (a clinic, a crisis line); display text, not case narrative. */
    serviceName: text('service_name'),
    referredOn: date('referred_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('referred'),
    /** Sealed free text about the outcome (CRY-01). */
    outcome: text('outcome'),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.observationId],
      foreignColumns: [riskObservations.orgId, riskObservations.id],
    }),
    foreignKey({
      columns: [t.orgId, t.participantId],
      foreignColumns: [participants.orgId, participants.id],
    }),
    index('referrals_org_observation').on(t.orgId, t.observationId),
    index('referrals_org_status').on(t.orgId, t.status),
    check(
      'referrals_service',
      sql`${t.service} in ('crisis_line', 'emergency_services', 'mental_health_service', 'family_doctor', 'social_services', 'addiction_service', 'police', 'other')`,
    ),
    check(
      'referrals_status',
      sql`${t.status} in ('referred', 'accepted', 'completed', 'declined', 'not_reached')`,
    ),
  ],
);

/**
 * REL-08: the coordinator alert of a high or immediate risk observation,
 * written in the same transaction as the observation — a durable record, never
 * an in-memory timer. The attention list reads it; an e-mail step drains the
 * pending ones after commit (and at every start), marking each one sent once.
 */
export const riskAlerts = pgTable(
  'risk_alerts',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    observationId: uuid('observation_id').notNull(),
    /** The role alerted (the policy's alert role). */
    alertRole: text('alert_role').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    emailStatus: text('email_status').notNull(),
    emailAttempts: integer('email_attempts').notNull().default(0),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    /** The error class of the last failed attempt (never message content). */
    lastError: text('last_error'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.observationId],
      foreignColumns: [riskObservations.orgId, riskObservations.id],
    }),
    uniqueIndex('risk_alerts_one_per_observation').on(t.orgId, t.observationId),
    index('risk_alerts_pending').on(t.emailStatus).where(sql`${t.emailStatus} = 'pending'`),
    check(
      'risk_alerts_email_status',
      sql`${t.emailStatus} in ('pending', 'sent', 'failed', 'not_configured', 'no_recipient')`,
    ),
  ],
);
