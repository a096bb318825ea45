import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { appSecrets, type Db } from '@tandem/db';
import { eq } from 'drizzle-orm';
import { AppError } from './errors';

/**
 * API-03: cursors are opaque and signed, so a client can neither forge a
 * position nor smuggle values into a query through one.
 */
export interface CursorCodec {
  encode(value: unknown): string;
  decode<T>(cursor: string): T;
}

export function cursorCodec(key: Buffer): CursorCodec {
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url').slice(0, 22);
  return {
    encode(value) {
      const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
      return `${payload}.${mac(payload)}`;
    },
    decode<T>(cursor: string): T {
      const [payload = '', sig = ''] = cursor.split('.');
      const expected = mac(payload);
      if (sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) {
        throw new AppError('bad_request', 'invalid_cursor', {
          errors: [{ field: 'query.cursor', code: 'invalid_cursor', message: 'Invalid cursor' }],
        });
      }
      return JSON.parse(Buffer.from(payload, 'base64url').toString()) as T;
    },
  };
}

/** The signing key: TANDEM_SECRET if set, else one generated at first start and kept in the database. */
export async function loadSigningKey(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  if (env.TANDEM_SECRET) return Buffer.from(env.TANDEM_SECRET);
  await db
    .insert(appSecrets)
    .values({ name: 'cursor', value: randomBytes(32).toString('base64') })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSecrets).where(eq(appSecrets.name, 'cursor'));
  return Buffer.from(row!.value, 'base64');
}
