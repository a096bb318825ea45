import fastifyMultipart from '@fastify/multipart';
import {
  zEvidenceParams,
  zEvidenceQuery,
  zIdParams,
  zTask,
  zTaskCreate,
  zTaskEvidence,
  zTaskFeedbackCreate,
  zTaskList,
  zTaskStatusRequest,
  zTaskUpdate,
} from '@tandem/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { expectedVersion, setEtag, withEtag } from '../../concurrency';
import { AppError } from '../../errors';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { idempotencyKeyOf, runIdempotent } from '../../idempotency';
import { scopeOf } from '../../scope';
import { deleteEvidence, readEvidence, type Upload, uploadEvidence } from './evidence';
import { contentDisposition, MAX_PHOTO_BYTES } from './images';
import { addFeedback, createTask, getTask, listTasks, setTaskStatus, updateTask } from './service';

const TAGS = ['tasks'];
/** Who agrees tasks and answers them: the mentor and the staff. */
const MENTOR_SIDE = { roles: ['mentor', 'coordinator', 'admin'] } as const;
/** Whoever a task concerns: the participant too. */
const TASK_READERS = { roles: ['participant', 'mentor', 'coordinator', 'admin'] } as const;
/** Photos come from the participant, or from the mentor who got them by messenger (SIVA-5). */
const UPLOADERS = { roles: ['participant', 'mentor', 'coordinator'] } as const;

const tooLarge = () =>
  new AppError('payload_too_large', 'file_too_large', {
    ruleId: 'FILE-02',
    params: { maxBytes: MAX_PHOTO_BYTES },
    detail: 'The photo is larger than 10 MB.',
  });

/** The one file of a multipart upload, read into memory within the size cap (FILE-02). */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'multipart_required', {
      detail: 'Send the photo as multipart/form-data in a field named "file".',
    });
  }
  // Refuse a declared oversize body before reading a byte of it.
  if (Number(request.headers['content-length'] ?? 0) > MAX_PHOTO_BYTES + 64 * 1024) throw tooLarge();
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 413) throw tooLarge();
    throw e;
  }
  if (part?.fieldname !== 'file') {
    throw new AppError('bad_request', 'file_missing', {
      errors: [{ field: 'file', code: 'required', message: 'Attach the photo in a field named "file"' }],
    });
  }
  try {
    return { bytes: await part.toBuffer(), fileName: part.filename };
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 413) throw tooLarge();
    throw e;
  }
}

export async function taskRoutes(app: FastifyInstance, { db, clock, files, uploads }: AppDeps) {
  // Multipart only for these routes (this plugin's scope), with every limit set (FILE-02).
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 0, parts: 1, headerPairs: 50, fieldNameSize: 20 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/tasks', {
    config: { access: MENTOR_SIDE },
    schema: {
      tags: TAGS,
      summary: 'Agree a task with a due date (SIVA-3); send Idempotency-Key when retrying from a phone',
      body: zTaskCreate,
      response: { 201: zTask, ...problems(...COMMON_ERRORS, 409, 422) },
    },
    handler: async (request, reply) => {
      const scope = scopeOf(request);
      const result = await runIdempotent(
        db,
        scope,
        'POST /api/v1/tasks',
        idempotencyKeyOf(request),
        request.body,
        async (tx) => ({
          status: 201,
          body: await createTask(tx, clock, scope, request.body, metaOf(request)),
        }),
      );
      if (result.replayed) reply.header('Idempotent-Replayed', 'true');
      setEtag(reply, result.body.version);
      return reply.code(201).send(result.body);
    },
  });

  r.get('/api/v1/mentorships/:id/tasks', {
    config: { access: TASK_READERS },
    schema: {
      tags: TAGS,
      summary: "A mentorship's tasks with their photos and feedback",
      params: zIdParams,
      response: { 200: zTaskList, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => ({
      items: await listTasks(db, clock, scopeOf(request), request.params.id, metaOf(request)),
    }),
  });

  r.get('/api/v1/tasks/:id', {
    config: { access: TASK_READERS },
    schema: {
      tags: TAGS,
      summary: 'One task with its photos and feedback',
      params: zIdParams,
      response: { 200: zTask, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request, reply) =>
      withEtag(reply, await getTask(db, clock, scopeOf(request), request.params.id, metaOf(request))),
  });

  r.patch('/api/v1/tasks/:id', {
    config: { access: MENTOR_SIDE },
    schema: {
      tags: TAGS,
      summary: "Change a task's title, description or due date (If-Match: the version you saw)",
      params: zIdParams,
      body: zTaskUpdate,
      response: { 200: zTask, ...problems(...COMMON_ERRORS, 412, 422, 428) },
    },
    handler: async (request, reply) => {
      const version = expectedVersion(request);
      const task = await updateTask(
        db,
        clock,
        scopeOf(request),
        request.params.id,
        version,
        request.body,
        metaOf(request),
      );
      setEtag(reply, task.version);
      return task;
    },
  });

  r.post('/api/v1/tasks/:id/status', {
    config: { access: TASK_READERS },
    schema: {
      tags: TAGS,
      summary: 'Mark a task done, with a few words on how it went, or open it again (SIVA-4)',
      params: zIdParams,
      body: zTaskStatusRequest,
      response: { 200: zTask, ...problems(...COMMON_ERRORS, 422) },
    },
    handler: async (request, reply) =>
      withEtag(
        reply,
        await setTaskStatus(db, clock, scopeOf(request), request.params.id, request.body, metaOf(request)),
      ),
  });

  r.post('/api/v1/tasks/:id/feedback', {
    config: { access: MENTOR_SIDE },
    schema: {
      tags: TAGS,
      summary: 'Feedback and praise on a task (SIVA-4)',
      params: zIdParams,
      body: zTaskFeedbackCreate,
      response: { 201: zTask, ...problems(...COMMON_ERRORS, 422) },
    },
    handler: async (request, reply) => {
      const task = await addFeedback(
        db,
        clock,
        scopeOf(request),
        request.params.id,
        request.body,
        metaOf(request),
      );
      return reply.code(201).send(task);
    },
  });

  r.post('/api/v1/tasks/:id/evidence', {
    config: { access: UPLOADERS },
    schema: {
      tags: TAGS,
      summary:
        'Upload a photo (multipart field "file"; JPEG, PNG or WebP, ≤ 10 MB, ≤ 40 MP, ≤ 5 a task); Idempotency-Key from phones',
      params: zIdParams,
      response: { 201: zTaskEvidence, ...problems(...COMMON_ERRORS, 409, 413, 415, 422) },
    },
    handler: async (request, reply) => {
      const key = idempotencyKeyOf(request);
      const upload = await readUpload(request);
      const result = await uploadEvidence(
        db,
        clock,
        files,
        uploads.quotaBytes,
        scopeOf(request),
        request.params.id,
        upload,
        key,
        metaOf(request),
      );
      if (result.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.code(201).send(result.body);
    },
  });

  r.get('/api/v1/tasks/:id/evidence/:evidenceId', {
    config: { access: TASK_READERS },
    schema: {
      tags: TAGS,
      summary: 'Download a photo (or its small copy with ?size=thumb), as an attachment',
      params: zEvidenceParams,
      querystring: zEvidenceQuery,
      response: { 200: z.any().describe('The image bytes'), ...problems(...COMMON_ERRORS) },
    },
    handler: async (request, reply) => {
      const file = await readEvidence(
        db,
        clock,
        files,
        scopeOf(request),
        request.params.id,
        request.params.evidenceId,
        request.query.size,
        metaOf(request),
      );
      // FILE-04: never rendered as a page, never sniffed into something else, never scripted.
      return reply
        .type(file.contentType)
        .header('Content-Disposition', contentDisposition(file.fileName))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', "sandbox; default-src 'none'")
        .header('Cross-Origin-Resource-Policy', 'same-origin')
        .send(file.bytes);
    },
  });

  r.delete('/api/v1/tasks/:id/evidence/:evidenceId', {
    config: { access: UPLOADERS },
    schema: {
      tags: TAGS,
      summary: 'Remove a photo (the one who sent it, or a coordinator)',
      params: zEvidenceParams,
      response: { 204: z.null(), ...problems(...COMMON_ERRORS, 422) },
    },
    handler: async (request, reply) => {
      await deleteEvidence(
        db,
        clock,
        files,
        scopeOf(request),
        request.params.id,
        request.params.evidenceId,
        metaOf(request),
      );
      return reply.code(204).send(null);
    },
  });
}
