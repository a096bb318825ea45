#!/usr/bin/env node
/**
 * `tandem` — start · migrate · demo · admin create · audit verify.
 * Configuration comes from the environment: DATABASE_URL (PostgreSQL) or
 * TANDEM_DATA_DIR (embedded PGlite, default ./data), PORT (3000), HOST (127.0.0.1).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb, dbOptionsFromEnv } from '@tandem/db';
import { buildApp, LOG_REDACT } from '@tandem/server/app';
import { sealAll, verifyAuditChains } from '@tandem/server/audit/audit';
import { createFirstAdmin } from './admin';
import {
  DEMO_PROGRAMS,
  demoPassword,
  hasAnyOrganisation,
  loadDemo,
  printDemoLogins,
  resetDemoPasswords,
} from './demo';
import { type DemoCode, freshDemoCode } from './demo-portal';
import { lockDataDir } from './lock';

const USAGE = `Usage: tandem <command>

  start [--demo-if-empty]   migrate, then serve the API and web app (PORT, default 3000)
  migrate                   apply pending database migrations
  demo                      load the demo organisation (not in production)
  admin create --email E --name N --org O
                            create an organisation's first admin with a one-time password
  audit verify              check every audit hash chain; exit 1 at the first altered row
`;

const production = process.env.NODE_ENV === 'production';

async function openDb() {
  const opts = dbOptionsFromEnv();
  const unlock = opts.url ? () => {} : lockDataDir(resolve(opts.dataDir ?? 'data'));
  const handle = await createDb(opts);
  await handle.migrate();
  return {
    handle,
    close: async () => {
      await handle.close();
      unlock();
    },
  };
}

async function start(flags: { 'demo-if-empty'?: boolean }) {
  const { handle, close } = await openDb();
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const url = `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${port}`;

  let password: string | null = null;
  let code: DemoCode | null = null;
  if (!production && flags['demo-if-empty']) {
    password = demoPassword();
    if (!(await hasAnyOrganisation(handle.db))) await loadDemo(handle.db, password);
    else if (!(await resetDemoPasswords(handle.db, password))) password = null;
    // A printed code works once: every start prints a fresh one, as it sets a fresh password.
    if (password) code = await freshDemoCode(handle.db, DEMO_PROGRAMS);
  }

  const app = await buildApp({
    db: handle.db,
    logger: { level: process.env.LOG_LEVEL ?? 'info', redact: LOG_REDACT },
  });
  // REL-07: on SIGTERM stop accepting, let in-flight requests finish, checkpoint, close.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port, host });
  if (password) printDemoLogins(password, url, (s) => process.stdout.write(`${s}\n`), code);
  else process.stdout.write(`\nTandem is running at ${url}\n\n`);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      'demo-if-empty': { type: 'boolean' },
      email: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return;
  }
  switch (command) {
    case 'start':
      return start(values);
    case 'migrate': {
      const { close } = await openDb();
      await close();
      process.stdout.write('Migrations applied.\n');
      return;
    }
    case 'demo': {
      if (production) throw new Error('There is never demo data in production (CRY-04).');
      const { handle, close } = await openDb();
      const password = demoPassword();
      if (await hasAnyOrganisation(handle.db)) await resetDemoPasswords(handle.db, password);
      else await loadDemo(handle.db, password);
      const code = await freshDemoCode(handle.db, DEMO_PROGRAMS);
      await close();
      printDemoLogins(password, 'your Tandem server', console.log, code);
      return;
    }
    case 'admin': {
      if (sub !== 'create' || !values.email || !values.name || !values.org) {
        throw new Error('Usage: tandem admin create --email E --name N --org O');
      }
      const { handle, close } = await openDb();
      const otp = await createFirstAdmin(handle.db, {
        email: values.email,
        name: values.name,
        org: values.org,
      });
      await close();
      process.stdout.write(
        `Admin ${values.email} created. One-time password (change it at first sign-in):\n${otp}\n`,
      );
      return;
    }
    case 'audit': {
      if (sub !== 'verify') throw new Error('Usage: tandem audit verify');
      const { handle, close } = await openDb();
      // Rows committed since the last seal join their chains first, so every row is checked.
      const sealed = await sealAll(handle.db);
      const result = await verifyAuditChains(handle.db);
      await close();
      if (sealed > 0) process.stdout.write(`Sealed ${sealed} recent events into their chains.\n`);
      if (!result.ok) {
        process.stderr.write(
          `Audit chain broken at event ${result.firstBadId} (after ${result.checked} good events).\n`,
        );
        process.exit(1);
      }
      process.stdout.write(`Audit chains intact: ${result.checked} events checked.\n`);
      return;
    }
    default:
      process.stderr.write(USAGE);
      process.exit(2);
  }
}

main().catch((err: Error) => {
  process.stderr.write(`tandem: ${err.message}\n`);
  process.exit(1);
});
