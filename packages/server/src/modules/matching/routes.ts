import { zCandidates, zIdParams } from '@tandem/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { scopeOf } from '../../scope';
import { candidatesFor } from './service';

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
}
