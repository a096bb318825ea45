import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Where uploaded files live (FILE-04, FILE-05). Callers name files by random
 * keys only; nothing here is reachable by URL — bytes leave through an
 * authorised route. The local disk is the default; an S3-compatible store
 * implements the same three calls (with private objects, FILE-05).
 */
export interface FileStore {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when no such file exists. */
  get(key: string): Promise<Buffer | null>;
  /** Idempotent: deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** A new storage key: 128 random bits under the organisation, never derived from user input. */
export const newStorageKey = (orgId: string) => `${orgId}/${randomBytes(16).toString('hex')}`;

const KEY = /^[0-9a-f-]{36}\/[0-9a-f]{32}(\.thumb)?$/;

/**
 * Files under one directory (by default `<data dir>/files`). A write goes to a
 * temporary name, is flushed to disk and then renamed, so a crash never leaves
 * half a photo under a real key (REL-07).
 */
export function localFileStore(root: string): FileStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    // Keys are ours, but a path is built from them: refuse anything that is not one.
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key.slice(0, 80)}`);
    const p = resolve(base, ...key.split('/'));
    if (!p.startsWith(base + sep)) throw new Error('storage key escapes the store');
    return p;
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      const handle = await open(tmp, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, path);
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** The default place: TANDEM_FILES_DIR, else `files` inside TANDEM_DATA_DIR (or ./data). */
export function filesDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.TANDEM_FILES_DIR ?? join(env.TANDEM_DATA_DIR ?? 'data', 'files');
}
