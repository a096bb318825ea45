/**
 * Test harness: the real app on a real database (PGlite, or PostgreSQL in the
 * "server-pg" project), driven through Fastify `inject`. No mocks.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Me } from '@tandem/contract';
import { buildMembership, buildOrganisation, buildUser, type DbHandle } from '@tandem/db';
import { freshDb } from '@tandem/db/testing/fresh-db';
import type { Role } from '@tandem/domain';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { fixedClock } from '../clock';
import { localFileStore } from '../files/store';
import { hashPassword } from '../modules/auth/password';

export const PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | null = null;
/** argon2 costs ~50 ms a hash; every test user shares one. */
export const passwordHash = () => (cachedHash ??= hashPassword(PASSWORD));

export interface Harness {
  app: FastifyInstance;
  handle: DbHandle;
  clock: ReturnType<typeof fixedClock>;
  /** Where this app's task photos are stored (a temp dir, removed on close); set by startHarness. */
  filesDir?: string;
  close(): Promise<void>;
}

export async function startHarness(opts: { now?: string; uploadQuotaBytes?: number } = {}): Promise<Harness> {
  const handle = await freshDb();
  const clock = fixedClock(opts.now ?? '2026-03-01T09:00:00Z');
  const filesDir = mkdtempSync(join(tmpdir(), 'tandem-files-'));
  const app = await buildApp({
    db: handle.db,
    clock,
    files: localFileStore(filesDir),
    ...(opts.uploadQuotaBytes === undefined ? {} : { uploadQuotaBytes: opts.uploadQuotaBytes }),
    config: { secureCookies: true, publicDocs: true },
    logger: process.env.TANDEM_TEST_LOG ? { level: 'error' } : false,
  });
  await app.ready();
  return {
    app,
    handle,
    clock,
    filesDir,
    close: async () => {
      await app.close();
      await handle.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export interface Org {
  id: string;
  name: string;
  users: Record<Role, { id: string; email: string }>;
}

/** An organisation with one user per role: `<role>@<slug>.test`. */
export async function seedOrg(h: Harness, name: string): Promise<Org> {
  const org = await buildOrganisation(h.handle.db, { name });
  const hash = await passwordHash();
  const users = {} as Org['users'];
  for (const role of ['admin', 'coordinator', 'mentor', 'committee', 'evaluator', 'participant'] as const) {
    const email = `${role}@${name.toLowerCase().replace(/[^a-z]+/g, '')}.test`;
    const u = await buildUser(h.handle.db, { email, displayName: `${name} ${role}`, passwordHash: hash });
    await buildMembership(h.handle.db, { orgId: org.id, userId: u.id, role });
    users[role] = { id: u.id, email };
  }
  return { id: org.id, name, users };
}

export interface Agent {
  me: Me;
  cookie: string;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  del(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function sessionCookie(res: LightMyRequestResponse): string | null {
  const c = res.cookies.find((c) => c.name === '__Host-tandem');
  return c ? `${c.name}=${c.value}` : null;
}

/** Sign in through the real login route and return a client that sends cookie + CSRF token. */
export async function login(h: Harness, email: string | null, password = PASSWORD): Promise<Agent> {
  // `me.user.email` is nullable since participants may have none; these agents all have one.
  if (!email) throw new Error('login() needs an email; participants without one use codeLogin()');
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  return agentOf(h, sessionCookie(res)!, res.json() as Me);
}

function agentOf(h: Harness, cookie: string, me: Me): Agent {
  const inject = (o: InjectOptions) =>
    h.app.inject({ ...o, headers: { cookie, 'x-csrf-token': me.csrfToken, ...(o.headers ?? {}) } });
  return {
    me,
    cookie,
    inject,
    get: (url) => inject({ method: 'GET', url }),
    post: (url, payload, headers) =>
      inject({ method: 'POST', url, payload: payload as never, headers: headers ?? {} }),
    patch: (url, payload, headers) =>
      inject({ method: 'PATCH', url, payload: payload as never, headers: headers ?? {} }),
    del: (url, headers) => inject({ method: 'DELETE', url, headers: headers ?? {} }),
  };
}

/** Sign in with a one-time code from a printed sheet; the agent behaves like `login()`'s. */
export async function codeLogin(h: Harness, code: string): Promise<Agent> {
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/code-login', payload: { code } });
  if (res.statusCode !== 200) throw new Error(`code login failed: ${res.statusCode} ${res.body}`);
  return agentOf(h, sessionCookie(res)!, res.json() as Me);
}

/** A program in the org, for records that belong to one. */
export async function seedProgram(h: Harness, orgId: string, presetId = 'il-social-mentorship') {
  const { buildProgram } = await import('@tandem/db');
  return buildProgram(h.handle.db, {
    orgId,
    name: `Program ${presetId}`,
    presetId,
    timeZone: 'Asia/Jerusalem',
  });
}
