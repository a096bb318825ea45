import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** One type for both drivers: code above this package never knows which it runs on. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DbHandle {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Apply pending migrations (forward-only, transactional). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The underlying PGlite, for data-dir dumps in tests and backups. */
  pglite?: PGlite;
}

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface DbOptions {
  /** postgres://… — use PostgreSQL. Otherwise embedded PGlite. */
  url?: string;
  /** PGlite data directory; defaults to ./data. Ignored with `url`. */
  dataDir?: string;
  /** Start PGlite from a dumped data dir (tests copy a migrated template this way). */
  loadDataDir?: Blob | File;
  /** In-memory PGlite (tests). */
  memory?: boolean;
  poolSize?: number;
}

export async function createDb(opts: DbOptions = {}): Promise<DbHandle> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle connection the server closes (restart, admin termination) is an 'error' event on
    // the pool; without a listener Node would crash the process. The pool drops the client and
    // opens a new one on demand; queries in flight still reject and are answered as 5xx.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      driver: 'postgres',
      migrate: () => migratePg(db as never, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  let dataDir: string | undefined;
  if (!opts.memory) {
    dataDir = resolve(opts.dataDir ?? 'data');
    mkdirSync(dirname(dataDir), { recursive: true });
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    pglite,
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: async () => {
      // REL-07: flush to disk before closing so an acknowledged write survives.
      if (!pglite.closed) {
        await pglite.exec('CHECKPOINT');
        await pglite.close();
      }
    },
  };
}

/** The connection a process uses: DATABASE_URL, else PGlite in TANDEM_DATA_DIR or ./data. */
export function dbOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DbOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: env.TANDEM_DATA_DIR ?? 'data' };
}
