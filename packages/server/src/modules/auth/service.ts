import type { Me } from '@tandem/contract';
import { authSessions, type Db, memberships, organisations, users } from '@tandem/db';
import type { Locale, Role } from '@tandem/domain';
import { and, asc, eq, ne } from 'drizzle-orm';
import { appendAudit, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import { type AuthContext, hashToken, newToken } from '../../plugins/session';
import { burnVerifyTime, hashPassword, passwordProblem, verifyPassword } from './password';
import {
  ACCOUNT_LIMIT,
  accountKey,
  clearFailures,
  IP_LIMIT,
  ipKey,
  lockedFor,
  recordFailure,
} from './throttle';

export interface RequestMeta {
  ip: string;
  requestId: string;
}

const STRICT_ACCOUNT_LIMIT = { failures: 5, windowMs: 24 * 3600_000, lockMs: 0 };

function tooMany(seconds: number) {
  return new AppError('rate_limited', 'login_locked', {
    detail: 'Too many failed sign-in attempts. Try again later.',
    params: { retryAfterSeconds: seconds },
    headers: { 'Retry-After': String(seconds) },
  });
}

const badCredentials = () =>
  new AppError('unauthenticated', 'invalid_credentials', { detail: 'Wrong email or password.' });

/**
 * Sign in. The same answer and the same argon2 work for an unknown email and a
 * wrong password (AUTH-05); every failure is counted per account and per address
 * and audited (AUTH-03, AUD-02); a success replaces any earlier login cookie
 * (AUTH-06: no fixation) and is audited in the same transaction as the session.
 */
export async function login(
  db: Db,
  clock: Clock,
  input: { email: string; password: string; previousToken?: string | undefined },
  meta: RequestMeta,
): Promise<{ token: string; me: Me }> {
  const now = clock.now();
  const keys = [accountKey(input.email), ipKey(meta.ip)];
  const wait = await lockedFor(db, keys, now);
  if (wait > 0) {
    await appendAudit(db, failEvent(null, null, 'authn_login_locked', meta), now);
    throw tooMany(wait);
  }

  const [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  let ok = false;
  if (user) ok = await verifyPassword(user.passwordHash, input.password);
  else await burnVerifyTime(input.password);
  const member = user ? await firstMembership(db, user.id) : undefined;

  if (!user || !ok || user.disabled || !member) {
    const strict = user ? await isStrict(db, user.id) : false;
    const lockedAccount = await recordFailure(
      db,
      keys[0]!,
      strict ? STRICT_ACCOUNT_LIMIT : ACCOUNT_LIMIT,
      now,
      {
        lockIndefinitely: strict,
      },
    );
    const lockedIp = await recordFailure(db, keys[1]!, IP_LIMIT, now);
    const orgId = member?.orgId ?? null;
    await appendAudit(db, failEvent(orgId, user?.id ?? null, 'authn_login_fail', meta), now);
    if (lockedAccount || lockedIp) {
      await appendAudit(db, failEvent(orgId, user?.id ?? null, 'authn_login_fail_max', meta), now);
    }
    throw badCredentials();
  }

  await clearFailures(db, keys[0]!);
  const token = newToken();
  await db.transaction(async (tx) => {
    if (input.previousToken) {
      await tx.delete(authSessions).where(eq(authSessions.tokenHash, hashToken(input.previousToken)));
    }
    await tx.insert(authSessions).values({
      tokenHash: hashToken(token),
      userId: user.id,
      orgId: member.orgId,
      csrfToken: newToken(),
      createdAt: now,
      lastSeenAt: now,
      ip: meta.ip,
    });
    await writeAudit(
      tx,
      {
        orgId: member.orgId,
        actorUserId: user.id,
        actorRole: member.role,
        action: 'authn_login_success',
        entityType: 'user',
        entityId: user.id,
        outcome: 'success',
        ip: meta.ip,
        requestId: meta.requestId,
      },
      now,
    );
  });
  return { token, me: await meOf(db, token) };
}

function failEvent(orgId: string | null, userId: string | null, action: string, meta: RequestMeta) {
  return {
    orgId,
    actorUserId: null,
    actorRole: null,
    action,
    entityType: 'user',
    entityId: userId,
    outcome: 'failure' as const,
    ip: meta.ip,
    requestId: meta.requestId,
  };
}

async function firstMembership(db: Db, userId: string) {
  const [m] = await db
    .select({ orgId: memberships.orgId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.disabled, false)))
    .orderBy(asc(memberships.createdAt), asc(memberships.orgId))
    .limit(1);
  return m;
}

async function isStrict(db: Db, userId: string): Promise<boolean> {
  const rows = await db
    .select({ policy: organisations.authPolicy })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId));
  return rows.some((r) => r.policy === 'strict');
}

export async function logout(db: Db, clock: Clock, auth: AuthContext, meta: RequestMeta): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(authSessions).where(eq(authSessions.tokenHash, auth.tokenHash));
    await writeAudit(
      tx,
      {
        orgId: auth.orgId,
        actorUserId: auth.userId,
        actorRole: auth.role,
        action: 'authn_logout',
        entityType: 'user',
        entityId: auth.userId,
        outcome: 'success',
        ip: meta.ip,
        requestId: meta.requestId,
      },
      clock.now(),
    );
  });
}

/** The signed-in user as the web app sees them. */
export async function meOf(db: Db, token: string): Promise<Me> {
  const [s] = await db
    .select({ s: authSessions, u: users, orgName: organisations.name, role: memberships.role })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .innerJoin(organisations, eq(organisations.id, authSessions.orgId))
    .innerJoin(
      memberships,
      and(eq(memberships.orgId, authSessions.orgId), eq(memberships.userId, authSessions.userId)),
    )
    .where(eq(authSessions.tokenHash, hashToken(token)))
    .limit(1);
  if (!s) throw new AppError('unauthenticated', 'unauthenticated');
  const all = await db
    .select({ orgId: memberships.orgId, orgName: organisations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.userId, s.u.id), eq(memberships.disabled, false)))
    .orderBy(asc(organisations.name));
  return {
    user: { id: s.u.id, email: s.u.email, displayName: s.u.displayName, locale: s.u.locale as Locale },
    orgId: s.s.orgId,
    orgName: s.orgName,
    role: s.role as Role,
    memberships: all.map((m) => ({ ...m, role: m.role as Role })),
    mustChangePassword: s.u.mustChangePassword,
    csrfToken: s.s.csrfToken,
  };
}

/**
 * Switch the active organisation: a privilege change, so the login is replaced
 * by a new one with a new token and CSRF token (AUTH-06). Not a member → 404.
 */
export async function switchOrg(db: Db, clock: Clock, auth: AuthContext, orgId: string, meta: RequestMeta) {
  const now = clock.now();
  const [m] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(eq(memberships.orgId, orgId), eq(memberships.userId, auth.userId), eq(memberships.disabled, false)),
    )
    .limit(1);
  if (!m) throw new AppError('not_found', 'not_found', { params: { entity: 'organisation' } });
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx.delete(authSessions).where(eq(authSessions.tokenHash, auth.tokenHash));
    await tx.insert(authSessions).values({
      tokenHash: hashToken(token),
      userId: auth.userId,
      orgId,
      csrfToken: newToken(),
      createdAt: now,
      lastSeenAt: now,
      ip: meta.ip,
    });
    await writeAudit(
      tx,
      {
        orgId,
        actorUserId: auth.userId,
        actorRole: m.role,
        action: 'authn_switch_org',
        entityType: 'user',
        entityId: auth.userId,
        outcome: 'success',
        ip: meta.ip,
        requestId: meta.requestId,
        detail: { fromOrgId: auth.orgId },
      },
      now,
    );
  });
  return { token, me: await meOf(db, token) };
}

export async function setLocale(db: Db, clock: Clock, auth: AuthContext, locale: Locale, meta: RequestMeta) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ locale, updatedAt: clock.now() }).where(eq(users.id, auth.userId));
    await writeAudit(
      tx,
      {
        orgId: auth.orgId,
        actorUserId: auth.userId,
        actorRole: auth.role,
        action: 'user.update',
        entityType: 'user',
        entityId: auth.userId,
        outcome: 'success',
        ip: meta.ip,
        requestId: meta.requestId,
        detail: { fields: ['locale'] },
      },
      clock.now(),
    );
  });
}

/**
 * Change one's own password: the current one is verified, the new one meets
 * AUTH-02, and every other login of this user ends (AUTH-08).
 */
export async function changePassword(
  db: Db,
  clock: Clock,
  auth: AuthContext,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
) {
  const [user] = await db.select().from(users).where(eq(users.id, auth.userId)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('refused', 'current_password_wrong', {
      ruleId: 'AUTH-08',
      errors: [
        {
          field: 'currentPassword',
          code: 'current_password_wrong',
          message: 'The current password is wrong.',
        },
      ],
    });
  }
  const problem = passwordProblem(input.newPassword, auth.role);
  if (problem) {
    throw new AppError('refused', `password_${problem}`, {
      ruleId: 'AUTH-02',
      errors: [
        { field: 'newPassword', code: `password_${problem}`, message: 'The new password is not acceptable.' },
      ],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = clock.now();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: now })
      .where(eq(users.id, auth.userId));
    await tx
      .delete(authSessions)
      .where(and(eq(authSessions.userId, auth.userId), ne(authSessions.tokenHash, auth.tokenHash)));
    await writeAudit(
      tx,
      {
        orgId: auth.orgId,
        actorUserId: auth.userId,
        actorRole: auth.role,
        action: 'user.password_change',
        entityType: 'user',
        entityId: auth.userId,
        outcome: 'success',
        ip: meta.ip,
        requestId: meta.requestId,
      },
      now,
    );
  });
}
