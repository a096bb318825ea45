import { Writable } from 'node:stream';
import { auditEvents, memberships, users } from '@tandem/db';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, LOG_REDACT } from '../../app';
import { sealAll, verifyAuditChains } from '../../audit/audit';
import {
  type Agent,
  type Harness,
  login,
  type Org,
  PASSWORD,
  seedOrg,
  startHarness,
} from '../../testing/harness';

let h: Harness;
let org: Org;
let admin: Agent;

beforeAll(async () => {
  h = await startHarness();
  org = await seedOrg(h, 'Alpha');
  admin = await login(h, org.users.admin.email);
});
afterAll(() => h.close());

const auditCount = async () => (await h.handle.db.select({ n: count() }).from(auditEvents))[0]!.n;

describe('AUD-01: every create and update writes one audit row in the same transaction', () => {
  it('creating a user writes exactly one user.create row naming actor, entity and outcome', async () => {
    const before = await auditCount();
    const res = await admin.post('/api/v1/users', {
      email: 'new.mentor@alpha.test',
      displayName: 'New Mentor',
      role: 'mentor',
    });
    expect(res.statusCode).toBe(201);
    expect(await auditCount()).toBe(before + 1);
    const rows = await h.handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.create'));
    expect(rows.at(-1)).toMatchObject({
      orgId: org.id,
      actorUserId: org.users.admin.id,
      actorRole: 'admin',
      entityType: 'membership',
      entityId: res.json().user.membershipId,
      outcome: 'success',
      requestId: expect.any(String),
    });
  });

  it('the admin can filter the audit log by actor and entity', async () => {
    const byActor = (await admin.get(`/api/v1/audit-events?actorId=${org.users.admin.id}`)).json();
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((e: { actorId: string }) => e.actorId === org.users.admin.id)).toBe(true);
    const byEntity = (await admin.get('/api/v1/audit-events?entityType=membership')).json();
    expect(byEntity.items.map((e: { action: string }) => e.action)).toContain('user.create');
    const future = (await admin.get('/api/v1/audit-events?from=2099-01-01T00:00:00Z')).json();
    expect(future.items).toEqual([]);
  });

  it('REL-01: if the audit insert fails, the user is not created either', async () => {
    // A real database fault: a trigger that rejects this one audit action.
    await h.handle.db.execute(sql`
      create function fail_user_create() returns trigger language plpgsql as $$
      begin if new.action = 'user.create' then raise exception 'injected failure'; end if; return new; end $$`);
    await h.handle.db.execute(
      sql`create trigger fail_user_create before insert on audit_events for each row execute function fail_user_create()`,
    );
    try {
      const res = await admin.post('/api/v1/users', {
        email: 'half.written@alpha.test',
        displayName: 'Half Written',
        role: 'mentor',
      });
      expect(res.statusCode).toBe(500);
      expect(
        await h.handle.db.select().from(users).where(eq(users.email, 'half.written@alpha.test')),
      ).toEqual([]);
      const orphan = await h.handle.db.select().from(memberships).where(eq(memberships.orgId, org.id));
      expect(orphan).toHaveLength(7);
    } finally {
      await h.handle.db.execute(sql`drop trigger fail_user_create on audit_events`);
    }
    const retry = await admin.post('/api/v1/users', {
      email: 'half.written@alpha.test',
      displayName: 'Half Written',
      role: 'mentor',
    });
    expect(retry.statusCode).toBe(201);
  });
});

describe('AUD-04: append-only and tamper-evident', () => {
  it('UPDATE and DELETE on audit_events are refused by the database', async () => {
    const cause = (p: Promise<unknown>) =>
      p.then(
        () => 'no error',
        (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
      );
    expect(await cause(h.handle.db.execute(sql`update audit_events set action = 'edited'`))).toMatch(
      /append-only \(AUD-04\)/,
    );
    expect(await cause(h.handle.db.execute(sql`delete from audit_events`))).toMatch(/append-only \(AUD-04\)/);
  });

  it('the seal is the one UPDATE allowed: it sets seq and hashes once, and cannot change what happened', async () => {
    await sealAll(h.handle.db);
    const [sealed] = await h.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.orgId, org.id))
      .limit(1);
    expect(sealed!.hash).toMatch(/^[0-9a-f]{64}$/);
    const cause = (p: Promise<unknown>) =>
      p.then(
        () => 'no error',
        (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
      );
    // Re-sealing a sealed row, or sealing while changing the content, is refused.
    expect(
      await cause(
        h.handle.db.execute(sql`update audit_events set hash = ${'f'.repeat(64)} where id = ${sealed!.id}`),
      ),
    ).toMatch(/append-only \(AUD-04\)/);
    await admin.post('/api/v1/users', {
      email: 'seal.check@alpha.test',
      displayName: 'Seal Check',
      role: 'mentor',
    });
    const [fresh] = await h.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), isNull(auditEvents.hash)));
    expect(fresh).toBeDefined();
    expect(
      await cause(
        h.handle.db.execute(
          sql`update audit_events set action = 'edited', seq = 999, prev_hash = 'x', hash = 'y' where id = ${fresh!.id}`,
        ),
      ),
    ).toMatch(/append-only \(AUD-04\)/);
  });

  it('a row committed after later ids were sealed joins the chain at its end, and the chain still verifies', async () => {
    await sealAll(h.handle.db);
    const [head] = await h.handle.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .orderBy(desc(auditEvents.id))
      .limit(1);
    // A transaction that took its id early and committed late: its id is below rows already sealed.
    const lateId = -head!.id;
    await h.handle.db.insert(auditEvents).values({
      id: lateId,
      orgId: org.id,
      at: h.clock.now(),
      action: 'user.create',
      entityType: 'user',
      outcome: 'success',
    });
    await sealAll(h.handle.db);
    const [late] = await h.handle.db.select().from(auditEvents).where(eq(auditEvents.id, lateId));
    const [max] = await h.handle.db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(eq(auditEvents.orgId, org.id))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(late!.seq).toBe(max!.seq);
    expect(await verifyAuditChains(h.handle.db)).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('sealed rows link to the previous one of their organisation in seq order, and verify finds the first altered row', async () => {
    await sealAll(h.handle.db);
    expect(await verifyAuditChains(h.handle.db)).toMatchObject({ ok: true, firstBadId: null, unsealed: 0 });
    const rows = await h.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.orgId, org.id))
      .orderBy(auditEvents.seq);
    expect(rows.length).toBeGreaterThan(3);
    for (let i = 0; i < rows.length; i++) expect(rows[i]!.seq).toBe(i + 1);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    const victim = rows[2]!;
    // Someone with table-owner rights switches the guard off and edits history.
    await h.handle.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await h.handle.db.execute(sql`update audit_events set action = 'authn_logout' where id = ${victim.id}`);
    await h.handle.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    expect(await verifyAuditChains(h.handle.db)).toMatchObject({ ok: false, firstBadId: victim.id });
    // Putting it back restores the chain; removing a row instead leaves a gap in seq that verify names.
    await h.handle.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await h.handle.db.execute(sql`update audit_events set action = ${victim.action} where id = ${victim.id}`);
    await h.handle.db.execute(sql`delete from audit_events where id = ${victim.id}`);
    await h.handle.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    expect(await verifyAuditChains(h.handle.db)).toMatchObject({ ok: false, firstBadId: rows[3]!.id });
  });
});

describe('AUD-05 and AUD-06: no secrets or personal data in audit rows or logs', () => {
  it('passwords, tokens and emails never reach the audit table or the JSON logs; a hostile name stays one log line', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        cb();
      },
    });
    const app = await buildApp({
      db: h.handle.db,
      clock: h.clock,
      config: { secureCookies: true },
      logger: { level: 'info', redact: LOG_REDACT, stream: sink },
    });
    const loginRes = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: org.users.admin.email, password: PASSWORD },
    });
    const cookie = `__Host-tandem=${loginRes.cookies.find((c) => c.name === '__Host-tandem')!.value}`;
    const csrf = loginRes.json().csrfToken as string;
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: org.users.mentor.email, password: 'sentinel-PW-QX81' },
    });
    const hostile = 'Mal\\n{"level":30,"msg":"forged"}';
    await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { email: org.users.mentor.email, displayName: hostile, role: 'mentor' },
    });
    await app.close();

    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.some((l) => JSON.parse(l).msg === 'forged')).toBe(false);
    const logs = lines.join('\n');
    expect(logs).not.toContain('sentinel-PW-QX81');
    expect(logs).not.toContain(PASSWORD);
    expect(logs).not.toContain(cookie.split('=')[1]!);
    expect(logs).not.toContain(org.users.mentor.email);
    expect(logs).toContain('m***@alpha.test');
    const audit = JSON.stringify(await h.handle.db.select().from(auditEvents));
    expect(audit).not.toContain('sentinel-PW-QX81');
    expect(audit).not.toContain(cookie.split('=')[1]!);
    expect(audit).not.toContain(org.users.mentor.email);
  });
});

describe('users (admin)', () => {
  it('a new account gets a one-time password that works once and must be changed', async () => {
    const res = await admin.post('/api/v1/users', {
      email: 'Fresh.Coordinator@Alpha.test',
      displayName: 'Fresh Coordinator',
      role: 'coordinator',
      locale: 'he',
    });
    expect(res.statusCode).toBe(201);
    const { user, oneTimePassword } = res.json();
    expect(user).toMatchObject({
      email: 'fresh.coordinator@alpha.test',
      role: 'coordinator',
      locale: 'he',
      disabled: false,
    });
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const [row] = await h.handle.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.mustChangePassword).toBe(true);
    const fresh = await login(h, 'fresh.coordinator@alpha.test', oneTimePassword);
    expect(fresh.me).toMatchObject({ role: 'coordinator', mustChangePassword: true });
    const blocked = await fresh.get('/api/v1/participants');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    const changed = await fresh.post('/api/v1/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: 'my own long passphrase',
    });
    expect(changed.statusCode).toBe(204);
    expect((await fresh.get('/api/v1/participants')).statusCode).toBe(200);
  });

  it('the same email twice in one organisation is a 409 naming the field', async () => {
    const res = await admin.post('/api/v1/users', {
      email: org.users.mentor.email,
      displayName: 'Dup',
      role: 'mentor',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'email_taken', errors: [{ field: 'email' }] });
  });

  it('the list shows every member with role and state', async () => {
    const list = (await admin.get('/api/v1/users')).json();
    const roles = list.items.map((u: { role: string }) => u.role);
    for (const role of ['admin', 'coordinator', 'mentor', 'committee', 'evaluator', 'participant'])
      expect(roles).toContain(role);
  });
});
