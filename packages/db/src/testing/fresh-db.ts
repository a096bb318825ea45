/**
 * A fresh, migrated database for one test file, on the driver of the vitest
 * project (PGlite always; PostgreSQL when TEST_DATABASE_URL is set).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type DbHandle } from '../client';
import { withDatabase } from './global-setup';

export async function freshDb(): Promise<DbHandle> {
  const tpl = inject('tandemTemplate');
  if (tpl.driver === 'pglite') {
    const blob = new Blob([readFileSync(tpl.dumpPath)]);
    return createDb({ memory: true, loadDataDir: blob });
  }
  const templatePid = tpl.template.replace('tandem_tpl_', '');
  const name = `tandem_t_${templatePid}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: tpl.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${tpl.template}`);
  await admin.end();
  const handle = await createDb({ url: withDatabase(tpl.url, name), poolSize: 10 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: tpl.url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
