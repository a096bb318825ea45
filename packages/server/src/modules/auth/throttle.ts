import { type Db, loginThrottle } from '@tandem/db';
import { eq, inArray } from 'drizzle-orm';

/**
 * AUTH-03 login throttling, kept in the database so every server instance sees
 * the same counters. Per account: 5 failures within 15 minutes lock it for 15
 * minutes (a lock that expires cannot be used to keep someone out for good; the
 * Danish strict mode, which waits for an admin, is the organisation's `strict`
 * auth policy). Per client address: 50 failures within 15 minutes.
 */
export const ACCOUNT_LIMIT = { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const IP_LIMIT = { failures: 50, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export const ipKey = (ip: string) => `ip:${ip}`;
/** A known account, whichever of its identifiers (email, sign-in name, phone) was typed. */
export const userKey = (userId: string) => `user:${userId}`;

/**
 * One-time codes have no account to count against until one matches, so wrong
 * codes count per client address, tighter than passwords: 10 in 15 minutes.
 */
export const CODE_IP_LIMIT = { failures: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const codeIpKey = (ip: string) => `code-ip:${ip}`;

/** Seconds until the first of these keys unlocks, or 0 when none is locked. */
export async function lockedFor(db: Db, keys: string[], now: Date): Promise<number> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  let wait = 0;
  for (const r of rows) {
    if (r.lockedUntil && r.lockedUntil > now) {
      wait = Math.max(wait, Math.ceil((r.lockedUntil.getTime() - now.getTime()) / 1000));
    }
  }
  return wait;
}

/** Count one failure; returns true when this failure reached the limit and locked the key. */
export async function recordFailure(
  db: Db,
  key: string,
  limit: { failures: number; windowMs: number; lockMs: number },
  now: Date,
  opts: { lockIndefinitely?: boolean } = {},
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).for('update');
    const inWindow = row && now.getTime() - row.windowStartedAt.getTime() < limit.windowMs;
    const failures = inWindow ? row.failures + 1 : 1;
    const windowStartedAt = inWindow ? row.windowStartedAt : now;
    const locks = failures >= limit.failures;
    const lockedUntil = locks
      ? new Date(now.getTime() + (opts.lockIndefinitely ? 100 * 365 * 86400_000 : limit.lockMs))
      : (row?.lockedUntil ?? null);
    await tx
      .insert(loginThrottle)
      .values({ key, failures, windowStartedAt, lockedUntil })
      .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, windowStartedAt, lockedUntil } });
    return locks && failures === limit.failures;
  });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
