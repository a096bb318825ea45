import { zAttentionList } from '@tandem/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { scopeOf } from '../../scope';
import { attentionFor } from './service';

export async function attentionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/attention', {
    config: { access: { roles: ['admin', 'coordinator', 'mentor', 'committee'] } },
    schema: {
      tags: ['attention'],
      summary:
        'What needs your attention now, overdue first (MOH-4, MOH-5, MOH-6, MOH-7, MOH-15, MOH-16, RAMP-5…)',
      response: { 200: zAttentionList, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => ({ items: await attentionFor(deps, scopeOf(request), metaOf(request)) }),
  });
}
