import { zContact, zContactCreate, zContactList, zIdParams } from '@tandem/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { idempotencyKeyOf, runIdempotent } from '../../idempotency';
import { scopeOf } from '../../scope';
import { listContacts, logContact } from './service';

export async function contactRoutes(app: FastifyInstance, { db, clock, fields }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/contacts', {
    config: { access: { roles: ['mentor', 'coordinator', 'admin'] } },
    schema: {
      tags: ['contacts'],
      summary: 'Log a contact (send Idempotency-Key when retrying from a phone)',
      body: zContactCreate,
      response: { 201: zContact, ...problems(...COMMON_ERRORS, 409, 422) },
    },
    handler: async (request, reply) => {
      const scope = scopeOf(request);
      const result = await runIdempotent(
        db,
        scope,
        'POST /api/v1/contacts',
        idempotencyKeyOf(request),
        request.body,
        async (tx) => ({
          status: 201,
          body: await logContact(tx, clock, fields, scope, request.body, metaOf(request)),
        }),
      );
      if (result.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.code(201).send(result.body);
    },
  });

  r.get('/api/v1/mentorships/:id/contacts', {
    config: { access: { roles: ['mentor', 'coordinator', 'admin', 'participant'] } },
    schema: {
      tags: ['contacts'],
      summary: "A mentorship's contact log (notes only for the mentor, coordinators and admins)",
      params: zIdParams,
      response: { 200: zContactList, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => ({
      items: await listContacts(db, clock, fields, scopeOf(request), request.params.id, metaOf(request)),
    }),
  });
}
