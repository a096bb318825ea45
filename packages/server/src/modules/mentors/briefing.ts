import type { Mentor, zMentorBriefing, zMentorLogin } from '@tandem/contract';
import { type Db, memberships, mentors, users } from '@tandem/db';
import { localDate, startOfLocalDay } from '@tandem/domain/time/zone';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { entryFor, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { AppError, forbidden, notFound } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { requireProgram } from '../programs/queries';
import { policyOf } from '../programs/service';
import { findMentor } from './queries';

/**
 * RAMP-4: record that the mentor was briefed on the project's aim, the step
 * before any first contact. The coordinator records it for any mentor of the
 * program; a mentor confirms their own briefing (they see only their own
 * record, TEN-03) but cannot withdraw it. It is a fact beside the profile,
 * so it leaves the record's version alone: a profile edit open meanwhile is
 * not made stale by it.
 */
export async function recordBriefing(
  db: Db,
  clock: Clock,
  scope: Scope,
  id: string,
  input: z.output<typeof zMentorBriefing>,
  meta: RequestMeta,
): Promise<Mentor> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const m = await findMentor(tx, scope, id);
    if (!m) throw notFound('mentor');
    const policy = policyOf(await requireProgram(tx, scope, m.programId));
    if (!policy.briefing) {
      throw new AppError('refused', 'briefing_not_in_program', {
        detail: 'This program has no briefing before the first contact.',
      });
    }
    if (input.briefedOn === null && scope.role === 'mentor') throw forbidden('briefing_withdrawn_by_staff');
    if (input.briefedOn !== null && input.briefedOn > localDate(now, policy.timeZone)) {
      throw new AppError('bad_request', 'briefing_in_future', {
        errors: [
          { field: 'briefedOn', code: 'in_future', message: 'A briefing cannot be recorded ahead of time' },
        ],
      });
    }
    const briefedAt = input.briefedOn === null ? null : startOfLocalDay(input.briefedOn, policy.timeZone);
    await tx
      .update(mentors)
      .set({ briefedAt, updatedAt: now })
      .where(and(eq(mentors.orgId, scope.orgId), eq(mentors.id, id)));
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: input.briefedOn === null ? 'mentor.briefing_withdrawn' : 'mentor.briefed',
        entityType: 'mentor',
        entityId: id,
        detail: { ruleId: policy.briefing.ruleId, briefedOn: input.briefedOn },
      }),
      now,
    );
    return (await findMentor(tx, scope, id))!;
  });
}

/**
 * The organisation's logins with the mentor role, for linking a registry
 * record to the person who signs in (TEN-04: this organisation's members
 * only; disabled members are not offered).
 */
export async function mentorLogins(db: Db, scope: Scope): Promise<z.output<typeof zMentorLogin>[]> {
  const rows = await db
    .select({ userId: users.id, displayName: users.displayName, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, scope.orgId),
        eq(memberships.role, 'mentor'),
        eq(memberships.disabled, false),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
  const linked = await db
    .select({ id: mentors.id, userId: mentors.userId })
    .from(mentors)
    .where(eq(mentors.orgId, scope.orgId));
  return rows.map((r) => ({
    ...r,
    mentorIds: linked.filter((m) => m.userId === r.userId).map((m) => m.id),
  }));
}
