import type { Me } from '@tandem/contract';
import { authSessions, type Db, memberships, organisations, type Tx, users } from '@tandem/db';
import type { Locale, Role } from '@tandem/domain';
import { and, asc, eq, inArray, isNotNull, ne, type SQL, sql } from 'drizzle-orm';
import { appendAudit, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import { type AuthContext, hashToken, mayChoosePasswordByCode, newToken } from '../../plugins/session';
import { formatSignInName, type Identifier, identifierKey, parseIdentifier } from './identifiers';
import { burnVerifyTime, checkNewPassword, hashPassword, verifyPassword } from './password';
import { ACCOUNT_LIMIT, clearFailures, IP_LIMIT, ipKey, lockedFor, recordFailure, userKey } from './throttle';

export interface RequestMeta {
  ip: string;
  requestId: string;
}

const STRICT_ACCOUNT_LIMIT = { failures: 5, windowMs: 24 * 3600_000, lockMs: 0 };

export function tooMany(seconds: number) {
  return new AppError('rate_limited', 'login_locked', {
    detail: 'Too many failed sign-in attempts. Try again later.',
    params: { retryAfterSeconds: seconds },
    headers: { 'Retry-After': String(seconds) },
  });
}

export const badCredentials = () =>
  new AppError('unauthenticated', 'invalid_credentials', {
    detail: 'Wrong sign-in name, email, phone or password.',
  });

/** A phone number is not unique across organisations; sign-in tries this many accounts carrying it. */
const MAX_ACCOUNTS_PER_PHONE = 3;

type UserRow = typeof users.$inferSelect;

/** The accounts an identifier names: one for an email or sign-in name, a few for a phone number. */
async function accountsFor(db: Db, id: Identifier): Promise<UserRow[]> {
  let where: SQL | undefined;
  if (id.kind === 'email') where = eq(users.email, id.email);
  else if (id.kind === 'signInName') where = eq(users.signInName, id.name);
  else if (id.kind === 'phone' && id.query.kind === 'e164') where = eq(users.phone, id.query.phone);
  else if (id.kind === 'phone' && id.query.kind === 'national') {
    // National form: the stored E.164 number ends with these digits after a 1–3 digit country code.
    const { digits } = id.query;
    where = and(
      isNotNull(users.phone),
      sql`right(${users.phone}, ${digits.length}) = ${digits}`,
      sql`length(${users.phone}) between ${digits.length + 2} and ${digits.length + 4}`,
    );
  }
  if (!where) return [];
  return db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(MAX_ACCOUNTS_PER_PHONE);
}

/**
 * Sign in with an email, a printed sign-in name or a phone number, and a
 * password. The same answer and the same argon2 work for an unknown identifier
 * and a wrong password (AUTH-05); every failure is counted per account — or per
 * typed identifier when none matches, so unknown ones lock alike — and per
 * address, and audited (AUTH-03, AUD-02); a success replaces any earlier login
 * cookie (AUTH-06: no fixation) and is audited in the same transaction as the login.
 */
export async function login(
  db: Db,
  clock: Clock,
  input: { identifier: string; password: string; previousToken?: string | undefined },
  meta: RequestMeta,
): Promise<{ token: string; me: Me }> {
  const now = clock.now();
  const id = parseIdentifier(input.identifier);
  const accounts = await accountsFor(db, id);
  const accountKeys = accounts.length > 0 ? accounts.map((u) => userKey(u.id)) : [identifierKey(id)];
  const wait = await lockedFor(db, [...accountKeys, ipKey(meta.ip)], now);
  if (wait > 0) {
    await appendAudit(db, failEvent(null, null, 'authn_login_locked', meta), now);
    throw tooMany(wait);
  }

  let user: UserRow | undefined;
  if (accounts.length === 0) await burnVerifyTime(input.password);
  for (const account of accounts) {
    if (await verifyPassword(account.passwordHash, input.password)) {
      user = account;
      break;
    }
  }
  const member = user ? await firstMembership(db, user.id) : undefined;

  if (!user || user.disabled || !member) {
    const named = user ?? (accounts.length === 1 ? accounts[0] : undefined);
    const strict = await isStrict(
      db,
      accounts.map((a) => a.id),
    );
    let lockedAccount = false;
    for (const key of accountKeys) {
      const locked = await recordFailure(db, key, strict ? STRICT_ACCOUNT_LIMIT : ACCOUNT_LIMIT, now, {
        lockIndefinitely: strict,
      });
      lockedAccount ||= locked;
    }
    const lockedIp = await recordFailure(db, ipKey(meta.ip), IP_LIMIT, now);
    const orgId = named ? ((await firstMembership(db, named.id))?.orgId ?? null) : null;
    await appendAudit(db, failEvent(orgId, named?.id ?? null, 'authn_login_fail', meta), now);
    if (lockedAccount || lockedIp) {
      await appendAudit(db, failEvent(orgId, named?.id ?? null, 'authn_login_fail_max', meta), now);
    }
    throw badCredentials();
  }

  await clearFailures(db, userKey(user.id));
  const token = await db.transaction((tx) =>
    openLogin(tx, now, meta, {
      userId: user.id,
      orgId: member.orgId,
      role: member.role,
      method: 'password',
      replaces: input.previousToken ? hashToken(input.previousToken) : null,
      action: 'authn_login_success',
    }),
  );
  return { token, me: await meOf(db, token, now) };
}

/**
 * Start a login: a new 256-bit token whose hash is stored with a fresh CSRF
 * token, replacing the login it supersedes (AUTH-06), audited in the same
 * transaction. Password and code sign-in and the organisation switch share it.
 */
export async function openLogin(
  tx: Tx,
  now: Date,
  meta: RequestMeta,
  o: {
    userId: string;
    orgId: string;
    role: string;
    method: 'password' | 'code';
    replaces: string | null;
    action: string;
    detail?: Record<string, unknown>;
  },
): Promise<string> {
  const token = newToken();
  if (o.replaces) await tx.delete(authSessions).where(eq(authSessions.tokenHash, o.replaces));
  await tx.insert(authSessions).values({
    tokenHash: hashToken(token),
    userId: o.userId,
    orgId: o.orgId,
    csrfToken: newToken(),
    createdAt: now,
    lastSeenAt: now,
    ip: meta.ip,
    method: o.method,
  });
  await writeAudit(
    tx,
    {
      orgId: o.orgId,
      actorUserId: o.userId,
      actorRole: o.role,
      action: o.action,
      entityType: 'user',
      entityId: o.userId,
      outcome: 'success',
      ip: meta.ip,
      requestId: meta.requestId,
      detail: o.detail ?? null,
    },
    now,
  );
  return token;
}

export function failEvent(orgId: string | null, userId: string | null, action: string, meta: RequestMeta) {
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

export async function firstMembership(db: Db, userId: string) {
  const [m] = await db
    .select({ orgId: memberships.orgId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.disabled, false)))
    .orderBy(asc(memberships.createdAt), asc(memberships.orgId))
    .limit(1);
  return m;
}

/** The Danish strict lockout applies when any organisation of these accounts asks for it (AUTH-03). */
export async function isStrict(db: Db, userIds: string[]): Promise<boolean> {
  if (userIds.length === 0) return false;
  const rows = await db
    .select({ policy: organisations.authPolicy })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(inArray(memberships.userId, userIds));
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

/** The signed-in user as the web app sees them; `now` decides whether a code login is still fresh. */
export async function meOf(db: Db, token: string, now: Date): Promise<Me> {
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
    user: {
      id: s.u.id,
      email: s.u.email,
      signInName: s.u.signInName ? formatSignInName(s.u.signInName) : null,
      displayName: s.u.displayName,
      locale: s.u.locale as Locale,
      hasPassword: s.u.passwordHash !== null,
    },
    orgId: s.s.orgId,
    orgName: s.orgName,
    role: s.role as Role,
    memberships: all.map((m) => ({ ...m, role: m.role as Role })),
    mustChangePassword: s.u.mustChangePassword,
    loginMethod: s.s.method as Me['loginMethod'],
    mayChoosePassword: mayChoosePasswordByCode(
      { loginMethod: s.s.method, loginCreatedAt: s.s.createdAt, role: s.role as Role },
      now,
    ),
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
  const token = await db.transaction((tx) =>
    openLogin(tx, now, meta, {
      userId: auth.userId,
      orgId,
      role: m.role,
      method: auth.loginMethod,
      replaces: auth.tokenHash,
      action: 'authn_switch_org',
      detail: { fromOrgId: auth.orgId },
    }),
  );
  return { token, me: await meOf(db, token, now) };
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
  await replacePassword(db, clock.now(), auth, input.newPassword, 'user.password_change', meta);
}

/**
 * Store a new password that meets AUTH-02 and end every other login of the
 * user (AUTH-08), with its audit row, in one transaction.
 */
export async function replacePassword(
  db: Db,
  now: Date,
  auth: AuthContext,
  newPassword: string,
  action: 'user.password_change' | 'user.password_set',
  meta: RequestMeta,
): Promise<void> {
  checkNewPassword(newPassword, auth.role);
  const passwordHash = await hashPassword(newPassword);
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
        action,
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
