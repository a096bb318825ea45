import { randomUUID } from 'node:crypto';
import type {
  Task,
  zTaskCreate,
  zTaskFeedbackCreate,
  zTaskStatusRequest,
  zTaskUpdate,
} from '@tandem/contract';
import { type Db, type Tx, taskFeedback, tasks } from '@tandem/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { entryFor, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { staleVersion } from '../../concurrency';
import { AppError, notFound } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { findMentorship } from '../mentorships/queries';
import { findTask, type TaskRow, tasksOfMentorships, toTask, toTasks } from './queries';

/** Tasks are agreed while the mentorship runs (SIVA-3): in its trial or once active. */
const OPEN_STATES = new Set(['trial', 'active']);

function mustBeOpen(state: string) {
  if (!OPEN_STATES.has(state)) {
    throw new AppError('refused', 'mentorship_not_open_for_tasks', {
      ruleId: 'SIVA-3',
      params: { state },
      detail: 'Tasks are agreed while the mentorship is in its trial or active.',
    });
  }
}

/** Photos and marks stop with the mentorship: a closed one is history (its tasks stay readable). */
export function mustNotBeClosed(state: string) {
  if (state === 'closed') {
    throw new AppError('refused', 'mentorship_closed', {
      ruleId: 'SIVA-4',
      detail: 'This mentorship has ended; its tasks can be read but not changed.',
    });
  }
}

/** A task as the caller may see it, or 404 — another mentor's, participant's or organisation's alike. */
export async function visibleTask(tx: Tx, scope: Scope, id: string, lock = false) {
  const found = await findTask(tx, scope, id, { lock });
  if (!found) throw notFound('task');
  return found;
}

/** Mentor, coordinator or admin records a task agreed with the participant (SIVA-3). */
export async function createTask(
  tx: Tx,
  clock: Clock,
  scope: Scope,
  input: z.output<typeof zTaskCreate>,
  meta: RequestMeta,
): Promise<Task> {
  const now = clock.now();
  const found = await findMentorship(tx, scope, input.mentorshipId);
  if (!found) {
    throw new AppError('not_found', 'not_found', {
      params: { entity: 'mentorship' },
      errors: [{ field: 'mentorshipId', code: 'not_found', message: 'No such mentorship' }],
    });
  }
  mustBeOpen(found.ms.state);
  const id = randomUUID();
  const [row] = await tx
    .insert(tasks)
    .values({
      orgId: scope.orgId,
      id,
      mentorshipId: found.ms.id,
      participantId: found.ms.participantId,
      title: input.title,
      description: input.description,
      dueOn: input.dueOn,
      createdBy: scope.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await writeAudit(
    tx,
    entryFor(scope, meta, {
      action: 'task.create',
      entityType: 'task',
      entityId: id,
      subjectId: found.ms.participantId,
    }),
    now,
  );
  return toTask(tx, scope, row!);
}

/** A mentorship's tasks, soonest due first; the read is audited (AUD-01). */
export async function listTasks(db: Db, clock: Clock, scope: Scope, mentorshipId: string, meta: RequestMeta) {
  return db.transaction(async (tx) => {
    const found = await findMentorship(tx, scope, mentorshipId);
    if (!found) throw notFound('mentorship');
    const rows = await tasksOfMentorships(tx, scope, [mentorshipId]);
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'task.list',
        entityType: 'mentorship',
        entityId: mentorshipId,
        subjectId: found.ms.participantId,
      }),
      clock.now(),
    );
    return toTasks(tx, scope, rows);
  });
}

export async function getTask(db: Db, clock: Clock, scope: Scope, id: string, meta: RequestMeta) {
  return db.transaction(async (tx) => {
    const { task } = await visibleTask(tx, scope, id);
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'task.read',
        entityType: 'task',
        entityId: id,
        subjectId: task.participantId,
      }),
      clock.now(),
    );
    return toTask(tx, scope, task);
  });
}

/** Change a task's words or due date, with the version the editor saw (REL-03). */
export async function updateTask(
  db: Db,
  clock: Clock,
  scope: Scope,
  id: string,
  version: number,
  input: z.output<typeof zTaskUpdate>,
  meta: RequestMeta,
): Promise<Task> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { task, ms } = await visibleTask(tx, scope, id, true);
    if (task.version !== version) throw staleVersion(await toTask(tx, scope, task));
    mustBeOpen(ms.state);
    const [row] = await tx
      .update(tasks)
      .set({ ...input, updatedAt: now, version: task.version + 1 })
      .where(and(eq(tasks.orgId, scope.orgId), eq(tasks.id, id)))
      .returning();
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'task.update',
        entityType: 'task',
        entityId: id,
        subjectId: task.participantId,
        detail: { fields: Object.keys(input).sort() },
      }),
      now,
    );
    return toTask(tx, scope, row!);
  });
}

/**
 * The participant (or their mentor) marks a task done, with a few words on
 * how it went, or opens it again (SIVA-4). Marking done twice keeps the first time.
 */
export async function setTaskStatus(
  db: Db,
  clock: Clock,
  scope: Scope,
  id: string,
  input: z.output<typeof zTaskStatusRequest>,
  meta: RequestMeta,
): Promise<Task> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { task, ms } = await visibleTask(tx, scope, id, true);
    mustNotBeClosed(ms.state);
    const done = input.status === 'done';
    const set: Partial<TaskRow> = done
      ? { status: 'done', doneAt: task.doneAt ?? now, doneNote: input.note ?? task.doneNote }
      : { status: 'open', doneAt: null };
    const [row] = await tx
      .update(tasks)
      .set({ ...set, updatedAt: now, version: task.version + 1 })
      .where(and(eq(tasks.orgId, scope.orgId), eq(tasks.id, id)))
      .returning();
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: done ? 'task.done' : 'task.reopen',
        entityType: 'task',
        entityId: id,
        subjectId: task.participantId,
      }),
      now,
    );
    return toTask(tx, scope, row!);
  });
}

/** The mentor's feedback and praise on a task (SIVA-4). */
export async function addFeedback(
  db: Db,
  clock: Clock,
  scope: Scope,
  id: string,
  input: z.output<typeof zTaskFeedbackCreate>,
  meta: RequestMeta,
): Promise<Task> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { task } = await visibleTask(tx, scope, id);
    const feedbackId = randomUUID();
    await tx.insert(taskFeedback).values({
      orgId: scope.orgId,
      id: feedbackId,
      taskId: id,
      authorUserId: scope.userId,
      authorRole: scope.role,
      text: input.text,
      praise: input.praise,
      createdAt: now,
    });
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'task.feedback',
        entityType: 'task',
        entityId: id,
        subjectId: task.participantId,
        detail: { feedbackId, praise: input.praise },
      }),
      now,
    );
    return toTask(tx, scope, task);
  });
}
