import type { Task, TaskEvidence } from '@tandem/contract';
import { type Db, mentorships, type Tx, taskEvidence, taskFeedback, tasks, users } from '@tandem/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Scope } from '../../scope';
import { visibleMentorships } from '../mentorships/queries';

type Exec = Db | Tx;
export type TaskRow = typeof tasks.$inferSelect;
export type EvidenceRow = typeof taskEvidence.$inferSelect;

/**
 * One task the scope may see: a task is as visible as its mentorship — staff
 * of the organisation, the current mentor, the participant themselves (TEN-03,
 * FILE-05). `lock` serialises commands on one task (the 5-photo cap, REL-04).
 */
export async function findTask(db: Exec, scope: Scope, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select({ task: tasks, ms: mentorships })
    .from(tasks)
    .innerJoin(mentorships, and(eq(mentorships.orgId, tasks.orgId), eq(mentorships.id, tasks.mentorshipId)))
    .where(and(eq(tasks.orgId, scope.orgId), eq(tasks.id, id), visibleMentorships(scope)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: tasks }) : await q;
  return row ?? null;
}

export async function tasksOfMentorships(db: Exec, scope: Scope, mentorshipIds: string[]) {
  if (mentorshipIds.length === 0) return [];
  return db
    .select()
    .from(tasks)
    .where(and(eq(tasks.orgId, scope.orgId), inArray(tasks.mentorshipId, mentorshipIds)))
    .orderBy(asc(tasks.dueOn), asc(tasks.createdAt), asc(tasks.id))
    .limit(500);
}

export async function evidenceRow(db: Exec, scope: Scope, taskId: string, evidenceId: string) {
  const [row] = await db
    .select()
    .from(taskEvidence)
    .where(
      and(
        eq(taskEvidence.orgId, scope.orgId),
        eq(taskEvidence.taskId, taskId),
        eq(taskEvidence.id, evidenceId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function evidenceCount(db: Exec, scope: Scope, taskId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(taskEvidence)
    .where(and(eq(taskEvidence.orgId, scope.orgId), eq(taskEvidence.taskId, taskId)));
  return row?.n ?? 0;
}

/** FILE-02: what one person has uploaded so far, in bytes, across their organisation. */
export async function bytesUploadedBy(db: Exec, scope: Scope): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${taskEvidence.byteSize}), 0)::bigint` })
    .from(taskEvidence)
    .where(and(eq(taskEvidence.orgId, scope.orgId), eq(taskEvidence.uploadedBy, scope.userId)));
  return Number(row?.n ?? 0);
}

export const evidenceUrl = (e: { taskId: string; id: string }, size: 'full' | 'thumb' = 'full') =>
  `/api/v1/tasks/${e.taskId}/evidence/${e.id}${size === 'thumb' ? '?size=thumb' : ''}`;

export function toEvidence(e: EvidenceRow): TaskEvidence {
  return {
    id: e.id,
    fileName: e.fileName,
    contentType: e.contentType as TaskEvidence['contentType'],
    byteSize: e.byteSize,
    width: e.width,
    height: e.height,
    uploadedBy: e.uploadedBy,
    createdAt: e.createdAt.toISOString(),
    url: evidenceUrl(e),
    thumbUrl: evidenceUrl(e, 'thumb'),
  };
}

/** Tasks as the API shows them, each with its photos and the feedback on it. */
export async function toTasks(db: Exec, scope: Scope, rows: TaskRow[]): Promise<Task[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((t) => t.id);
  const evidence = await db
    .select()
    .from(taskEvidence)
    .where(and(eq(taskEvidence.orgId, scope.orgId), inArray(taskEvidence.taskId, ids)))
    .orderBy(asc(taskEvidence.createdAt), asc(taskEvidence.id));
  const feedback = await db
    .select({ f: taskFeedback, authorName: users.displayName })
    .from(taskFeedback)
    .innerJoin(users, eq(users.id, taskFeedback.authorUserId))
    .where(and(eq(taskFeedback.orgId, scope.orgId), inArray(taskFeedback.taskId, ids)))
    .orderBy(asc(taskFeedback.createdAt), asc(taskFeedback.id));
  return rows.map((t) => ({
    id: t.id,
    mentorshipId: t.mentorshipId,
    participantId: t.participantId,
    title: t.title,
    description: t.description,
    dueOn: t.dueOn,
    status: t.status as Task['status'],
    doneAt: t.doneAt?.toISOString() ?? null,
    doneNote: t.doneNote,
    createdAt: t.createdAt.toISOString(),
    version: t.version,
    evidence: evidence.filter((e) => e.taskId === t.id).map(toEvidence),
    feedback: feedback
      .filter((f) => f.f.taskId === t.id)
      .map(({ f, authorName }) => ({
        id: f.id,
        authorName,
        authorRole: f.authorRole,
        text: f.text,
        praise: f.praise,
        createdAt: f.createdAt.toISOString(),
      })),
  }));
}

export async function toTask(db: Exec, scope: Scope, row: TaskRow): Promise<Task> {
  return (await toTasks(db, scope, [row]))[0]!;
}
