/**
 * Migrate one template database per test run, once (DESIGN.md: PGlite's initdb
 * takes seconds; copying a migrated template per test file takes well under one).
 * PGlite: a gzipped data-dir dump. PostgreSQL: a template database that each test
 * file clones with CREATE DATABASE … TEMPLATE.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '../client';

declare module 'vitest' {
  export interface ProvidedContext {
    tandemTemplate:
      | { driver: 'pglite'; dumpPath: string }
      | { driver: 'postgres'; url: string; template: string };
  }
}

export default async function setup(project: TestProject) {
  const driver = project.config.env?.TANDEM_TEST_DRIVER === 'postgres' ? 'postgres' : 'pglite';
  if (driver === 'pglite') {
    const handle = await createDb({ memory: true });
    await handle.migrate();
    const dump = await handle.pglite!.dumpDataDir('gzip');
    await handle.close();
    const dir = join(tmpdir(), 'tandem-test');
    mkdirSync(dir, { recursive: true });
    const dumpPath = join(dir, `template-${process.pid}.tar.gz`);
    writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
    project.provide('tandemTemplate', { driver, dumpPath });
    return;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is required for the PostgreSQL test project');
  const template = `tandem_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const handle = await createDb({ url: withDatabase(url, template), poolSize: 1 });
  await handle.migrate();
  await handle.close();
  project.provide('tandemTemplate', { driver, url, template });
  return async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    // Clones left by a crashed test file are dropped with the template.
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'tandem_t_${process.pid}_%' OR datname = $1`,
      [template],
    );
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await c.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
