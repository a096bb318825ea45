/**
 * API load benchmark: the real server (`tandem start`) on PostgreSQL and on
 * embedded PGlite, each loaded with one seeded organisation (1,000 mentors,
 * 10,000 participants with an open mentorship each, 1,000,000 contacts over the
 * past year), then driven over HTTP by autocannon from a separate process:
 *   log_contact       POST /api/v1/contacts (mentorship lock, weekly caps, insert, audit)
 *   participant_file  GET /api/v1/participants/:id (scoped, audited read)
 *   weekly_report     GET /api/v1/reports/weekly-hours (the coordinator's report)
 * and, with the server stopped, the report query through Drizzle against the same
 * SQL through the raw driver. One JSON line per result on stdout; progress on stderr.
 *
 * Environment:
 *   BENCH_QUICK=1            small data (100 mentors, 1,000 participants, 50,000 contacts), 5 s runs
 *   BENCH_API_DB             postgres,pglite (default both)
 *   BENCH_API_SCENARIOS      log_contact,participant_file,weekly_report (default all)
 *   BENCH_API_DURATION       seconds per scenario (default 15; quick 5)
 *   BENCH_API_CONNECTIONS    concurrent connections (default 50)
 *   BENCH_API_REPORT_RUNS    timed runs of each report query (default 30)
 *   BENCH_PG_URL             a PostgreSQL database to connect to for CREATE/DROP DATABASE
 *                            (default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_API_CPU_PROF       a directory: the server runs with --cpu-prof and writes its profile there
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, type DbHandle } from '@tandem/db';
import { hashPassword } from '@tandem/server/modules/auth/password';
import pg from 'pg';
import type { LoadConfig, LoadResult, Scenario } from './load';
import { SEED } from './prng';
import { compareReportQuery } from './report-query';
import {
  COORDINATOR_EMAIL,
  COORDINATOR_ID,
  type Exec,
  FULL,
  mentorshipId,
  ORG_ID,
  PASSWORD,
  PROGRAM_ID,
  participantId,
  QUICK,
  type Sizes,
  seedScripts,
} from './seed';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const env = process.env;
const quick = env.BENCH_QUICK === '1';
const sizes: Sizes = quick ? QUICK : FULL;
const durationS = Number(env.BENCH_API_DURATION ?? (quick ? 5 : 15));
const connections = Number(env.BENCH_API_CONNECTIONS ?? 50);
const reportRuns = Number(env.BENCH_API_REPORT_RUNS ?? 30);
const adminUrl = env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const cpuProfDir = env.BENCH_API_CPU_PROF ? resolve(env.BENCH_API_CPU_PROF) : null;
const drivers = (env.BENCH_API_DB ?? 'postgres,pglite').split(',').filter(Boolean) as Driver[];
const scenarios = (env.BENCH_API_SCENARIOS ?? 'log_contact,participant_file,weekly_report')
  .split(',')
  .filter(Boolean) as Scenario[];
const BENCH_DB = 'tandem_bench';

type Driver = 'postgres' | 'pglite';

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    return null;
  }
})();

const log = (s: string) => process.stderr.write(`[api] ${s}\n`);
const emit = (line: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ suite: 'api', ...line, commit })}\n`);
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

// ---------------------------------------------------------------------------
// Clean-up: every resource registers how to release it; released in reverse
// order at the end of its database's run, on failure, and on Ctrl-C.
const cleanups: (() => Promise<void> | void)[] = [];
async function releaseAll() {
  while (cleanups.length > 0) {
    const f = cleanups.pop()!;
    try {
      await f();
    } catch (e) {
      log(`clean-up failed: ${(e as Error).message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void releaseAll().then(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------
// The database under test.

interface Target {
  driver: Driver;
  /** What the server process needs in its environment to open it. */
  serverEnv: Record<string, string>;
  open(): Promise<DbHandle>;
  /** Run the seed scripts (the handle is open and migrated). */
  exec(handle: DbHandle): Promise<Exec>;
}

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function postgresTarget(): Promise<Target> {
  await adminQuery(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${BENCH_DB}`);
  cleanups.push(() => adminQuery(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`));
  const url = withDatabase(adminUrl, BENCH_DB);
  return {
    driver: 'postgres',
    serverEnv: { DATABASE_URL: url },
    open: () => createDb({ url }),
    exec: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      cleanups.push(() => client.end());
      return async (sql) => {
        await client.query(sql);
      };
    },
  };
}

async function pgliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const dataDir = join(dir, 'data');
  return {
    driver: 'pglite',
    serverEnv: { TANDEM_DATA_DIR: dataDir },
    open: () => createDb({ dataDir }),
    exec: async (handle) => async (sql) => {
      await handle.pglite!.exec(sql);
    },
  };
}

/** Migrate, then write the organisation in bulk; returns the load time in ms. */
async function load(target: Target): Promise<number> {
  const t0 = performance.now();
  const handle = await target.open();
  try {
    await handle.migrate();
    const exec = await target.exec(handle);
    const passwordHash = await hashPassword(PASSWORD);
    for (const step of seedScripts(sizes, passwordHash)) {
      const t = performance.now();
      await exec(step.sql);
      log(`  ${step.label}: ${seconds(performance.now() - t)} s`);
    }
    const t = performance.now();
    // Fresh statistics and visibility map, and a checkpoint so the load's writes
    // are not flushed during the measured runs.
    await exec('VACUUM (ANALYZE)');
    await exec('CHECKPOINT');
    log(`  vacuum, analyze, checkpoint: ${seconds(performance.now() - t)} s`);
  } finally {
    // PGlite: the server process opens this directory next; never both at once.
    await handle.close();
  }
  return performance.now() - t0;
}

// ---------------------------------------------------------------------------
// The server under test.

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

interface Server {
  url: string;
  /** CPU time the server process has used so far, in ms (user + system, from /proc). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** utime + stime of a process in ms (clock ticks of 10 ms); NaN where /proc is not available. */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

async function startServer(target: Target): Promise<Server> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    ...target.serverEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // Plain HTTP on the loopback: the cookie is `tandem`, without Secure.
    TANDEM_INSECURE_COOKIES: '1',
  };
  delete childEnv.NODE_ENV;
  if (target.driver === 'postgres') delete childEnv.TANDEM_DATA_DIR;
  else delete childEnv.DATABASE_URL;
  const nodeArgs = ['--import', 'tsx'];
  if (cpuProfDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`);
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'packages/cli/src/main.ts'), 'start'], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
  };
  cleanups.push(stop);
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(`[server] ${d}`));
  await new Promise<void>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('The server did not start within 120 s')), 120_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Tandem is running')) {
        clearTimeout(timer);
        ok();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`The server exited with code ${code} before it was ready`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, cpuMs: () => processCpuMs(child.pid), stop };
}

async function login(url: string, email: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('tandem='));
  if (!cookie) throw new Error('login: no session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** One request of each scenario must succeed before any is measured. */
async function smokeTest(url: string, session: { cookie: string; csrfToken: string }) {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  const checks: [string, Promise<Response>, number][] = [
    ['participant file', fetch(`${url}/api/v1/participants/${participantId(1)}`, { headers }), 200],
    [
      'log a contact',
      fetch(`${url}/api/v1/contacts`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          mentorshipId: mentorshipId(1),
          startsAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
          durationMinutes: 30,
          mode: 'messenger',
        }),
      }),
      201,
    ],
    [
      'weekly report',
      fetch(`${url}/api/v1/reports/weekly-hours?programId=${PROGRAM_ID}&week=${daysAgo(7)}`, { headers }),
      200,
    ],
  ];
  for (const [name, pending, want] of checks) {
    const res = await pending;
    if (res.status !== want) throw new Error(`${name}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  }
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function runLoadProcess(cfg: LoadConfig, workDir: string): Promise<LoadResult> {
  const file = join(workDir, `load-${cfg.scenario}.json`);
  writeFileSync(file, JSON.stringify(cfg));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(here, 'load.ts'), file], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const code = await new Promise<number | null>((ok) => child.once('exit', ok));
  if (code !== 0) throw new Error(`load process exited with code ${code}`);
  return JSON.parse(out.trim().split('\n').pop()!) as LoadResult;
}

// ---------------------------------------------------------------------------

async function benchOne(driver: Driver) {
  log(`${driver}: ${sizes.mentors} mentors, ${sizes.participants} participants, ${sizes.contacts} contacts`);
  const target = driver === 'postgres' ? await postgresTarget() : await pgliteTarget();
  const workDir = mkdtempSync(join(tmpdir(), 'tandem-bench-load-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));

  const loadMs = await load(target);
  log(`${driver}: loaded in ${seconds(loadMs)} s`);
  emit({
    db: driver,
    scenario: 'load',
    seconds: seconds(loadMs),
    mentors: sizes.mentors,
    participants: sizes.participants,
    mentorships: sizes.participants,
    contacts: sizes.contacts,
  });

  const server = await startServer(target);
  log(`${driver}: server at ${server.url}`);
  const session = await login(server.url, COORDINATOR_EMAIL);
  await smokeTest(server.url, session);

  for (const scenario of scenarios) {
    const cfg: LoadConfig = {
      url: server.url,
      scenario,
      connections,
      durationS,
      cookie: session.cookie,
      csrfToken: session.csrfToken,
      participants: sizes.participants,
      programId: PROGRAM_ID,
      seed: SEED,
    };
    // A short unmeasured run first, so the server's JIT and caches are warm.
    await runLoadProcess({ ...cfg, durationS: quick ? 1 : 3, seed: SEED + 1 }, workDir);
    log(`${driver}: ${scenario}, ${connections} connections, ${durationS} s`);
    const cpu0 = server.cpuMs();
    const r = await runLoadProcess(cfg, workDir);
    const serverCpuMs = server.cpuMs() - cpu0;
    log(`  status codes ${JSON.stringify(r.statusCodes)}, socket errors ${r.socketErrors}`);
    emit({
      db: driver,
      scenario,
      rps: Math.round(r.rps),
      p50: r.p50,
      p99: r.p99,
      errors: r.non2xx + r.socketErrors,
      requests: r.requests,
      // Server CPU per request: steadier than req/s when the machine is shared.
      server_cpu_ms_per_req: Number.isNaN(serverCpuMs) ? null : round2(serverCpuMs / Math.max(1, r.requests)),
      connections,
      duration_s: durationS,
    });
  }
  await server.stop();

  log(`${driver}: report query, Drizzle against raw SQL`);
  const handle = await target.open();
  try {
    const cmp = await compareReportQuery(
      handle,
      { orgId: ORG_ID, userId: COORDINATOR_ID, role: 'coordinator', membershipId: '' },
      PROGRAM_ID,
      { runs: reportRuns, warmup: 5, day: daysAgo(7) },
    );
    emit({
      db: driver,
      scenario: 'report_query',
      drizzle_p50_ms: round2(cmp.drizzleP50Ms),
      raw_p50_ms: round2(cmp.rawP50Ms),
      ratio: round2(cmp.ratio),
      runs: cmp.runs,
      rows: cmp.rows,
    });
  } finally {
    await handle.close();
  }
}

let failed = 0;
for (const driver of drivers) {
  if (driver !== 'postgres' && driver !== 'pglite') {
    log(`unknown database "${driver}" in BENCH_API_DB`);
    failed++;
    continue;
  }
  if (driver === 'postgres') {
    try {
      await adminQuery('select 1');
    } catch (e) {
      log(`postgres: skipped, ${adminUrl} is not reachable (${(e as Error).message})`);
      continue;
    }
  }
  try {
    await benchOne(driver);
  } catch (e) {
    failed++;
    log(`${driver}: FAILED: ${(e as Error).stack ?? e}`);
  } finally {
    await releaseAll();
  }
}
process.exit(failed === 0 ? 0 : 1);
