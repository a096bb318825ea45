import type { Me } from '@tandem/contract';
import { type Db, memberships, signInCodes, users } from '@tandem/db';
import { and, eq, isNull } from 'drizzle-orm';
import { appendAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import { type AuthContext, hashToken, mayChoosePasswordByCode } from '../../plugins/session';
import { hashCode, normaliseCode } from './identifiers';
import { failEvent, meOf, openLogin, type RequestMeta, replacePassword, tooMany } from './service';
import { CODE_IP_LIMIT, codeIpKey, IP_LIMIT, ipKey, lockedFor, recordFailure, userKey } from './throttle';

const badCode = () =>
  new AppError('unauthenticated', 'invalid_code', {
    detail: 'This code does not work. Codes work once and expire; ask your coordinator for a new sheet.',
  });

type CodeState = 'unknown' | 'used' | 'revoked' | 'expired' | 'no_access' | 'usable';

function codeState(
  found:
    | {
        code: typeof signInCodes.$inferSelect;
        user: typeof users.$inferSelect;
        member: typeof memberships.$inferSelect | null;
      }
    | undefined,
  now: Date,
): CodeState {
  if (!found) return 'unknown';
  if (found.code.usedAt) return 'used';
  if (found.code.revokedAt) return 'revoked';
  if (found.code.expiresAt <= now) return 'expired';
  const member = found.member;
  if (found.user.disabled || !member || member.disabled || member.role !== 'participant') return 'no_access';
  return 'usable';
}

/**
 * Sign in with a one-time code from the printed sheet (decision record 011).
 * Wrong codes count against the client address (AUTH-03) and all get the same
 * 401, whether unknown, used, replaced or expired (AUTH-05); a code of a
 * locked account is refused like its password would be. A good code is spent
 * in the same transaction that opens the login, so it works exactly once even
 * when two phones send it at the same moment.
 */
export async function codeLogin(
  db: Db,
  clock: Clock,
  input: { code: string; previousToken?: string | undefined },
  meta: RequestMeta,
): Promise<{ token: string; me: Me }> {
  const now = clock.now();
  const addressKeys = [codeIpKey(meta.ip), ipKey(meta.ip)];
  const wait = await lockedFor(db, addressKeys, now);
  if (wait > 0) {
    await appendAudit(db, failEvent(null, null, 'authn_code_locked', meta), now);
    throw tooMany(wait);
  }

  const normal = normaliseCode(input.code);
  const [found] = normal
    ? await db
        .select({ code: signInCodes, user: users, member: memberships })
        .from(signInCodes)
        .innerJoin(users, eq(users.id, signInCodes.userId))
        .leftJoin(
          memberships,
          and(eq(memberships.orgId, signInCodes.orgId), eq(memberships.userId, signInCodes.userId)),
        )
        .where(eq(signInCodes.codeHash, hashCode(normal)))
        .limit(1)
    : [];
  const state = codeState(found, now);

  if (found && state === 'usable') {
    const accountWait = await lockedFor(db, [userKey(found.user.id)], now);
    if (accountWait > 0) {
      await appendAudit(db, failEvent(found.code.orgId, found.user.id, 'authn_code_locked', meta), now);
      throw tooMany(accountWait);
    }
  }

  if (!found || state !== 'usable') {
    const lockedCodes = await recordFailure(db, addressKeys[0]!, CODE_IP_LIMIT, now);
    const lockedIp = await recordFailure(db, addressKeys[1]!, IP_LIMIT, now);
    const orgId = found?.code.orgId ?? null;
    const userId = found?.user.id ?? null;
    await appendAudit(
      db,
      { ...failEvent(orgId, userId, 'authn_code_fail', meta), detail: { reason: state } },
      now,
    );
    if (lockedCodes || lockedIp) {
      await appendAudit(db, failEvent(orgId, userId, 'authn_login_fail_max', meta), now);
    }
    throw badCode();
  }

  const token = await db.transaction(async (tx) => {
    const spent = await tx
      .update(signInCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(signInCodes.orgId, found.code.orgId),
          eq(signInCodes.id, found.code.id),
          isNull(signInCodes.usedAt),
          isNull(signInCodes.revokedAt),
        ),
      )
      .returning({ id: signInCodes.id });
    // Another request spent it between our read and this update.
    if (spent.length === 0) throw badCode();
    return openLogin(tx, now, meta, {
      userId: found.user.id,
      orgId: found.code.orgId,
      role: 'participant',
      method: 'code',
      replaces: input.previousToken ? hashToken(input.previousToken) : null,
      action: 'authn_code_login_success',
      detail: { codeId: found.code.id },
    });
  });
  return { token, me: await meOf(db, token, now) };
}

/**
 * A participant who has just signed in with a code chooses a password
 * (AUTH-02: at least 8 characters, not a common one). The fresh code stands in
 * for the old password; every other login of theirs ends (AUTH-08).
 */
export async function choosePasswordAfterCode(
  db: Db,
  clock: Clock,
  auth: AuthContext,
  newPassword: string,
  meta: RequestMeta,
): Promise<void> {
  const now = clock.now();
  if (!mayChoosePasswordByCode(auth, now)) {
    throw new AppError('forbidden', 'fresh_code_login_required', {
      detail: 'Sign in with a new code from your sheet to choose a password.',
    });
  }
  await replacePassword(db, now, auth, newPassword, 'user.password_set', meta);
}
