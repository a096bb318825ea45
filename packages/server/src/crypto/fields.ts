import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { appSecrets, type Db, orgKeys, type Tx } from '@tandem/db';
import { eq } from 'drizzle-orm';

/**
 * CRY-01: free-text health data (contact notes; later risk and hospitalization
 * narratives) is encrypted per field with AES-256-GCM under a per-organisation
 * data key, itself stored wrapped by the master key. A raw database file or dump
 * shows only ciphertext; a wrong key fails loudly (GCM authentication).
 * Node's crypto module only — no hand-rolled primitives (CRY-02).
 */
const VERSION = 'v1';

function seal(key: Buffer, plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

function open(key: Buffer, sealed: string, aad: string): string {
  const [version, payload] = sealed.split(':');
  if (version !== VERSION || !payload) throw new Error('Unknown ciphertext format');
  const raw = Buffer.from(payload, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

export interface FieldCipher {
  /** The organisation's data key, created on first use. */
  keyFor(db: Db | Tx, orgId: string): Promise<Buffer>;
  seal(key: Buffer, plaintext: string, aad: string): string;
  open(key: Buffer, sealed: string, aad: string): string;
}

export function fieldCipher(master: Buffer): FieldCipher {
  const cache = new Map<string, Buffer>();
  return {
    async keyFor(db, orgId) {
      const cached = cache.get(orgId);
      if (cached) return cached;
      let [row] = await db.select().from(orgKeys).where(eq(orgKeys.orgId, orgId));
      if (!row) {
        const wrapped = seal(master, randomBytes(32).toString('base64'), `org-key:${orgId}`);
        await db.insert(orgKeys).values({ orgId, wrappedKey: wrapped }).onConflictDoNothing();
        [row] = await db.select().from(orgKeys).where(eq(orgKeys.orgId, orgId));
      }
      const key = Buffer.from(open(master, row!.wrappedKey, `org-key:${orgId}`), 'base64');
      cache.set(orgId, key);
      return key;
    },
    seal,
    open,
  };
}

/**
 * The master key: TANDEM_MASTER_KEY (32 bytes, base64) — required in production.
 * An embedded development install generates one and keeps it beside the data.
 */
export async function loadMasterKey(
  db: Db,
  production: boolean,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Buffer> {
  if (env.TANDEM_MASTER_KEY) {
    const key = Buffer.from(env.TANDEM_MASTER_KEY, 'base64');
    if (key.length !== 32) throw new Error('TANDEM_MASTER_KEY must be 32 bytes, base64-encoded');
    return key;
  }
  if (production) throw new Error('TANDEM_MASTER_KEY is required in production (CRY-01)');
  await db
    .insert(appSecrets)
    .values({ name: 'master', value: randomBytes(32).toString('base64') })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSecrets).where(eq(appSecrets.name, 'master'));
  return Buffer.from(row!.value, 'base64');
}
