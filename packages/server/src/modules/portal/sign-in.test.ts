/** Participants' sign-in without email: invitation, printed codes, sign-in names and phones (ADR 011). */
import { auditEvents, memberships, participants, signInCodes, users } from '@tandem/db';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Agent,
  codeLogin,
  type Harness,
  login,
  type Org,
  seedOrg,
  seedProgram,
  sessionCookie,
  startHarness,
} from '../../testing/harness';
import { participant } from '../mentorships/fixtures';
import { invite } from './fixtures';

let h: Harness;
let org: Org;
let other: Org;
let coordinator: Agent;
let otherCoordinator: Agent;
let programId: string;

beforeAll(async () => {
  h = await startHarness();
  org = await seedOrg(h, 'Alpha');
  other = await seedOrg(h, 'Beta');
  programId = (await seedProgram(h, org.id)).id;
  await seedProgram(h, other.id);
});
afterAll(() => h.close());
// Tests move the clock by minutes and days; staff logins idle out after 15 (AUTH-07).
beforeEach(async () => {
  coordinator = await login(h, org.users.coordinator.email);
  otherCoordinator = await login(h, other.users.coordinator.email);
});

let n = 0;
const newParticipant = async (o: Org = org, pid = programId) =>
  (await participant(h, o, pid, `Person ${++n}`)).id;

const codeLoginRaw = (code: string, headers: Record<string, string> = {}, remoteAddress?: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/code-login',
    payload: { code },
    headers,
    ...(remoteAddress ? { remoteAddress } : {}),
  });
const loginRaw = (identifier: string, password: string, remoteAddress?: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { identifier, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });

async function lastAudit(action: string) {
  const [row] = await h.handle.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row;
}

describe('invitation', () => {
  it('creates a login without email, with a printed sign-in name, linked to the participant record', async () => {
    const id = await newParticipant();
    const sheet = await invite(coordinator, id, { locale: 'ar', codes: 4, phone: '+972 50-123 4567' });
    expect(sheet).toMatchObject({
      participantId: id,
      locale: 'ar',
      phone: '+972501234567',
      orgName: 'Alpha',
    });
    expect(sheet.signInName).toMatch(/^[A-Z][0-9A-Z]{3}-[0-9A-Z]{4}$/);
    expect(sheet.codes).toHaveLength(4);
    for (const c of sheet.codes) expect(c.code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);
    const [p] = await h.handle.db.select().from(participants).where(eq(participants.id, id));
    const [u] = await h.handle.db.select().from(users).where(eq(users.id, p!.userId!));
    expect(u).toMatchObject({ email: null, passwordHash: null, locale: 'ar', phone: '+972501234567' });
    const [m] = await h.handle.db.select().from(memberships).where(eq(memberships.userId, u!.id));
    expect(m).toMatchObject({ orgId: org.id, role: 'participant' });
  });

  it('keeps only a SHA-256 of each code; neither codes nor the phone number reach the audit trail (AUD-05)', async () => {
    const id = await newParticipant();
    const sheet = await invite(coordinator, id, { locale: 'he', codes: 2, phone: '+4512345678' });
    const stored = await h.handle.db.select().from(signInCodes).where(eq(signInCodes.participantId, id));
    expect(stored).toHaveLength(2);
    const plain = sheet.codes.map((c) => c.code.replace(/-/g, ''));
    for (const row of stored) {
      expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(plain).not.toContain(row.codeHash);
    }
    const audit = JSON.stringify(await h.handle.db.select().from(auditEvents));
    for (const code of plain) expect(audit).not.toContain(code);
    expect(audit).not.toContain('12345678');
    expect(await lastAudit('portal.invite')).toMatchObject({
      entityId: id,
      subjectId: id,
      actorUserId: org.users.coordinator.id,
    });
  });

  it('a new sheet ends the unused codes of the old one', async () => {
    const id = await newParticipant();
    const first = await invite(coordinator, id, { locale: 'en', codes: 2 });
    const second = await invite(coordinator, id, { locale: 'en', codes: 1 });
    expect(second.signInName).toBe(first.signInName);
    expect((await codeLoginRaw(first.codes[1]!.code)).statusCode).toBe(401);
    expect((await codeLoginRaw(second.codes[0]!.code)).statusCode).toBe(200);
    const access = await coordinator.get(`/api/v1/participants/${id}/portal-access`);
    expect(access.json()).toMatchObject({ invited: true, activeCodes: 0, hasPassword: false });
  });

  it('a participant who already signs in by email keeps it and gains a sign-in name, codes and the sheet language', async () => {
    const id = (await participant(h, org, programId, 'Has Email', { userId: org.users.participant.id })).id;
    const sheet = await invite(coordinator, id, { locale: 'he', codes: 1 });
    const [u] = await h.handle.db.select().from(users).where(eq(users.id, org.users.participant.id));
    expect(u).toMatchObject({ email: org.users.participant.email, locale: 'he' });
    expect(u!.signInName).toBe(sheet.signInName.replace('-', ''));
    const p = await codeLogin(h, sheet.codes[0]!.code);
    expect(p.me.user).toMatchObject({ id: org.users.participant.id, locale: 'he', hasPassword: true });
  });

  it('refuses a phone number without a country code, naming the field', async () => {
    const res = await coordinator.post(`/api/v1/participants/${await newParticipant()}/portal-invitation`, {
      locale: 'en',
      phone: 'call me',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(
      expect.objectContaining({ field: 'phone', code: 'phone_invalid' }),
    );
  });

  it('AUTH-05: a number used in this organisation is a conflict; the same number in another organisation is not', async () => {
    await invite(coordinator, await newParticipant(), { locale: 'en', phone: '+37120000001' });
    const again = await coordinator.post(`/api/v1/participants/${await newParticipant()}/portal-invitation`, {
      locale: 'en',
      phone: '+371 2000 0001',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toMatchObject({ field: 'phone', code: 'phone_in_use' });
    const elsewhere = await otherCoordinator.post(
      `/api/v1/participants/${await newParticipant(other, (await seedProgram(h, other.id)).id)}/portal-invitation`,
      { locale: 'en', phone: '+37120000001' },
    );
    expect(elsewhere.statusCode).toBe(201);
  });

  it("TEN-02: another organisation's participant is a 404, and nothing is written", async () => {
    const id = await newParticipant();
    const res = await otherCoordinator.post(`/api/v1/participants/${id}/portal-invitation`, { locale: 'en' });
    expect(res.statusCode).toBe(404);
    const [p] = await h.handle.db.select().from(participants).where(eq(participants.id, id));
    expect(p!.userId).toBeNull();
    expect((await otherCoordinator.get(`/api/v1/participants/${id}/portal-access`)).statusCode).toBe(404);
  });
});

describe('signing in with a printed code', () => {
  it('a code works once, in any case and spacing, and opens a participant login in the sheet language', async () => {
    const sheet = await invite(coordinator, await newParticipant(), { locale: 'ar', codes: 2 });
    const typed = ` ${sheet.codes[0]!.code.toLowerCase().replace(/-/g, ' ')} `;
    const res = await codeLoginRaw(typed);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      role: 'participant',
      orgId: org.id,
      loginMethod: 'code',
      mayChoosePassword: true,
      user: { email: null, signInName: sheet.signInName, locale: 'ar', hasPassword: false },
    });
    const again = await codeLoginRaw(sheet.codes[0]!.code);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: 'invalid_code' });
    expect(await lastAudit('authn_code_fail')).toMatchObject({
      outcome: 'failure',
      detail: { reason: 'used' },
    });
  });

  it('AUTH-05: unknown, used, replaced and expired codes get the same 401 problem', async () => {
    const id = await newParticipant();
    const old = await invite(coordinator, id, { locale: 'en', codes: 2 });
    await codeLoginRaw(old.codes[0]!.code);
    const fresh = await invite(coordinator, id, { locale: 'en', codes: 1 });
    const used = await codeLoginRaw(old.codes[0]!.code);
    const replaced = await codeLoginRaw(old.codes[1]!.code);
    const unknown = await codeLoginRaw('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    h.clock.advance(15 * 86400_000);
    const expired = await codeLoginRaw(fresh.codes[0]!.code);
    h.clock.advance(-15 * 86400_000);
    const bodies = [used, replaced, unknown, expired].map((r) => {
      expect(r.statusCode).toBe(401);
      return strip(r.json());
    });
    for (const b of bodies) expect(b).toEqual(bodies[0]);
  });

  it('AUTH-06: a code login replaces the login cookie sent with it (no fixation)', async () => {
    const sheet = await invite(coordinator, await newParticipant(), { locale: 'en', codes: 2 });
    const first = await codeLoginRaw(sheet.codes[0]!.code);
    const cookie1 = sessionCookie(first)!;
    const second = await codeLoginRaw(sheet.codes[1]!.code, { cookie: cookie1 });
    const cookie2 = sessionCookie(second)!;
    expect(cookie2).not.toBe(cookie1);
    expect(cookie2).toMatch(/^__Host-tandem=[A-Za-z0-9_-]{43}$/);
    const old = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookie1 } });
    expect(old.statusCode).toBe(401);
  });

  it('AUTH-07: a participant login idle for 30 minutes still works; past 30 minutes it answers 401', async () => {
    const sheet = await invite(coordinator, await newParticipant(), { locale: 'en', codes: 1 });
    const p = await codeLogin(h, sheet.codes[0]!.code);
    h.clock.advance(29 * 60_000);
    expect((await p.get('/api/v1/auth/me')).statusCode).toBe(200);
    h.clock.advance(31 * 60_000);
    expect((await p.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('AUTH-03: the 11th wrong code from one address answers 429 with Retry-After; a good code waits too; other addresses are unaffected', async () => {
    const sheet = await invite(coordinator, await newParticipant(), { locale: 'en', codes: 2 });
    const ip = '203.0.113.7';
    for (let i = 0; i < 10; i++) {
      expect((await codeLoginRaw(`AAAA-AAAA-AAAA-AA${String(i).padStart(2, '0')}`, {}, ip)).statusCode).toBe(
        401,
      );
    }
    const locked = await codeLoginRaw('AAAA-AAAA-AAAA-AAAA', {}, ip);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json()).toMatchObject({ code: 'login_locked' });
    expect((await codeLoginRaw(sheet.codes[0]!.code, {}, ip)).statusCode).toBe(429);
    expect((await codeLoginRaw(sheet.codes[0]!.code, {}, '198.51.100.9')).statusCode).toBe(200);
    expect(await lastAudit('authn_login_fail_max')).toBeDefined();
    h.clock.advance(15 * 60_000 + 1000);
    expect((await codeLoginRaw(sheet.codes[1]!.code, {}, ip)).statusCode).toBe(200);
  });

  it('AUTH-09: a cross-site code login is refused', async () => {
    const sheet = await invite(coordinator, await newParticipant(), { locale: 'en', codes: 1 });
    const res = await codeLoginRaw(sheet.codes[0]!.code, { 'sec-fetch-site': 'cross-site' });
    expect(res.statusCode).toBe(403);
    expect((await codeLoginRaw(sheet.codes[0]!.code)).statusCode).toBe(200);
  });

  it('TEN-07: a participant whose access was ended cannot use a code', async () => {
    const id = await newParticipant();
    const sheet = await invite(coordinator, id, { locale: 'en', codes: 1 });
    const [p] = await h.handle.db.select().from(participants).where(eq(participants.id, id));
    await h.handle.db.update(memberships).set({ disabled: true }).where(eq(memberships.userId, p!.userId!));
    expect((await codeLoginRaw(sheet.codes[0]!.code)).statusCode).toBe(401);
    const res = await coordinator.post(`/api/v1/participants/${id}/portal-invitation`, { locale: 'en' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'portal_access_ended' });
  });
});

describe('a password of their own (AUTH-02)', () => {
  async function freshParticipant(phone?: string) {
    const sheet = await invite(coordinator, await newParticipant(), {
      locale: 'ar',
      codes: 3,
      ...(phone ? { phone } : {}),
    });
    return { sheet, agent: await codeLogin(h, sheet.codes[0]!.code) };
  }

  it.each([
    ['seven77', 422],
    ['Password123', 422],
    ['eight888', 204],
  ] as const)('AUTH-02: %s → %i', async (pw, status) => {
    const { agent } = await freshParticipant();
    const res = await agent.post('/api/v1/auth/code-password', { newPassword: pw });
    expect(res.statusCode).toBe(status);
    if (status === 422)
      expect(res.json()).toMatchObject({ ruleId: 'AUTH-02', errors: [{ field: 'newPassword' }] });
  });

  it('AUTH-01, AUTH-08: the chosen password is argon2id, signs in with the sign-in name and phone, and ends the other logins', async () => {
    const { sheet, agent } = await freshParticipant('+972 52 765 4321');
    const phone = await codeLogin(h, sheet.codes[1]!.code);
    expect(
      (await agent.post('/api/v1/auth/code-password', { newPassword: 'olive tree 2026' })).statusCode,
    ).toBe(204);
    expect((await phone.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await agent.get('/api/v1/auth/me')).json()).toMatchObject({ user: { hasPassword: true } });
    const [u] = await h.handle.db.select().from(users).where(eq(users.id, agent.me.user.id));
    expect(u!.passwordHash!.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    for (const identifier of [
      sheet.signInName,
      sheet.signInName.toLowerCase().replace('-', ''),
      '+972527654321',
      '052-765 4321',
      '00972527654321',
    ]) {
      const res = await loginRaw(identifier, 'olive tree 2026');
      expect({ identifier, status: res.statusCode }).toEqual({ identifier, status: 200 });
      expect(res.json()).toMatchObject({
        role: 'participant',
        loginMethod: 'password',
        mayChoosePassword: false,
      });
    }
    expect(await lastAudit('user.password_set')).toMatchObject({ actorUserId: agent.me.user.id });
  });

  it('only a fresh code login may choose a password without the old one', async () => {
    const { agent } = await freshParticipant();
    h.clock.advance(16 * 60_000);
    await agent.get('/api/v1/auth/me');
    const late = await agent.post('/api/v1/auth/code-password', { newPassword: 'a fine password' });
    expect(late.statusCode).toBe(403);
    expect(late.json()).toMatchObject({ code: 'fresh_code_login_required' });
    const staff = await login(h, org.users.mentor.email);
    expect((await staff.post('/api/v1/auth/code-password', { newPassword: 'x'.repeat(20) })).statusCode).toBe(
      403,
    );
  });

  it('AUTH-05: an unknown sign-in name or phone and a wrong password get the same 401 problem', async () => {
    const { sheet, agent } = await freshParticipant('+4587654321');
    await agent.post('/api/v1/auth/code-password', { newPassword: 'blue bicycle' });
    const wrong = await loginRaw(sheet.signInName, 'not the password');
    const unknownName = await loginRaw('QQQQ-QQQQ', 'not the password');
    const unknownPhone = await loginRaw('+4511111111', 'not the password');
    const wrongPhone = await loginRaw('87654321', 'not the password');
    for (const r of [wrong, unknownName, unknownPhone, wrongPhone]) {
      expect(r.statusCode).toBe(401);
      expect(strip(r.json())).toEqual(strip(wrong.json()));
    }
  });

  it('AUTH-03: failures count against the account whichever identifier is typed; unknown identifiers lock alike', async () => {
    const { sheet, agent } = await freshParticipant('+37129999999');
    await agent.post('/api/v1/auth/code-password', { newPassword: 'green meadow' });
    for (let i = 0; i < 3; i++) expect((await loginRaw(sheet.signInName, `wrong ${i}`)).statusCode).toBe(401);
    for (let i = 0; i < 2; i++) expect((await loginRaw('29999999', `wrong ${i}`)).statusCode).toBe(401);
    const sixth = await loginRaw('+37129999999', 'wrong again');
    expect(sixth.statusCode).toBe(429);
    expect((await loginRaw(sheet.signInName, 'green meadow')).statusCode).toBe(429);
    for (let i = 0; i < 5; i++) await loginRaw('WWWW-WWWW', `wrong ${i}`);
    expect((await loginRaw('WWWW-WWWW', 'wrong')).statusCode).toBe(429);
    h.clock.advance(15 * 60_000 + 1000);
    expect((await loginRaw(sheet.signInName, 'green meadow')).statusCode).toBe(200);
  });

  it('a shared number in two organisations signs each person into their own account', async () => {
    const phone = '+972533333333';
    const a = await freshParticipant(phone);
    await a.agent.post('/api/v1/auth/code-password', { newPassword: 'first person pw' });
    const otherProgram = (await seedProgram(h, other.id)).id;
    const b = await invite(otherCoordinator, await newParticipant(other, otherProgram), {
      locale: 'en',
      phone,
    });
    const bAgent = await codeLogin(h, b.codes[0]!.code);
    await bAgent.post('/api/v1/auth/code-password', { newPassword: 'second person pw' });
    const asA = await loginRaw('053-333 3333', 'first person pw');
    const asB = await loginRaw('053-333 3333', 'second person pw');
    expect(asA.json()).toMatchObject({ orgId: org.id, user: { id: a.agent.me.user.id } });
    expect(asB.json()).toMatchObject({ orgId: other.id, user: { id: bAgent.me.user.id } });
  });

  it('the older `email` field still signs staff in, and exactly one identifier is required', async () => {
    const both = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { identifier: org.users.admin.email, email: org.users.admin.email, password: 'x' },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0]).toMatchObject({ field: 'identifier' });
    const staff = await loginRaw(org.users.admin.email.toUpperCase(), 'correct horse battery staple');
    expect(staff.statusCode).toBe(200);
  });
});
