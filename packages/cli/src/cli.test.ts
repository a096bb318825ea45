import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freshDb } from '@tandem/db/testing/fresh-db';
import { ROLES } from '@tandem/domain';
import { buildApp } from '@tandem/server/app';
import { localFileStore } from '@tandem/server/files/store';
import { afterAll, describe, expect, it } from 'vitest';
import { demoEmail, hasAnyOrganisation, loadDemo, resetDemoPasswords } from './demo';

const root = resolve(import.meta.dirname, '../../..');
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGTERM');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

function startCli(env: Record<string, string>, args: string[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'packages/cli/src/main.ts'), ...args],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    },
  );
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  const ready = new Promise<string>((res, rej) => {
    const timer = setInterval(() => {
      if (out.includes('Tandem is running')) {
        clearInterval(timer);
        res(out);
      }
    }, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      rej(new Error(`exited ${code}: ${out}`));
    });
  });
  return { child, ready, output: () => out };
}

describe('demo data', () => {
  it('loads one login per role into an empty database, and each can sign in', async () => {
    const handle = await freshDb();
    expect(await hasAnyOrganisation(handle.db)).toBe(false);
    // The demo's task photos go to a store of this test's own, as the app's would go to its data directory.
    const filesDir = mkdtempSync(join(tmpdir(), 'tandem-demo-files-'));
    dirs.push(filesDir);
    const files = localFileStore(filesDir);
    await loadDemo(handle.db, 'demo-password-for-test', new Date(), files);
    const app = await buildApp({ db: handle.db, files });
    for (const role of ROLES) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: demoEmail(role), password: 'demo-password-for-test' },
      });
      expect({ role, status: res.statusCode, got: res.json().role }).toEqual({
        role,
        status: 200,
        got: role,
      });
    }
    expect(await resetDemoPasswords(handle.db, 'another-demo-password')).toBe(true);
    const old = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: demoEmail('admin'), password: 'demo-password-for-test' },
    });
    expect(old.statusCode).toBe(401);
    await app.close();
    await handle.close();
  });
});

describe('tandem start', () => {
  it('loads the demo on an empty data dir and prints the logins; REL-07: a second process on the same dir is refused', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
    dirs.push(dataDir);
    const port = await freePort();
    const first = startCli(
      { TANDEM_DATA_DIR: dataDir, PORT: String(port), TANDEM_DEMO_PASSWORD: 'printed-demo-pass' },
      ['start', '--demo-if-empty'],
    );
    const out = await first.ready;
    expect(out).toContain('coordinator@demo.tandem');
    expect(out).toContain('printed-demo-pass');
    // The participant without email: a sign-in name and a one-time code, printed fresh at each start.
    expect(out).toMatch(/sign-in name {2}[0-9A-Z]{4}-[0-9A-Z]{4}\n/);
    expect(out).toMatch(/one-time code [0-9A-Z]{4}(-[0-9A-Z]{4}){3} /);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });

    const second = startCli({ TANDEM_DATA_DIR: dataDir, PORT: String(await freePort()) }, ['start']);
    await expect(second.ready).rejects.toThrow(/Another Tandem process/);

    first.child.kill('SIGTERM');
    const code = await new Promise((res) => first.child.on('exit', res));
    expect(code).toBe(0);
  });

  it('CRY-04: in production there is never demo data, even when asked', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-prod-'));
    dirs.push(dataDir);
    const port = await freePort();
    const prod = startCli(
      {
        NODE_ENV: 'production',
        TANDEM_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
        TANDEM_DATA_DIR: dataDir,
        PORT: String(port),
        TANDEM_DEMO_PASSWORD: 'printed-demo-pass',
      },
      ['start', '--demo-if-empty'],
    );
    const out = await prod.ready;
    expect(out).not.toContain('demo.tandem');
    expect(out).not.toContain('one-time code');
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoEmail('admin'), password: 'printed-demo-pass' }),
    });
    expect(res.status).toBe(401);
    prod.child.kill('SIGTERM');
  });
});
