import { type Db, programs, type Tx } from '@tandem/db';
import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { Scope } from '../../scope';

export async function listPrograms(db: Db | Tx, scope: Scope) {
  return db.select().from(programs).where(eq(programs.orgId, scope.orgId)).orderBy(asc(programs.name));
}

/** A program referenced from a request body must be one of the organisation's (TEN-02). */
export async function requireProgram(db: Db | Tx, scope: Scope, programId: string, field = 'programId') {
  const [p] = await db
    .select()
    .from(programs)
    .where(and(eq(programs.orgId, scope.orgId), eq(programs.id, programId)))
    .limit(1);
  if (!p) {
    throw new AppError('not_found', 'not_found', {
      params: { entity: 'program' },
      errors: [{ field, code: 'not_found', message: 'No such program' }],
    });
  }
  return p;
}
