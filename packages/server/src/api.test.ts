/** Input, output and API hygiene: API-01 … API-07, CRY-04. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { users } from '@tandem/db';
import { ROLES } from '@tandem/domain';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { type Agent, type Harness, login, type Org, seedOrg, startHarness } from './testing/harness';

let h: Harness;
let org: Org;
let admin: Agent;

beforeAll(async () => {
  h = await startHarness();
  org = await seedOrg(h, 'Alpha');
  admin = await login(h, org.users.admin.email);
});
afterAll(() => h.close());

const createUser = (body: unknown) => admin.post('/api/v1/users', body);

describe('API-01: invalid input is a 400 problem naming the field', () => {
  it('a wrong type names the field', async () => {
    const res = await createUser({ email: 'x@alpha.test', displayName: 42, role: 'mentor' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field: 'displayName' }));
  });

  it('an unknown role and a malformed email are both named', async () => {
    const res = await createUser({ email: 'not-an-email', displayName: 'Ok', role: 'superuser' });
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['email', 'role']);
  });

  it('malformed JSON is a 400 problem, not a 500', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('an unsupported content type is a 415 problem', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: 'a=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('random bodies and queries never produce a 5xx (property-based)', async () => {
    const routes = h.app.routeInventory.filter(
      (r) => r.url.startsWith('/api/v1') && r.url !== '/api/v1/auth/logout',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(
          fc.anything(),
          fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))),
        ),
        fc.string(),
        async (route, body, junk) => {
          const url =
            route.url.replace(/:[a-zA-Z]+/g, encodeURIComponent(junk) || 'x') +
            `?limit=${encodeURIComponent(junk)}`;
          const res = await admin.inject({
            method: route.method as 'POST',
            url,
            payload: route.method === 'GET' ? undefined : (JSON.stringify(body) ?? 'null'),
            headers: { 'content-type': 'application/json' },
          });
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 150, seed: 20261123 },
    );
  });
});

describe('API-02: names are normalised and free of control and bidi characters', () => {
  it.each([
    ['NUL', 'Dana\u0000Levi'],
    ['lone surrogate', 'Dana\ud800'],
    ['right-to-left override', 'Dana\u202Egpj.exe'],
    ['first-strong isolate', 'Dana\u2068Levi'],
    ['C1 control', 'Dana\u0085Levi'],
    ['newline in a name', 'Dana\nLevi'],
  ])('refuses a display name with a %s', async (_label, name) => {
    const res = await createUser({
      email: `bad${Math.abs(name.length)}@alpha.test`,
      displayName: name,
      role: 'mentor',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'displayName' });
  });

  it.each([
    ['Hebrew', 'נועה לוי', 'he@alpha.test'],
    ['Arabic', 'أمير حداد', 'ar@alpha.test'],
    ['Latvian', 'Jānis Bērziņš', 'lv@alpha.test'],
    ['Danish', 'Søren Ærø', 'da@alpha.test'],
  ])('accepts and round-trips a %s name', async (_label, name, email) => {
    const res = await createUser({ email, displayName: name, role: 'mentor' });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.displayName).toBe(name);
  });

  it('stores names NFC-normalised', async () => {
    const decomposed = 'Ja\u0304nis'; // "ā" as a + combining macron
    const res = await createUser({ email: 'nfc@alpha.test', displayName: decomposed, role: 'mentor' });
    expect(res.json().user.displayName).toBe('J\u0101nis');
  });
});

describe('API-03: size limits', () => {
  it('a body over 256 KB is a 413 problem and nothing is written', async () => {
    const res = await createUser({
      email: 'big@alpha.test',
      displayName: 'x'.repeat(1_100_000),
      role: 'mentor',
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await h.handle.db.select().from(users).where(eq(users.email, 'big@alpha.test'))).toEqual([]);
  });

  it('a very long name is a 400 naming the field', async () => {
    const res = await createUser({ email: 'long@alpha.test', displayName: 'x'.repeat(5000), role: 'mentor' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'displayName', code: 'too_big' });
  });

  it('a page size above 100 is refused', async () => {
    const res = await admin.get('/api/v1/audit-events?limit=100000');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'querystring.limit' });
  });

  it('cursors are signed: a tampered cursor is a 400, a real one pages on', async () => {
    const first = (await admin.get('/api/v1/audit-events?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const next = (await admin.get(`/api/v1/audit-events?limit=2&cursor=${first.nextCursor}`)).json();
    expect(Number(next.items[0].id)).toBeLessThan(Number(first.items[1].id));
    const [payload, sig] = String(first.nextCursor).split('.');
    const forged = `${Buffer.from(JSON.stringify({ id: 999999 })).toString('base64url')}.${sig}`;
    expect(payload).not.toBe(forged.split('.')[0]);
    const res = await admin.get(`/api/v1/audit-events?cursor=${forged}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_cursor');
  });
});

describe('API-05: security headers', () => {
  it('a JSON response carries CSP, nosniff, no-referrer, no-store and frame-ancestors none', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a foreign Origin gets no CORS allowance', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('TRACE is refused', async () => {
    const res = await h.app.inject({ method: 'TRACE' as 'GET', url: '/api/health' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});

describe('API-06: server errors are generic', () => {
  it('a database failure answers 500 problem+json with a request id and no stack or SQL', async () => {
    const broken = await buildApp({ db: h.handle.db });
    broken.get('/api/v1/boom', { config: { access: { public: true } } }, async () => {
      await h.handle.db.execute('select * from no_such_table_xyz' as never);
      return {};
    });
    const res = await broken.inject({ method: 'GET', url: '/api/v1/boom' });
    await broken.close();
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body).toMatchObject({ status: 500, code: 'internal_error', requestId: expect.any(String) });
    expect(res.body).not.toMatch(/no_such_table_xyz|select \*| at \//);
  });
});

describe('API-07: the OpenAPI document is the inventory', () => {
  it('every registered API route is in the document and every documented path is registered', async () => {
    const spec = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = new Set(
      Object.entries(spec.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
      ),
    );
    const registered = new Set(
      h.app.routeInventory
        .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
        .map((r) => `${r.method} ${r.url.replace(/:([a-zA-Z]+)/g, '{$1}')}`),
    );
    expect([...registered].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((d) => !registered.has(d))).toEqual([]);
    expect(registered.size).toBeGreaterThan(5);
  });

  it('every documented operation declares its error responses', async () => {
    const spec = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const codes = Object.keys(op.responses);
        expect({ op: `${method} ${path}`, hasError: codes.some((c) => Number(c) >= 400) }).toEqual({
          op: `${method} ${path}`,
          hasError: true,
        });
      }
    }
  });

  it('CRY-04: in production the docs need a signed-in admin, and source maps are not served', async () => {
    const web = mkdtempSync(join(tmpdir(), 'tandem-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Tandem</title>');
    writeFileSync(join(web, 'app.js.map'), '{}');
    const prod = await buildApp({
      db: h.handle.db,
      config: { production: true, publicDocs: false, webDist: web },
      masterKey: Buffer.alloc(32, 7),
    });
    expect((await prod.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(401);
    expect((await prod.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(401);
    expect((await prod.inject({ method: 'GET', url: '/app.js.map' })).statusCode).toBe(404);
    expect((await prod.inject({ method: 'GET', url: '/__debug' })).statusCode).toBe(404);
    const spa = await prod.inject({ method: 'GET', url: '/participants/123' });
    expect(spa.statusCode).toBe(200);
    expect(spa.headers['content-type']).toContain('text/html');
    expect(spa.headers['content-security-policy']).toContain("script-src 'self'");
    await prod.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('CRY-01: production refuses to start without a master key from the environment', async () => {
    const saved = process.env.TANDEM_MASTER_KEY;
    delete process.env.TANDEM_MASTER_KEY;
    await expect(buildApp({ db: h.handle.db, config: { production: true } })).rejects.toThrow(
      /TANDEM_MASTER_KEY/,
    );
    if (saved !== undefined) process.env.TANDEM_MASTER_KEY = saved;
  });
});

describe('roles', () => {
  it('a user can hold different roles in different organisations and switch between them', async () => {
    const beta = await seedOrg(h, 'Beta');
    const res = await login(h, beta.users.admin.email);
    const made = await res.post('/api/v1/users', {
      email: org.users.mentor.email,
      displayName: 'Shared Person',
      role: 'committee',
    });
    expect(made.statusCode).toBe(201);
    expect(made.json().oneTimePassword).toBeNull();
    const mentor = await login(h, org.users.mentor.email);
    expect(mentor.me.memberships.map((m) => m.role).sort()).toEqual(['committee', 'mentor']);
    const switched = await mentor.post('/api/v1/auth/switch-org', { orgId: beta.id });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ orgId: beta.id, role: 'committee' });
    expect(ROLES).toContain(switched.json().role);
  });
});
