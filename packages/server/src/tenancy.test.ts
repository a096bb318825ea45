/**
 * The authorization matrix over the whole route table: default deny (TEN-01),
 * vertical escalation (TEN-10), cross-organisation ids (TEN-02) and the tenant
 * coming only from the session (TEN-05).
 */
import { randomUUID } from 'node:crypto';
import { memberships } from '@tandem/db';
import { ROLES } from '@tandem/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Harness, login, type Org, seedOrg, startHarness } from './testing/harness';

let h: Harness;
let a: Org;
let b: Org;
const agents: Record<string, Agent> = {};

beforeAll(async () => {
  h = await startHarness();
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  for (const role of ROLES) agents[`a:${role}`] = await login(h, a.users[role].email);
  agents['b:admin'] = await login(h, b.users.admin.email);
});
afterAll(() => h.close());

const apiRoutes = () =>
  h.app.routeInventory.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
const concrete = (url: string, id: string) => url.replace(/:[a-zA-Z]+/g, id);

describe('TEN-01: default deny', () => {
  it('every API route declares its access, and the table is not empty', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes.filter((r) => r.access === null)).toEqual([]);
  });

  it('registering a route without an access declaration fails', async () => {
    const { buildApp } = await import('./app');
    const app = await buildApp({ db: h.handle.db });
    expect(() => app.get('/api/v1/undeclared', async () => ({ ok: true }))).toThrow(
      /declares no access \(TEN-01\)/,
    );
    await app.close();
  });

  it('anonymous callers get 401 on every non-public route, before any validation', async () => {
    for (const r of apiRoutes()) {
      if (r.access && 'public' in r.access) continue;
      const res = await h.app.inject({
        method: r.method as 'GET',
        url: concrete(r.url, randomUUID()),
        payload: r.method === 'GET' ? undefined : { junk: true },
      });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({
        route: `${r.method} ${r.url}`,
        status: 401,
      });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('TEN-10: vertical escalation', () => {
  it('every role not listed on a route is refused with 403, never 2xx', async () => {
    let checked = 0;
    for (const r of apiRoutes()) {
      if (!r.access || 'public' in r.access) continue;
      for (const role of ROLES) {
        if (r.access.roles.includes(role)) continue;
        const res = await agents[`a:${role}`]!.inject({
          method: r.method as 'GET',
          url: concrete(r.url, a.users.mentor.id),
          payload: r.method === 'GET' ? undefined : {},
        });
        expect({ route: `${r.method} ${r.url}`, role, status: res.statusCode }).toEqual({
          route: `${r.method} ${r.url}`,
          role,
          status: 403,
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('AUD-02: a refused request leaves a denied audit row', async () => {
    const res = await agents['a:mentor']!.get('/api/v1/users');
    expect(res.statusCode).toBe(403);
    const rows = await h.handle.db.query.auditEvents.findMany({
      where: (t, { eq: e }) => e(t.actorUserId, a.users.mentor.id),
    });
    expect(rows.some((r) => r.action === 'access.denied' && r.outcome === 'denied')).toBe(true);
  });
});

describe('TEN-02: another organisation’s ids answer 404, like a missing id', () => {
  it('GET and PATCH of org A’s user by org B’s admin → 404 with the same body shape as a random id', async () => {
    const other = await agents['b:admin']!.get(`/api/v1/users/${a.users.coordinator.id}`);
    const missing = await agents['b:admin']!.get(`/api/v1/users/${randomUUID()}`);
    expect(other.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    const shape = (r: typeof other) => ({ ...r.json(), requestId: undefined, instance: undefined });
    expect(shape(other)).toEqual(shape(missing));
    const patch = await agents['b:admin']!.patch(`/api/v1/users/${a.users.coordinator.id}`, {
      role: 'mentor',
    });
    expect(patch.statusCode).toBe(404);
    const [m] = await h.handle.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, a.users.coordinator.id));
    expect(m!.role).toBe('coordinator');
  });

  it('the same ids work inside their own organisation (the 404 is about tenancy, not the id)', async () => {
    const own = await agents['a:admin']!.get(`/api/v1/users/${a.users.coordinator.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: a.users.coordinator.id, role: 'coordinator' });
  });

  it('TEN-04: lists contain only the caller’s organisation', async () => {
    const list = (await agents['b:admin']!.get('/api/v1/users')).json() as { items: { email: string }[] };
    expect(list.items).toHaveLength(6);
    expect(list.items.every((u) => u.email.endsWith('@beta.test'))).toBe(true);
    const audit = (await agents['b:admin']!.get('/api/v1/audit-events?limit=100')).json() as {
      items: { actorId: string | null }[];
    };
    const alphaIds = new Set(Object.values(a.users).map((u) => u.id));
    expect(audit.items.length).toBeGreaterThan(0);
    expect(audit.items.some((e) => e.actorId && alphaIds.has(e.actorId))).toBe(false);
  });
});

describe('TEN-05: the organisation comes only from the session', () => {
  it('an orgId in the body is refused as an unknown field and nothing is written', async () => {
    const res = await agents['a:admin']!.post('/api/v1/users', {
      email: 'smuggled@alpha.test',
      displayName: 'Smuggled',
      role: 'mentor',
      orgId: b.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(
      expect.objectContaining({ field: 'orgId', code: 'unknown_field' }),
    );
    const list = (await agents['b:admin']!.get('/api/v1/users')).json() as { items: { email: string }[] };
    expect(list.items.some((u) => u.email === 'smuggled@alpha.test')).toBe(false);
  });

  it('an X-Org-Id header is ignored: the user lands in the session’s organisation', async () => {
    const res = await agents['a:admin']!.post(
      '/api/v1/users',
      { email: 'header@alpha.test', displayName: 'Header Test', role: 'mentor' },
      { 'x-org-id': b.id },
    );
    expect(res.statusCode).toBe(201);
    const [m] = await h.handle.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, res.json().user.id));
    expect(m!.orgId).toBe(a.id);
  });

  it('switching to an organisation one is not a member of answers 404', async () => {
    const res = await agents['a:coordinator']!.post('/api/v1/auth/switch-org', { orgId: b.id });
    expect(res.statusCode).toBe(404);
  });
});

describe('TEN-07: access changes apply on the next request', () => {
  it('a disabled member is signed out at once', async () => {
    const evaluator = await login(h, a.users.evaluator.email);
    expect((await evaluator.get('/api/v1/auth/me')).statusCode).toBe(200);
    const res = await agents['a:admin']!.patch(`/api/v1/users/${a.users.evaluator.id}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await evaluator.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('an admin cannot remove their own admin access', async () => {
    const res = await agents['a:admin']!.patch(`/api/v1/users/${a.users.admin.id}`, { role: 'mentor' });
    expect(res.statusCode).toBe(409);
  });
});
