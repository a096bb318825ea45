import {
  zBatchConfirm,
  zBatchConfirmed,
  zBatchRequest,
  zBatchResult,
  zCandidates,
  zCandidatesQuery,
  zIdParams,
} from '@tandem/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { idempotencyKeyOf } from '../../idempotency';
import { scopeOf } from '../../scope';
import { candidatesFor } from './candidates';
import { confirmAllocation } from './confirm';
import { allocateCohort } from './service';

export async function matchingRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, clock } = deps;
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/participants/:id/candidates', {
    config: { access: { roles: ['admin', 'coordinator'] } },
    schema: {
      tags: ['matching'],
      summary:
        'Ranked, explained mentor candidates for a participant; excluded mentors with the rule that excludes them; former mentors of a waiting mentorship ruled out by default (MOH-16)',
      params: zIdParams,
      querystring: zCandidatesQuery,
      response: { 200: zCandidates, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) =>
      candidatesFor(
        db,
        clock,
        scopeOf(request),
        request.params.id,
        [request.query.allowed ?? []].flat(),
        metaOf(request),
      ),
  });

  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/matching/batch', {
    config: { access: { roles: ['admin', 'coordinator'] } },
    schema: {
      tags: ['matching'],
      summary: 'Optimal allocation of a cohort to the program’s mentors (a proposal; nothing is created)',
      body: zBatchRequest,
      response: { 200: zBatchResult, ...problems(...COMMON_ERRORS, 422) },
    },
    handler: async (request) => allocateCohort(db, clock, scopeOf(request), request.body, metaOf(request)),
  });

  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/matching/batch/confirm', {
    config: { access: { roles: ['admin', 'coordinator'] } },
    schema: {
      tags: ['matching'],
      summary:
        'Confirm the pairs of an allocation: each is checked again (MOH-10..13, CM-1, CM-3, RAMP-1, capacity) and becomes a proposed mentorship, all or none',
      body: zBatchConfirm,
      response: { 201: zBatchConfirmed, ...problems(...COMMON_ERRORS, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await confirmAllocation(
        deps,
        scopeOf(request),
        request.body,
        idempotencyKeyOf(request),
        metaOf(request),
      );
      if (result.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.code(201).send(result.body);
    },
  });
}
