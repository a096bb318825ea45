import { zMyWeek, zMyWeekQuery } from '@tandem/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { scopeOf } from '../../scope';
import { myWeek } from './service';

export async function myWeekRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/my-week', {
    // The mentor's own week; coordinators have the weekly-hours report (TEN-03).
    config: { access: { roles: ['mentor'] } },
    schema: {
      tags: ['contacts'],
      summary:
        'My program week: contacts per mentee against the caps and the rhythm (MOH-3, MOH-7, RAMP-5, SIVA-2)',
      querystring: zMyWeekQuery,
      response: { 200: zMyWeek, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => myWeek(db, clock, scopeOf(request), request.query, metaOf(request)),
  });
}
