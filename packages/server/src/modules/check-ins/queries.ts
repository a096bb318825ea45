import { checkIns, type Db, participants, programs, type Tx } from '@tandem/db';
import { and, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Scope } from '../../scope';
import { visibleParticipants } from '../participants/queries';

type Exec = Db | Tx;

/**
 * A participant the scope may see, with their program: the participant their
 * own record, a mentor the people of their open mentorships (TEN-03, joined on
 * every call so a rematch applies at once), coordinators and admins the
 * organisation's.
 */
export async function participantInScope(db: Exec, scope: Scope, participantId: string | null) {
  const cond =
    participantId === null
      ? and(visibleParticipants(scope), eq(participants.userId, scope.userId))
      : and(visibleParticipants(scope), eq(participants.id, participantId));
  const [row] = await db
    .select({ p: participants, program: programs })
    .from(participants)
    .innerJoin(programs, and(eq(programs.orgId, participants.orgId), eq(programs.id, participants.programId)))
    .where(cond)
    .limit(1);
  return row ?? null;
}

/** One check-in, if the scope may see its participant. `lock` holds it for an edit. */
export async function findCheckIn(db: Exec, scope: Scope, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select({ c: checkIns, program: programs, participantUserId: participants.userId })
    .from(checkIns)
    .innerJoin(
      participants,
      and(eq(participants.orgId, checkIns.orgId), eq(participants.id, checkIns.participantId)),
    )
    .innerJoin(programs, and(eq(programs.orgId, participants.orgId), eq(programs.id, participants.programId)))
    .where(and(eq(checkIns.orgId, scope.orgId), eq(checkIns.id, id), visibleParticipants(scope)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: checkIns }) : await q;
  return row ?? null;
}

export async function checkInOn(db: Exec, scope: Scope, participantId: string, day: string) {
  const [row] = await db
    .select({ id: checkIns.id })
    .from(checkIns)
    .where(
      and(eq(checkIns.orgId, scope.orgId), eq(checkIns.participantId, participantId), eq(checkIns.day, day)),
    );
  return row ?? null;
}

/** Check-ins of the people the scope may see, newest day first (at most 100 days). */
export async function listCheckIns(
  db: Exec,
  scope: Scope,
  filter: { participantId?: string | undefined; from?: string | undefined; to?: string | undefined },
) {
  const conds: SQL[] = [eq(checkIns.orgId, scope.orgId), visibleParticipants(scope)];
  if (filter.participantId) conds.push(eq(checkIns.participantId, filter.participantId));
  if (filter.from) conds.push(gte(checkIns.day, filter.from));
  if (filter.to) conds.push(lte(checkIns.day, filter.to));
  return db
    .select({ c: checkIns, participantUserId: participants.userId, program: programs })
    .from(checkIns)
    .innerJoin(
      participants,
      and(eq(participants.orgId, checkIns.orgId), eq(participants.id, checkIns.participantId)),
    )
    .innerJoin(programs, and(eq(programs.orgId, participants.orgId), eq(programs.id, participants.programId)))
    .where(and(...conds))
    .orderBy(desc(checkIns.day), desc(checkIns.createdAt))
    .limit(100);
}

/** The check-ins since `from` of these participants: the input to the early warning (SIVA-2). */
export async function checkInsSince(db: Exec, scope: Scope, participantIds: string[], from: string) {
  if (participantIds.length === 0) return [];
  return db
    .select({ participantId: checkIns.participantId, day: checkIns.day, wellbeing: checkIns.wellbeing })
    .from(checkIns)
    .where(
      and(
        eq(checkIns.orgId, scope.orgId),
        inArray(checkIns.participantId, participantIds),
        gte(checkIns.day, from),
      ),
    );
}

/** Hold the person's row until commit: their commands then run one after another (REL-04). */
export async function lockParticipant(tx: Tx, scope: Scope, participantId: string) {
  await tx
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.orgId, scope.orgId), eq(participants.id, participantId)))
    .for('update');
}
