import { auditEvents, authSessions, users } from '@tandem/db';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  login,
  type Org,
  PASSWORD,
  seedOrg,
  sessionCookie,
  startHarness,
} from '../../testing/harness';
import { passwordProblem } from './password';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await startHarness();
  org = await seedOrg(h, 'Alpha');
});
afterAll(() => h.close());

const loginRaw = (email: string, password: string, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });

async function lastAudit(action: string) {
  const [row] = await h.handle.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row;
}

describe('login', () => {
  it('AUTH-01: passwords are stored as argon2id with m=19456, t=2, p=1', async () => {
    const [u] = await h.handle.db.select().from(users).where(eq(users.email, org.users.coordinator.email));
    expect(u!.passwordHash!.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
  });

  it('signs in with the right password, returns the user and role, and audits the success', async () => {
    const res = await loginRaw(org.users.coordinator.email, PASSWORD);
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.user.email).toBe(org.users.coordinator.email);
    expect(me.role).toBe('coordinator');
    expect(me.orgId).toBe(org.id);
    expect(me.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await lastAudit('authn_login_success');
    expect(row).toMatchObject({ actorUserId: org.users.coordinator.id, orgId: org.id, outcome: 'success' });
  });

  it('AUTH-09: the login cookie is __Host-, Secure, HttpOnly and SameSite=Lax', async () => {
    const res = await loginRaw(org.users.mentor.email, PASSWORD);
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/^__Host-tandem=[A-Za-z0-9_-]{43};/);
    expect(header).toContain('Path=/');
    expect(header).toContain('HttpOnly');
    expect(header).toContain('Secure');
    expect(header).toContain('SameSite=Lax');
    expect(header).not.toContain('Domain=');
  });

  it('AUTH-05: a wrong password and an unknown email get the same 401 problem', async () => {
    const wrong = await loginRaw(org.users.committee.email, 'not the password at all');
    const unknown = await loginRaw('nobody@nowhere.test', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json()).toMatchObject({ status: 401, code: 'invalid_credentials' });
  });

  it('AUD-02: a failed login is audited without the typed password or email', async () => {
    await loginRaw(org.users.evaluator.email, 'sentinel-password-XYZZY');
    const row = await lastAudit('authn_login_fail');
    expect(row).toMatchObject({ entityId: org.users.evaluator.id, outcome: 'failure', actorUserId: null });
    const all = JSON.stringify(await h.handle.db.select().from(auditEvents));
    expect(all).not.toContain('XYZZY');
    expect(all).not.toContain(org.users.evaluator.email);
  });

  it('AUTH-03: the 6th failure within 15 minutes answers 429 with Retry-After; the right password is refused while locked; others are unaffected; the lock expires', async () => {
    const email = org.users.participant.email;
    for (let i = 0; i < 5; i++) expect((await loginRaw(email, `wrong-${i}-password`)).statusCode).toBe(401);
    const sixth = await loginRaw(email, 'wrong-6-password');
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(sixth.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(sixth.json()).toMatchObject({ status: 429, code: 'login_locked' });
    expect((await loginRaw(email, PASSWORD)).statusCode).toBe(429);
    expect((await loginRaw(org.users.admin.email, PASSWORD)).statusCode).toBe(200);
    expect(await lastAudit('authn_login_fail_max')).toMatchObject({ entityId: org.users.participant.id });
    h.clock.advance(15 * 60_000 + 1000);
    expect((await loginRaw(email, PASSWORD)).statusCode).toBe(200);
  });

  it('AUTH-03: unknown emails lock out the same way (no enumeration through lockout)', async () => {
    for (let i = 0; i < 5; i++) await loginRaw('ghost@nowhere.test', `wrong-${i}-password`);
    expect((await loginRaw('ghost@nowhere.test', 'wrong-again')).statusCode).toBe(429);
  });

  it('AUTH-06: logging in replaces the earlier login cookie (no fixation)', async () => {
    const first = await loginRaw(org.users.coordinator.email, PASSWORD);
    const cookie1 = sessionCookie(first)!;
    const second = await loginRaw(org.users.coordinator.email, PASSWORD, { cookie: cookie1 });
    const cookie2 = sessionCookie(second)!;
    expect(cookie2).not.toBe(cookie1);
    const old = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookie1 } });
    expect(old.statusCode).toBe(401);
    const fresh = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookie2 } });
    expect(fresh.statusCode).toBe(200);
  });

  it('stores only a hash of the login token', async () => {
    const a = await login(h, org.users.mentor.email);
    const token = a.cookie.split('=')[1]!;
    const rows = await h.handle.db.select().from(authSessions);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });
});

describe('logout and session end', () => {
  it('AUTH-08: after logout the old cookie answers 401', async () => {
    const a = await login(h, org.users.committee.email);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    const out = await a.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/__Host-tandem=;/);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await lastAudit('authn_logout')).toMatchObject({ actorUserId: org.users.committee.id });
  });

  it('AUTH-08: changing the password ends the user’s other logins but keeps this one', async () => {
    const phone = await login(h, org.users.evaluator.email);
    const desk = await login(h, org.users.evaluator.email);
    const newPassword = 'a much longer passphrase 2026';
    const res = await desk.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword });
    expect(res.statusCode).toBe(204);
    expect((await phone.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await desk.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await loginRaw(org.users.evaluator.email, newPassword)).statusCode).toBe(200);
  });

  it('AUTH-07: a staff login idle for more than 15 minutes answers 401', async () => {
    const a = await login(h, org.users.admin.email);
    h.clock.advance(16 * 60_000);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('CSRF (AUTH-09)', () => {
  it('refuses a state change without the X-CSRF-Token header', async () => {
    const a = await login(h, org.users.mentor.email);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: a.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_token' });
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('refuses a state change with a wrong token', async () => {
    const a = await login(h, org.users.mentor.email);
    const res = await a.post('/api/v1/auth/logout', undefined, { 'x-csrf-token': 'x'.repeat(43) });
    expect(res.statusCode).toBe(403);
  });

  it('refuses cross-site requests by Fetch Metadata and by Origin, even with the token', async () => {
    const a = await login(h, org.users.mentor.email);
    const bySite = await a.post('/api/v1/auth/logout', undefined, { 'sec-fetch-site': 'cross-site' });
    expect(bySite.statusCode).toBe(403);
    const byOrigin = await a.post('/api/v1/auth/logout', undefined, { origin: 'https://evil.example' });
    expect(byOrigin.statusCode).toBe(403);
    expect(byOrigin.json()).toMatchObject({ code: 'csrf_origin' });
  });

  it('refuses a cross-site login (login CSRF)', async () => {
    const res = await loginRaw(org.users.mentor.email, PASSWORD, { 'sec-fetch-site': 'cross-site' });
    expect(res.statusCode).toBe(403);
  });
});

describe('AUTH-02: password rules', () => {
  it.each([
    ['seven77', 'participant', 'too_short'],
    ['eight888', 'participant', null],
    ['elevenchars', 'coordinator', 'too_short'],
    ['twelve chars', 'coordinator', null],
    ['x'.repeat(64), 'admin', null],
    ['Password123', 'participant', 'too_common'],
    ['password1234', 'mentor', 'too_common'],
  ] as const)('%s as %s → %s', (pw, role, expected) => {
    expect(passwordProblem(pw, role)).toBe(expected);
  });

  it('verifies the password exactly as typed: a trailing space is significant', async () => {
    const res = await loginRaw(org.users.committee.email, `${PASSWORD} `);
    expect(res.statusCode).toBe(401);
  });

  it('refuses a new password that breaks the rules with 422 naming AUTH-02 and the field', async () => {
    const a = await login(h, org.users.coordinator.email);
    const res = await a.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ ruleId: 'AUTH-02', errors: [{ field: 'newPassword' }] });
  });
});
