import { createHash, randomUUID } from 'node:crypto';
import type { TaskEvidence } from '@tandem/contract';
import { type Db, taskEvidence } from '@tandem/db';
import { and, eq } from 'drizzle-orm';
import { entryFor, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { AppError, notFound } from '../../errors';
import { type FileStore, newStorageKey } from '../../files/store';
import { runIdempotent } from '../../idempotency';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { displayFileName, processPhoto } from './images';
import { bytesUploadedBy, evidenceCount, evidenceRow, toEvidence } from './queries';
import { mustNotBeClosed, visibleTask } from './service';

/** FILE-02: a task shows at most five photos. */
export const MAX_FILES_PER_TASK = 5;

export interface Upload {
  bytes: Buffer;
  fileName: string | undefined;
}

/**
 * Add a photo to a task (SIVA-4). The picture is checked and re-encoded first,
 * outside the transaction (FILE-01..03); then, with the task locked so two
 * phones cannot both add a sixth, the caps are checked (FILE-02), the bytes
 * stored under random keys (FILE-04) and the row and its audit committed
 * together. Sent with an Idempotency-Key, a retry of the same file returns the
 * first answer and stores nothing twice (REL-02).
 */
export async function uploadEvidence(
  db: Db,
  clock: Clock,
  files: FileStore,
  quotaBytes: number,
  scope: Scope,
  taskId: string,
  upload: Upload,
  idempotencyKey: string | null,
  meta: RequestMeta,
): Promise<{ body: TaskEvidence; replayed: boolean }> {
  const photo = await processPhoto(upload.bytes);
  const fileName = displayFileName(upload.fileName, photo.type);
  const fingerprint = {
    taskId,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    fileName,
  };
  const written: string[] = [];
  try {
    const result = await runIdempotent(
      db,
      scope,
      'POST /api/v1/tasks/:id/evidence',
      idempotencyKey,
      fingerprint,
      async (tx) => {
        const now = clock.now();
        const { task, ms } = await visibleTask(tx, scope, taskId, true);
        mustNotBeClosed(ms.state);
        if ((await evidenceCount(tx, scope, taskId)) >= MAX_FILES_PER_TASK) {
          throw new AppError('refused', 'too_many_files', {
            ruleId: 'FILE-02',
            params: { max: MAX_FILES_PER_TASK },
            detail: `A task holds at most ${MAX_FILES_PER_TASK} photos.`,
          });
        }
        const used = await bytesUploadedBy(tx, scope);
        if (used + photo.full.length > quotaBytes) {
          throw new AppError('refused', 'upload_quota_exceeded', {
            ruleId: 'FILE-02',
            params: { usedBytes: used, quotaBytes },
            detail: 'Your space for photos is full. Ask your coordinator.',
          });
        }
        const storageKey = newStorageKey(scope.orgId);
        const thumbKey = `${storageKey}.thumb`;
        written.push(storageKey, thumbKey);
        await files.put(storageKey, photo.full);
        await files.put(thumbKey, photo.thumb);
        const id = randomUUID();
        const [row] = await tx
          .insert(taskEvidence)
          .values({
            orgId: scope.orgId,
            id,
            taskId,
            participantId: task.participantId,
            storageKey,
            thumbKey,
            fileName,
            contentType: photo.type,
            byteSize: photo.full.length,
            width: photo.width,
            height: photo.height,
            uploadedBy: scope.userId,
            createdAt: now,
          })
          .returning();
        await writeAudit(
          tx,
          entryFor(scope, meta, {
            action: 'task_evidence.create',
            entityType: 'task_evidence',
            entityId: id,
            subjectId: task.participantId,
            detail: { taskId, contentType: photo.type, byteSize: photo.full.length },
          }),
          now,
        );
        return { status: 201, body: toEvidence(row!) };
      },
    );
    return { body: result.body, replayed: result.replayed };
  } catch (e) {
    // The transaction rolled back: the bytes written for it belong to nothing.
    await Promise.all(written.map((k) => files.delete(k).catch(() => undefined)));
    throw e;
  }
}

/**
 * Read a photo through the task's own scope (FILE-05): another mentor's,
 * participant's or organisation's photo is a 404 like a missing one. The read
 * is audited before a byte leaves (AUD-01, AUD-03).
 */
export async function readEvidence(
  db: Db,
  clock: Clock,
  files: FileStore,
  scope: Scope,
  taskId: string,
  evidenceId: string,
  size: 'full' | 'thumb',
  meta: RequestMeta,
) {
  const row = await db.transaction(async (tx) => {
    const { task } = await visibleTask(tx, scope, taskId);
    const e = await evidenceRow(tx, scope, taskId, evidenceId);
    if (!e) throw notFound('task_evidence');
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'task_evidence.read',
        entityType: 'task_evidence',
        entityId: evidenceId,
        subjectId: task.participantId,
        detail: { size },
      }),
      clock.now(),
    );
    return e;
  });
  const bytes = await files.get(size === 'thumb' ? row.thumbKey : row.storageKey);
  if (!bytes) throw notFound('task_evidence');
  return {
    bytes,
    contentType: size === 'thumb' ? 'image/jpeg' : row.contentType,
    fileName: size === 'thumb' ? row.fileName.replace(/\.[a-z]+$/, '.jpg') : row.fileName,
  };
}

/** The uploader, a coordinator or an admin removes a photo; its bytes go once the row is gone. */
export async function deleteEvidence(
  db: Db,
  clock: Clock,
  files: FileStore,
  scope: Scope,
  taskId: string,
  evidenceId: string,
  meta: RequestMeta,
): Promise<void> {
  const row = await db.transaction(async (tx) => {
    const { task, ms } = await visibleTask(tx, scope, taskId, true);
    const e = await evidenceRow(tx, scope, taskId, evidenceId);
    if (!e) throw notFound('task_evidence');
    const staff = scope.role === 'coordinator' || scope.role === 'admin';
    if (!staff && e.uploadedBy !== scope.userId) {
      throw new AppError('forbidden', 'not_your_photo', { detail: 'Only who sent a photo removes it.' });
    }
    mustNotBeClosed(ms.state);
    await tx
      .delete(taskEvidence)
      .where(and(eq(taskEvidence.orgId, scope.orgId), eq(taskEvidence.id, evidenceId)));
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'task_evidence.delete',
        entityType: 'task_evidence',
        entityId: evidenceId,
        subjectId: task.participantId,
        detail: { taskId },
      }),
      clock.now(),
    );
    return e;
  });
  // After the commit: a crash here leaves unreferenced bytes, never a row without its file.
  await files.delete(row.storageKey);
  await files.delete(row.thumbKey);
}
