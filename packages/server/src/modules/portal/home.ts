import type { Portal } from '@tandem/contract';
import { contacts, type Db, goals, mentors, mentorships, participants, plans } from '@tandem/db';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { entryFor, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { notFound } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { visibleMentorships } from '../mentorships/queries';
import { tasksOfMentorships, toTasks } from '../tasks/queries';

/**
 * The participant's own home (TEN-03, TEN-06): found through their login, never
 * an id they send. Their mentorship — the open one, else the latest — with the
 * mentor's name, the goals of its plan, their tasks with photos and praise, and
 * when they last met. No notes, risk records, ratings or other people. The read
 * is audited like any read of the file (AUD-01).
 */
export async function portalOf(db: Db, clock: Clock, scope: Scope, meta: RequestMeta): Promise<Portal> {
  return db.transaction(async (tx) => {
    const [p] = await tx
      .select({ id: participants.id, displayName: participants.displayName })
      .from(participants)
      .where(and(eq(participants.orgId, scope.orgId), eq(participants.userId, scope.userId)))
      .limit(1);
    if (!p) throw notFound('participant');
    const [ms] = await tx
      .select({ ms: mentorships, mentorName: mentors.displayName })
      .from(mentorships)
      .leftJoin(mentors, and(eq(mentors.orgId, mentorships.orgId), eq(mentors.id, mentorships.mentorId)))
      .where(and(visibleMentorships(scope), eq(mentorships.participantId, p.id)))
      .orderBy(sql`${mentorships.state} = 'closed'`, desc(mentorships.createdAt))
      .limit(1);
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'portal.read',
        entityType: 'participant',
        entityId: p.id,
        subjectId: p.id,
      }),
      clock.now(),
    );
    if (!ms) return { participant: p, mentorship: null, goals: [], tasks: [] };
    const planGoals = await tx
      .select({ id: goals.id, title: goals.title, status: goals.status })
      .from(goals)
      .innerJoin(plans, and(eq(plans.orgId, goals.orgId), eq(plans.id, goals.planId)))
      .where(and(eq(goals.orgId, scope.orgId), eq(plans.mentorshipId, ms.ms.id)))
      .orderBy(asc(goals.createdAt), asc(goals.id));
    const [last] = await tx
      .select({ at: sql<Date | null>`max(${contacts.startsAt})` })
      .from(contacts)
      .where(
        and(eq(contacts.orgId, scope.orgId), eq(contacts.mentorshipId, ms.ms.id), eq(contacts.reached, true)),
      );
    const taskRows = await tasksOfMentorships(tx, scope, [ms.ms.id]);
    const lastAt = last?.at ? new Date(last.at) : null;
    return {
      participant: p,
      mentorship: {
        id: ms.ms.id,
        state: ms.ms.state,
        mentorName: ms.mentorName,
        startedOn: ms.ms.startedOn,
        lastContactOn: lastAt ? lastAt.toISOString() : null,
      },
      goals: planGoals.map((g) => ({ ...g, status: g.status as Portal['goals'][number]['status'] })),
      tasks: await toTasks(tx, scope, taskRows),
    };
  });
}
