import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained record of who did what (AUD-01, AUD-02, AUD-04).
 * Metadata only: never note text, narratives, passwords or tokens (AUD-05).
 * UPDATE and DELETE are refused by a trigger (see the custom migration).
 * Each organisation has its own chain; platform events (org_id null) have one too.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** The data subject (participant) whose file was touched, for per-subject access logs. */
    subjectId: text('subject_id'),
    outcome: text('outcome').notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    detail: jsonb('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    check('audit_events_outcome', sql`${t.outcome} in ('success', 'denied', 'failure')`),
    index('audit_events_org_at').on(t.orgId, t.id),
    index('audit_events_org_actor').on(t.orgId, t.actorUserId, t.id),
    index('audit_events_org_entity').on(t.orgId, t.entityType, t.entityId, t.id),
  ],
);
