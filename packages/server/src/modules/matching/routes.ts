import { zBatchRequest, zBatchResult, zCandidates, zIdParams } from '@tandem/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { scopeOf } from '../../scope';
import { allocateCohort, candidatesFor } from './service';

export async function matchingRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/participants/:id/candidates', {
    config: { access: { roles: ['admin', 'coordinator'] } },
    schema: {
      tags: ['matching'],
      summary:
        'Ranked, explained mentor candidates for a participant; excluded mentors with the rule that excludes them',
      params: zIdParams,
      response: { 200: zCandidates, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) =>
      candidatesFor(db, clock, scopeOf(request), request.params.id, metaOf(request)),
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
}
