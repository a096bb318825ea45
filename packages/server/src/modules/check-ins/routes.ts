import {
  zCheckIn,
  zCheckInCreate,
  zCheckInList,
  zCheckInQuery,
  zCheckInUpdate,
  zIdParams,
} from '@tandem/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { expectedVersion, withEtag } from '../../concurrency';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { createOnce } from '../../idempotency';
import { scopeOf } from '../../scope';
import { createCheckIn, readCheckIn, readCheckIns, updateCheckIn } from './service';

const READERS = ['participant', 'mentor', 'coordinator', 'admin'] as const;

export async function checkInRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/check-ins', {
    config: { access: { roles: ['participant'] } },
    schema: {
      tags: ['check-ins'],
      summary: 'Check in for today: wellbeing 1–5 and a short note (SIVA-2; send Idempotency-Key)',
      body: zCheckInCreate,
      response: { 201: zCheckIn, ...problems(...COMMON_ERRORS, 409, 422) },
    },
    handler: async (request, reply) =>
      createOnce(deps.db, request, reply, 'POST /api/v1/check-ins', (tx, scope) =>
        createCheckIn(tx, deps, scope, request.body, metaOf(request)),
      ),
  });

  r.patch('/api/v1/check-ins/:id', {
    config: { access: { roles: ['participant'] } },
    schema: {
      tags: ['check-ins'],
      summary: "Change today's check-in (If-Match; only on its own day, SIVA-2)",
      params: zIdParams,
      body: zCheckInUpdate,
      response: { 200: zCheckIn, ...problems(...COMMON_ERRORS, 412, 422, 428) },
    },
    handler: async (request, reply) =>
      withEtag(
        reply,
        await updateCheckIn(
          deps,
          scopeOf(request),
          request.params.id,
          expectedVersion(request),
          request.body,
          metaOf(request),
        ),
      ),
  });

  r.get('/api/v1/check-ins', {
    config: { access: { roles: READERS } },
    schema: {
      tags: ['check-ins'],
      summary: 'Check-ins, newest first: your own, your mentees’, or (coordinators) anyone’s',
      querystring: zCheckInQuery,
      response: { 200: zCheckInList, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => readCheckIns(deps, scopeOf(request), request.query, metaOf(request)),
  });

  r.get('/api/v1/check-ins/:id', {
    config: { access: { roles: READERS } },
    schema: {
      tags: ['check-ins'],
      summary: 'One check-in',
      params: zIdParams,
      response: { 200: zCheckIn, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request, reply) =>
      withEtag(reply, await readCheckIn(deps, scopeOf(request), request.params.id, metaOf(request))),
  });
}
