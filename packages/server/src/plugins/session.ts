import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { authSessions, type Db, memberships, organisations, users } from '@tandem/db';
import type { Role } from '@tandem/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../clock';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { Access } from '../scope';

export interface AuthContext {
  tokenHash: string;
  userId: string;
  orgId: string;
  orgName: string;
  role: Role;
  membershipId: string;
  csrfToken: string;
  email: string | null;
  displayName: string;
  locale: string;
  mustChangePassword: boolean;
  /** How this login was proven, and when (decision record 011). */
  loginMethod: 'password' | 'code';
  loginCreatedAt: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every route registered, with its access declaration: the authorization matrix's rows (TEN-01). */
    routeInventory: { method: string; url: string; access: Access | null }[];
  }
}

/** AUTH-07: idle and absolute lifetimes of a login. */
export const IDLE_MS = { staff: 15 * 60_000, participant: 30 * 60_000 };
export const ABSOLUTE_MS = 8 * 3600_000;
/** A participant who signed in with a printed code may choose a password within this window. */
export const CODE_PASSWORD_WINDOW_MS = 15 * 60_000;

/**
 * A code is a credential the coordinator handed over in person; a login it
 * opened may set a first (or new) password while fresh, without an old one.
 */
export function mayChoosePasswordByCode(
  login: { loginMethod: string; loginCreatedAt: Date; role: Role },
  now: Date,
): boolean {
  return (
    login.loginMethod === 'code' &&
    login.role === 'participant' &&
    now.getTime() - login.loginCreatedAt.getTime() <= CODE_PASSWORD_WINDOW_MS
  );
}

/** Don't write last_seen_at on every request; a minute's precision is plenty for idle timeout. */
const TOUCH_EVERY_MS = 60_000;

export const cookieName = (config: Config) => (config.secureCookies ? '__Host-tandem' : 'tandem');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** 256 bits from the CSPRNG (AUTH-06, CRY-02). */
export const newToken = () => randomBytes(32).toString('base64url');

export function setSessionCookie(reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(cookieName(config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(cookieName(config), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  });
}

/**
 * The login behind a token, with its user, membership and organisation: the
 * first query of nearly every request, so it is built once per database and
 * sent as a named prepared statement (no SQL building or planning per call).
 */
function prepareSessionQuery(db: Db) {
  return db
    .select({
      s: authSessions,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      mustChangePassword: users.mustChangePassword,
      userDisabled: users.disabled,
      role: memberships.role,
      membershipId: memberships.id,
      membershipDisabled: memberships.disabled,
      orgName: organisations.name,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .innerJoin(
      memberships,
      and(eq(memberships.orgId, authSessions.orgId), eq(memberships.userId, authSessions.userId)),
    )
    .innerJoin(organisations, eq(organisations.id, authSessions.orgId))
    .where(eq(authSessions.tokenHash, sql.placeholder('tokenHash')))
    .limit(1)
    .prepare('tandem_load_session');
}
const sessionQueries = new WeakMap<Db, ReturnType<typeof prepareSessionQuery>>();

export async function loadSession(db: Db, token: string, now: Date): Promise<AuthContext | null> {
  const tokenHash = hashToken(token);
  let query = sessionQueries.get(db);
  if (!query) {
    query = prepareSessionQuery(db);
    sessionQueries.set(db, query);
  }
  const [row] = await query.execute({ tokenHash });
  if (!row) return null;
  const role = row.role as Role;
  const idle = role === 'participant' ? IDLE_MS.participant : IDLE_MS.staff;
  const t = now.getTime();
  const expired = t - row.s.lastSeenAt.getTime() > idle || t - row.s.createdAt.getTime() > ABSOLUTE_MS;
  // TEN-07: a disabled account or membership is out on its next request.
  if (expired || row.userDisabled || row.membershipDisabled) {
    await db.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash));
    return null;
  }
  if (t - row.s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.tokenHash, tokenHash));
  }
  return {
    tokenHash,
    userId: row.s.userId,
    orgId: row.s.orgId,
    orgName: row.orgName,
    role,
    membershipId: row.membershipId,
    csrfToken: row.s.csrfToken,
    email: row.email,
    displayName: row.displayName,
    locale: row.locale,
    mustChangePassword: row.mustChangePassword,
    loginMethod: row.s.method as AuthContext['loginMethod'],
    loginCreatedAt: row.s.createdAt,
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const PASSWORD_CHANGE_ROUTES = new Set([
  '/api/v1/auth/me',
  '/api/v1/auth/password',
  '/api/v1/auth/logout',
  '/api/v1/auth/me/preferences',
]);

function sameToken(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Session, access and CSRF checks, in that order, before any body is parsed:
 * an anonymous caller learns nothing about a route's schema (401 before 400).
 */
async function sessionPluginImpl(app: FastifyInstance, opts: { db: Db; clock: Clock; config: Config }) {
  const { db, clock, config } = opts;
  app.decorateRequest('auth', null);
  app.decorate('routeInventory', []);

  // TEN-01: default deny. A route under /api without an access declaration fails to register.
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        app.routeInventory.push({ method, url: route.url, access: route.config?.access ?? null });
    }
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access (TEN-01)`);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = request.cookies[cookieName(config)];
    if (token && token.length <= 128) request.auth = await loadSession(db, token, clock.now());

    const access = request.routeOptions.config?.access;
    if (!access) return;
    if (!('public' in access)) {
      if (!request.auth) throw new AppError('unauthenticated', 'unauthenticated');
      if (!access.roles.includes(request.auth.role)) throw new AppError('forbidden', 'role_not_allowed');
      // A one-time password opens only the door to choosing one's own password (CRY-04).
      if (request.auth.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(request.routeOptions.url ?? '')) {
        throw new AppError('forbidden', 'password_change_required', {
          detail: 'Choose your own password before you continue.',
        });
      }
    }
    if (!SAFE_METHODS.has(request.method)) checkCsrf(request, config, !('public' in access));
  });
}

/**
 * AUTH-09 CSRF defence in depth: the browser's own Fetch Metadata and Origin
 * say whether a request is cross-site; a per-login synchronizer token in the
 * `X-CSRF-Token` header proves the caller read our JSON (SameSite=Lax covers the rest).
 */
function checkCsrf(request: FastifyRequest, config: Config, needsToken: boolean) {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    throw new AppError('forbidden', 'csrf_cross_site');
  }
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== request.headers.host && !config.trustedOrigins.includes(origin)) {
      throw new AppError('forbidden', 'csrf_origin');
    }
  }
  if (needsToken) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !request.auth || !sameToken(sent, request.auth.csrfToken)) {
      throw new AppError('forbidden', 'csrf_token');
    }
  }
}

/** Wrapped with fastify-plugin: its hooks and handlers must apply to the whole app, not a child scope. */
export const sessionPlugin = fp(sessionPluginImpl, { name: 'sessionPlugin' });
