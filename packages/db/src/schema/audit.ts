import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained record of who did what (AUD-01, AUD-02, AUD-04).
 * Metadata only: never note text, narratives, passwords or tokens (AUD-05).
 * A command inserts its row in its own transaction, without a hash; the sealer
 * then links rows into their organisation's chain (seq, prev_hash, hash) in the
 * order it finds them committed (docs/decisions/012-audit-sealing.md). A
 * trigger refuses DELETE, TRUNCATE and every UPDATE except that one-time seal.
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
    /** Position in the organisation's chain, from 1, set when sealed. */
    seq: bigint('seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    check('audit_events_outcome', sql`${t.outcome} in ('success', 'denied', 'failure')`),
    check(
      'audit_events_sealed_whole',
      sql`(${t.seq} is null and ${t.prevHash} is null and ${t.hash} is null) or (${t.seq} is not null and ${t.prevHash} is not null and ${t.hash} is not null)`,
    ),
    index('audit_events_chain').on(t.orgId, t.seq),
    index('audit_events_unsealed').on(t.id).where(sql`${t.hash} is null`),
    index('audit_events_org_at').on(t.orgId, t.id),
    index('audit_events_org_actor').on(t.orgId, t.actorUserId, t.id),
    index('audit_events_org_entity').on(t.orgId, t.entityType, t.entityId, t.id),
  ],
);
