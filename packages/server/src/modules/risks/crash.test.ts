/**
 * REL-08 with a real crash: `tandem start` as its own process, a high sign of
 * risk recorded through HTTP, then kill -9 while the alert e-mail is still in
 * flight. After a restart on the same database the alert exists and is
 * delivered exactly once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  buildMembership,
  buildMentor,
  buildMentorship,
  buildOrganisation,
  buildParticipant,
  buildProgram,
  buildUser,
  createDb,
  type DbHandle,
  type DbOptions,
  riskAlerts,
} from '@tandem/db';
import { withDatabase } from '@tandem/db/testing/global-setup';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../app';
import { PASSWORD, passwordHash } from '../../testing/harness';

const root = resolve(import.meta.dirname, '../../../../..');
const tpl = inject('tandemTemplate');
let dbEnv: Record<string, string>;
let dbOpts: DbOptions;
let cleanup: () => Promise<void> = async () => {};
let smtp: SMTPServer;
let smtpPort = 0;
/** Messages the mail server accepted (answered 250). Held ones are not delivered. */
const delivered: string[] = [];
let holding = true;
let child: ChildProcess | null = null;

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

beforeAll(async () => {
  if (tpl.driver === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-crash-'));
    dbEnv = { TANDEM_DATA_DIR: dir };
    dbOpts = { dataDir: dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `tandem_crash_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: tpl.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${tpl.template}`);
    await admin.end();
    const url = withDatabase(tpl.url, name);
    dbEnv = { DATABASE_URL: url };
    dbOpts = { url };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: tpl.url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let body = '';
      stream.on('data', (d) => {
        body += d;
      });
      stream.on('end', () => {
        // While holding, the message is never acknowledged: the sender waits, as on a slow link.
        if (holding) return;
        delivered.push(body);
        callback();
      });
    },
  });
  await new Promise<void>((res) => smtp.listen(smtpPort, '127.0.0.1', () => res()));
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await new Promise<void>((res) => smtp.close(() => res()));
  await cleanup();
});

async function seed(handle: DbHandle) {
  const db = handle.db;
  const org = await buildOrganisation(db, { name: 'Crash' });
  const program = await buildProgram(db, {
    orgId: org.id,
    name: 'P',
    presetId: 'il-social-mentorship',
    timeZone: 'Asia/Jerusalem',
  });
  const hash = await passwordHash();
  const mentorUser = await buildUser(db, {
    email: 'mentor@crash.test',
    displayName: 'Mentor',
    passwordHash: hash,
  });
  const coordinator = await buildUser(db, {
    email: 'coordinator@crash.test',
    displayName: 'Coord',
    passwordHash: hash,
  });
  await buildMembership(db, { orgId: org.id, userId: mentorUser.id, role: 'mentor' });
  await buildMembership(db, { orgId: org.id, userId: coordinator.id, role: 'coordinator' });
  const m = await buildMentor(db, {
    orgId: org.id,
    programId: program.id,
    displayName: 'Mentor',
    userId: mentorUser.id,
  });
  const p = await buildParticipant(db, { orgId: org.id, programId: program.id, displayName: 'Someone' });
  return (
    await buildMentorship(db, { orgId: org.id, programId: program.id, participantId: p.id, mentorId: m.id })
  ).id;
}

async function startProcess(port: number) {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'packages/cli/src/main.ts'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      ...dbEnv,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      TANDEM_INSECURE_COOKIES: '1',
      TANDEM_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d) => {
    out += d;
  });
  proc.stderr?.on('data', (d) => {
    out += d;
  });
  const deadline = Date.now() + 60_000;
  while (!out.includes('Tandem is running')) {
    if (proc.exitCode !== null) throw new Error(`tandem start exited: ${out}`);
    if (Date.now() > deadline) throw new Error(`tandem start did not come up: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return proc;
}

describe('REL-08: a risk alert survives kill -9', () => {
  it('REL-08: killed right after the POST, with the e-mail in flight; after a restart the alert exists and is delivered once', async () => {
    const seeding = await createDb(dbOpts);
    await seeding.migrate();
    const mentorshipId = await seed(seeding);
    await seeding.close();

    const port = await freePort();
    child = await startProcess(port);
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'mentor@crash.test', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const res = await fetch(`${base}/api/v1/risk-observations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({
        mentorshipId,
        indicators: ['self_harm_or_suicide_talk'],
        severity: 'immediate',
        description: 'Said goodbye to everyone tonight',
      }),
    });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    child = null;
    expect(delivered).toHaveLength(0);

    // Restart on the same database with the mail server answering again.
    holding = false;
    const handle = await createDb(dbOpts);
    const [afterCrash] = await handle.db.select().from(riskAlerts).where(eq(riskAlerts.observationId, id));
    expect(afterCrash).toMatchObject({ emailStatus: 'pending', alertRole: 'coordinator' });
    const app = await buildApp({ db: handle.db, config: { smtpUrl: `smtp://127.0.0.1:${smtpPort}` } });
    await app.ready();
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [row] = await handle.db.select().from(riskAlerts).where(eq(riskAlerts.observationId, id));
      if (row?.emailStatus === 'sent') break;
      if (Date.now() > deadline) throw new Error(`alert not sent: ${JSON.stringify(row)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await app.close();
    // A second restart finds nothing left to send.
    const again = await buildApp({ db: handle.db, config: { smtpUrl: `smtp://127.0.0.1:${smtpPort}` } });
    await again.ready();
    await again.close();
    await handle.close();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toContain('needs your attention now');
    expect(delivered[0]).not.toContain('goodbye');
  });
});
