import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { problems } from '../../http';

export async function healthRoutes(app: FastifyInstance, { db }: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { access: { public: true } },
    schema: {
      tags: ['health'],
      summary: 'Liveness and database reachability',
      response: { 200: z.object({ status: z.literal('ok') }), ...problems(503) },
    },
    handler: async () => {
      await db.execute(sql`select 1`);
      return { status: 'ok' as const };
    },
  });
}
