import { createHash } from 'node:crypto';
import { auditEvents, type Db, type Tx } from '@tandem/db';
import { and, asc, count, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';

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

/**
 * Append one event inside the caller's transaction, so the record and its audit
 * row commit or roll back together (REL-01, AUD-01). The row is inserted
 * unsealed: `sealAudit` links it into its organisation's chain once it is
 * committed. No lock is taken, so audited commands of one organisation no
 * longer queue behind each other's commits.
 */
export async function writeAudit(tx: Tx | Db, entry: AuditEntry, at: Date): Promise<void> {
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
    // jsonb normalises key order; store it sorted so the hash of what is read back agrees.
    detail: entry.detail ? (sortKeys(entry.detail) as Record<string, unknown>) : null,
  });
}

/** Standalone append (own transaction), for events with no command around them: failed logins, denials. */
export async function appendAudit(db: Db, entry: AuditEntry, at: Date): Promise<void> {
  await writeAudit(db, entry, at);
}

type AuditRow = typeof auditEvents.$inferSelect;

const entryOf = (r: AuditRow): AuditEntry => ({
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
  detail: r.detail ? (sortKeys(r.detail) as Record<string, unknown>) : null,
});

/** One process seals at a time, across every server on the database. */
const SEAL_LOCK = sql`hashtextextended('audit:seal', 0)`;
export const SEAL_BATCH = 2000;

/**
 * Seal committed, unsealed rows into their organisations' chains, oldest id
 * first: each gets the next seq, the previous row's hash, and its own hash.
 * A row committed late (a lower id than rows already sealed) simply joins the
 * chain later: the chain's order is the order of sealing, which `seq` records.
 * Returns the number of rows sealed; 0 when another process holds the seal
 * (unless `wait`, which waits for it).
 */
export async function sealAudit(db: Db, limit = SEAL_BATCH, wait = false): Promise<number> {
  return db.transaction(async (tx) => {
    if (!(await takeSealLock(tx, wait))) return 0;
    const rows = await tx
      .select()
      .from(auditEvents)
      .where(isNull(auditEvents.hash))
      .orderBy(asc(auditEvents.id))
      .limit(limit);
    if (rows.length === 0) return 0;
    const heads = new Map<string | null, { seq: number; hash: string }>();
    const ids: number[] = [];
    const seqs: number[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (const r of rows) {
      let head = heads.get(r.orgId);
      if (!head) {
        const orgCond = r.orgId === null ? isNull(auditEvents.orgId) : eq(auditEvents.orgId, r.orgId);
        const [last] = await tx
          .select({ seq: auditEvents.seq, hash: auditEvents.hash })
          .from(auditEvents)
          .where(and(orgCond, isNotNull(auditEvents.seq)))
          .orderBy(desc(auditEvents.seq))
          .limit(1);
        head = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS };
      }
      const hash = sha256(canonical(head.hash, entryOf(r), r.at));
      ids.push(r.id);
      seqs.push(head.seq + 1);
      prevs.push(head.hash);
      hashes.push(hash);
      heads.set(r.orgId, { seq: head.seq + 1, hash });
    }
    // One statement for the batch; jsonb carries the values the same way on both drivers.
    const seals = JSON.stringify(ids.map((id, k) => ({ id, seq: seqs[k], prev: prevs[k], hash: hashes[k] })));
    await tx.execute(sql`
      update audit_events as a
         set seq = v.seq, prev_hash = v.prev, hash = v.hash
        from jsonb_to_recordset(${seals}::jsonb) as v(id bigint, seq bigint, prev text, hash text)
       where a.id = v.id`);
    return rows.length;
  });
}

/** The seal's advisory lock for this transaction: waited for, or tried once. */
async function takeSealLock(tx: Tx, wait: boolean): Promise<boolean> {
  if (wait) {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK})`);
    return true;
  }
  // Both drivers answer `execute` with `{ rows }`.
  const res = (await tx.execute(
    sql`select pg_try_advisory_xact_lock(${SEAL_LOCK}) as locked`,
  )) as unknown as {
    rows: { locked: boolean }[];
  };
  return res.rows[0]?.locked === true;
}

/** Seal until nothing is left, waiting for another sealer if need be (the CLI before verifying, a server as it stops). */
export async function sealAll(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sealAudit(db, SEAL_BATCH, true);
    total += n;
    if (n < SEAL_BATCH) return total;
  }
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
  /** Sealed rows whose hash and link were recomputed. */
  checked: number;
  /** Rows not sealed yet: not covered by the chain until they are. */
  unsealed: number;
  /** The first row, per chain in seq order, whose hash or link does not match, or where seq skips (a deleted row). */
  firstBadId: number | null;
}

/** AUD-04: recompute every organisation's chain in seq order; report the first row that was altered or removed. */
export async function verifyAuditChains(db: Db): Promise<VerifyResult> {
  const chains = await db.selectDistinct({ orgId: auditEvents.orgId }).from(auditEvents);
  let checked = 0;
  for (const { orgId } of chains) {
    const orgCond = orgId === null ? isNull(auditEvents.orgId) : eq(auditEvents.orgId, orgId);
    let prev = GENESIS;
    let seq = 0;
    for (;;) {
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(orgCond, gt(auditEvents.seq, seq)))
        .orderBy(asc(auditEvents.seq))
        .limit(5000);
      if (rows.length === 0) break;
      for (const r of rows) {
        const expected = sha256(canonical(prev, entryOf(r), r.at));
        if (r.seq !== seq + 1 || r.prevHash !== prev || r.hash !== expected) {
          return { ok: false, checked, unsealed: await countUnsealed(db), firstBadId: r.id };
        }
        prev = r.hash;
        seq = r.seq;
        checked++;
      }
    }
  }
  return { ok: true, checked, unsealed: await countUnsealed(db), firstBadId: null };
}

async function countUnsealed(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvents).where(isNull(auditEvents.hash));
  return row?.n ?? 0;
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
