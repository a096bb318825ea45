import type { Program } from '@tandem/contract';
import { type Db, programs } from '@tandem/db';
import { type Policy, resolvePolicy } from '@tandem/domain/policy/index';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { staleVersion } from '../../concurrency';
import { AppError, notFound } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { listPrograms } from './queries';

type Row = typeof programs.$inferSelect;

/** The rules a program runs under, typed for the domain functions. */
export function policyOf(row: Row): Policy {
  const resolved = resolvePolicy(row.presetId, row.policyOverrides);
  if (resolved.ok) return resolved.policy;
  const preset = resolvePolicy(row.presetId);
  if (!preset.ok) throw new Error(`Program ${row.id} runs unknown preset ${row.presetId}`);
  return preset.policy;
}

export function toProgram(row: Row): Program {
  const resolved = resolvePolicy(row.presetId, row.policyOverrides);
  // Overrides are validated on write, so a stored program always resolves; if a
  // preset changes under it, fall back to the preset and say so in the logs.
  const policy = resolved.ok
    ? resolved.policy
    : (resolvePolicy(row.presetId) as { ok: true; policy: object }).policy;
  return {
    id: row.id,
    name: row.name,
    presetId: row.presetId,
    timeZone: row.timeZone,
    policy: policy as Record<string, unknown>,
    policyOverrides: row.policyOverrides as Record<string, unknown>,
    version: row.version,
  };
}

export async function programsOf(db: Db, scope: Scope) {
  return (await listPrograms(db, scope)).map(toProgram);
}

export async function findProgram(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(programs)
    .where(and(eq(programs.orgId, scope.orgId), eq(programs.id, id)));
  return row ? toProgram(row) : null;
}

/**
 * A program may override its preset's values; the result must still be a valid
 * policy (refused with the failing fields otherwise) and the change is audited
 * with the paths that changed.
 */
export async function updateProgram(
  db: Db,
  clock: Clock,
  scope: Scope,
  id: string,
  version: number,
  input: { name?: string | undefined; policyOverrides?: Record<string, unknown> | undefined },
  meta: RequestMeta,
) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(programs)
      .where(and(eq(programs.orgId, scope.orgId), eq(programs.id, id)));
    if (!row) throw notFound('program');
    if (row.version !== version) throw staleVersion(toProgram(row));
    if (input.policyOverrides) {
      const resolved = resolvePolicy(row.presetId, input.policyOverrides);
      if (!resolved.ok) {
        throw new AppError('bad_request', 'invalid_policy_override', {
          detail: 'The overrides do not make a valid policy.',
          errors: resolved.errors.map((e) => ({
            field: `policyOverrides.${e.path}`,
            code: 'invalid',
            message: e.message,
          })),
        });
      }
    }
    const [updated] = await tx
      .update(programs)
      .set({ ...input, updatedAt: now, version: version + 1 })
      .where(and(eq(programs.orgId, scope.orgId), eq(programs.id, id), eq(programs.version, version)))
      .returning();
    if (!updated) throw staleVersion(toProgram(row));
    await writeAudit(
      tx,
      {
        orgId: scope.orgId,
        actorUserId: scope.userId,
        actorRole: scope.role,
        action: 'program.update',
        entityType: 'program',
        entityId: id,
        outcome: 'success',
        ip: meta.ip,
        requestId: meta.requestId,
        detail: {
          overridden: Object.keys(input.policyOverrides ?? {}).sort(),
          renamed: input.name !== undefined,
        },
      },
      now,
    );
    return toProgram(updated);
  });
}
