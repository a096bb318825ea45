import { createHash } from 'node:crypto';
import { auditEvents, type Db, type Tx } from '@tandem/db';
import { asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** What happened, as metadata only (AUD-05): never note text, narratives, passwords or tokens. */
export interface AuditEntry {
  orgId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  subjectId?: string | null;
  outcome: AuditOutcome;
  ip?: string | null;
  requestId?: string | null;
  detail?: Record<string, unknown> | null;
}

const GENESIS = '0'.repeat(64);

/** The bytes a row's hash covers: every column but id, in a fixed order. */
function canonical(prevHash: string, e: AuditEntry, at: Date): string {
  return JSON.stringify([
    prevHash,
    at.toISOString(),
    e.orgId,
    e.actorUserId,
    e.actorRole,
    e.action,
    e.entityType,
    e.entityId ?? null,
    e.subjectId ?? null,
    e.outcome,
    e.ip ?? null,
    e.requestId ?? null,
    e.detail ?? null,
  ]);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function chainKey(orgId: string | null) {
  return `audit:${orgId ?? 'platform'}`;
}

/**
 * Append one event to its organisation's chain, inside the caller's transaction,
 * so the record and its audit row commit or roll back together (REL-01, AUD-01).
 * The advisory lock serialises appends per chain until commit, so two writers can
 * never both extend the same previous hash.
 */
export async function writeAudit(tx: Tx | Db, entry: AuditEntry, at: Date): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${chainKey(entry.orgId)}, 0))`);
  const orgCond = entry.orgId === null ? isNull(auditEvents.orgId) : eq(auditEvents.orgId, entry.orgId);
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(orgCond)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const prevHash = last?.hash ?? GENESIS;
  // jsonb normalises key order; hash what will be read back so verify() agrees.
  const detail = entry.detail ? JSON.parse(JSON.stringify(sortKeys(entry.detail))) : null;
  const normalised = { ...entry, detail };
  const hash = sha256(canonical(prevHash, normalised, at));
  await tx.insert(auditEvents).values({
    orgId: entry.orgId,
    at,
    actorUserId: entry.actorUserId,
    actorRole: entry.actorRole,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    subjectId: entry.subjectId ?? null,
    outcome: entry.outcome,
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
    detail,
    prevHash,
    hash,
  });
}

/** Standalone append (own transaction), for events with no command around them: failed logins, denials. */
export async function appendAudit(db: Db, entry: AuditEntry, at: Date): Promise<void> {
  await db.transaction((tx) => writeAudit(tx, entry, at));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match, per chain. */
  firstBadId: number | null;
}

/** AUD-04: recompute every chain; report the first row that was altered. */
export async function verifyAuditChains(db: Db): Promise<VerifyResult> {
  const lastHash = new Map<string, string>();
  let checked = 0;
  let cursor = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, cursor))
      .orderBy(asc(auditEvents.id))
      .limit(5000);
    if (rows.length === 0) break;
    for (const r of rows) {
      const key = r.orgId ?? 'platform';
      const prev = lastHash.get(key) ?? GENESIS;
      const entry: AuditEntry = {
        orgId: r.orgId,
        actorUserId: r.actorUserId,
        actorRole: r.actorRole,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        subjectId: r.subjectId,
        outcome: r.outcome as AuditOutcome,
        ip: r.ip,
        requestId: r.requestId,
        detail: (r.detail as Record<string, unknown> | null) ?? null,
      };
      const expected = sha256(
        canonical(
          prev,
          { ...entry, detail: entry.detail ? (sortKeys(entry.detail) as Record<string, unknown>) : null },
          r.at,
        ),
      );
      if (r.prevHash !== prev || r.hash !== expected) return { ok: false, checked, firstBadId: r.id };
      lastHash.set(key, r.hash);
      checked++;
      cursor = r.id;
    }
  }
  return { ok: true, checked, firstBadId: null };
}

/** The audit entry of a command or read done by a signed-in user through a request. */
export function entryFor(
  scope: { orgId: string; userId: string; role: string },
  meta: { ip: string; requestId: string },
  e: Pick<AuditEntry, 'action' | 'entityType'> &
    Partial<Pick<AuditEntry, 'entityId' | 'subjectId' | 'detail' | 'outcome'>>,
): AuditEntry {
  return {
    orgId: scope.orgId,
    actorUserId: scope.userId,
    actorRole: scope.role,
    outcome: 'success',
    ip: meta.ip,
    requestId: meta.requestId,
    ...e,
  };
}
