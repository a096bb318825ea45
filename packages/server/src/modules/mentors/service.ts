import { randomUUID } from 'node:crypto';
import type { Mentor, zMentorCreate, zMentorPatch } from '@tandem/contract';
import { type Db, memberships, mentors, type Tx } from '@tandem/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { entryFor, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { staleVersion } from '../../concurrency';
import { AppError, notFound } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { requireProgram } from '../programs/queries';
import { findMentor } from './queries';

const audited = (
  scope: Scope,
  meta: RequestMeta,
  action: string,
  id: string,
  detail?: Record<string, unknown>,
) => entryFor(scope, meta, { action, entityType: 'mentor', entityId: id, detail: detail ?? null });

/** A mentor record may be linked to a login only of a mentor of the same organisation. */
async function requireMentorLogin(tx: Tx, scope: Scope, userId: string | null | undefined) {
  if (!userId) return;
  const [m] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, scope.orgId), eq(memberships.userId, userId)))
    .limit(1);
  if (m?.role !== 'mentor') {
    throw new AppError('not_found', 'not_found', {
      params: { entity: 'user' },
      errors: [{ field: 'userId', code: 'not_a_mentor_login', message: 'No mentor login with this id here' }],
    });
  }
}

function columns<T extends z.output<typeof zMentorPatch>>(input: T) {
  const { trainingCompletedOn, ...rest } = input;
  return {
    ...rest,
    ...(trainingCompletedOn === undefined ? {} : { trainingCompletedAt: trainingCompletedOn }),
  };
}

export async function readMentor(db: Db, clock: Clock, scope: Scope, id: string, meta: RequestMeta) {
  return db.transaction(async (tx) => {
    const m = await findMentor(tx, scope, id);
    if (!m) throw notFound('mentor');
    await writeAudit(tx, audited(scope, meta, 'mentor.read', id), clock.now());
    return m;
  });
}

export async function createMentor(
  db: Db,
  clock: Clock,
  scope: Scope,
  input: z.output<typeof zMentorCreate>,
  meta: RequestMeta,
): Promise<Mentor> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    await requireProgram(tx, scope, input.programId);
    await requireMentorLogin(tx, scope, input.userId);
    const id = randomUUID();
    await tx.insert(mentors).values({
      ...columns(input),
      programId: input.programId,
      orgId: scope.orgId,
      id,
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(tx, audited(scope, meta, 'mentor.create', id), now);
    return (await findMentor(tx, scope, id))!;
  });
}

export async function updateMentor(
  db: Db,
  clock: Clock,
  scope: Scope,
  id: string,
  version: number,
  input: z.output<typeof zMentorPatch>,
  meta: RequestMeta,
): Promise<Mentor> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const current = await findMentor(tx, scope, id);
    if (!current) throw notFound('mentor');
    if (current.version !== version) throw staleVersion(current);
    await requireMentorLogin(tx, scope, input.userId);
    const updated = await tx
      .update(mentors)
      .set({ ...columns(input), updatedAt: now, version: version + 1 })
      .where(and(eq(mentors.orgId, scope.orgId), eq(mentors.id, id), eq(mentors.version, version)))
      .returning({ id: mentors.id });
    if (updated.length === 0) throw staleVersion(current);
    await writeAudit(
      tx,
      audited(scope, meta, 'mentor.update', id, { fields: Object.keys(input).sort() }),
      now,
    );
    return (await findMentor(tx, scope, id))!;
  });
}
