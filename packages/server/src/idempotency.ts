import { createHash } from 'node:crypto';
import { type Db, idempotencyKeys, type Tx } from '@tandem/db';
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setEtag } from './concurrency';
import { AppError } from './errors';
import { type Scope, scopeOf } from './scope';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `Idempotency-Key` header, if sent; it must be a UUID (REL-02). */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return null;
  if (typeof key !== 'string' || !UUID.test(key)) {
    throw new AppError('bad_request', 'invalid_idempotency_key', {
      errors: [
        { field: 'headers.idempotency-key', code: 'invalid', message: 'Idempotency-Key must be a UUID' },
      ],
    });
  }
  return key.toLowerCase();
}

const fingerprint = (body: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');

/**
 * Run a create at most once per (user, route, key) — the IETF Idempotency-Key
 * semantics a phone needs when it retries on a flaky connection:
 * - first request: the command and the stored response commit together;
 * - the same key and body again: the stored response, nothing new written;
 * - the same key with another body: 422;
 * - a retry while the first is still running: it waits on the key's row lock and
 *   then replays the first response (PostgreSQL), so there is exactly one record.
 * Keys are scoped to the user: another user's identical key is a new request.
 */
export async function runIdempotent<T>(
  db: Db,
  scope: Scope,
  route: string,
  key: string | null,
  body: unknown,
  run: (tx: Tx) => Promise<{ status: number; body: T }>,
): Promise<{ status: number; body: T; replayed: boolean }> {
  if (!key) return { ...(await db.transaction(run)), replayed: false };
  const fp = fingerprint(body);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ orgId: scope.orgId, userId: scope.userId, route, key, fingerprint: fp })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [prior] = await tx
        .select()
        .from(idempotencyKeys)
        .where(
          and(
            eq(idempotencyKeys.orgId, scope.orgId),
            eq(idempotencyKeys.userId, scope.userId),
            eq(idempotencyKeys.route, route),
            eq(idempotencyKeys.key, key),
          ),
        );
      if (!prior || prior.statusCode === null) {
        throw new AppError('conflict', 'idempotency_in_progress', { headers: { 'Retry-After': '1' } });
      }
      if (prior.fingerprint !== fp) {
        throw new AppError('refused', 'idempotency_key_reused', {
          ruleId: 'REL-02',
          detail: 'This Idempotency-Key was used for a different request.',
        });
      }
      return { status: prior.statusCode, body: prior.response as T, replayed: true };
    }
    const result = await run(tx);
    await tx
      .update(idempotencyKeys)
      .set({ statusCode: result.status, response: result.body as object })
      .where(
        and(
          eq(idempotencyKeys.orgId, scope.orgId),
          eq(idempotencyKeys.userId, scope.userId),
          eq(idempotencyKeys.route, route),
          eq(idempotencyKeys.key, key),
        ),
      );
    return { ...result, replayed: false };
  });
}

/**
 * A create a phone may retry, as a route answers it: run once per key (above),
 * 201, `Idempotent-Replayed` on a replay, and the ETag of the created record.
 * Returns the body for the route to send (after any post-commit step).
 */
export async function createOnce<T extends object>(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  route: string,
  run: (tx: Tx, scope: Scope) => Promise<T>,
): Promise<T> {
  const scope = scopeOf(request);
  const result = await runIdempotent(
    db,
    scope,
    route,
    idempotencyKeyOf(request),
    request.body,
    async (tx) => ({
      status: 201,
      body: await run(tx, scope),
    }),
  );
  if (result.replayed) reply.header('Idempotent-Replayed', 'true');
  const version = (result.body as { version?: unknown }).version;
  if (typeof version === 'number') setEtag(reply, version);
  reply.code(201);
  return result.body;
}
