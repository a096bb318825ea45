import { zCodeSheet, zIdParams, zPortal, zPortalAccess, zPortalInvitationRequest } from '@tandem/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { scopeOf } from '../../scope';
import { portalOf } from './home';
import { inviteToPortal, portalAccess } from './invitation';

const TAGS = ['portal'];
const STAFF = { roles: ['coordinator', 'admin'] } as const;

export async function portalRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/participants/:id/portal-invitation', {
    config: { access: STAFF },
    schema: {
      tags: TAGS,
      summary: 'Invite a participant to the portal, or print a new sheet of one-time codes',
      params: zIdParams,
      body: zPortalInvitationRequest,
      response: { 201: zCodeSheet, ...problems(...COMMON_ERRORS, 409) },
    },
    handler: async (request, reply) => {
      const sheet = await inviteToPortal(
        db,
        clock,
        scopeOf(request),
        request.params.id,
        request.body,
        metaOf(request),
      );
      return reply.code(201).send(sheet);
    },
  });

  r.get('/api/v1/participants/:id/portal-access', {
    config: { access: STAFF },
    schema: {
      tags: TAGS,
      summary: 'Whether and how a participant signs in to the portal',
      params: zIdParams,
      response: { 200: zPortalAccess, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => portalAccess(db, clock, scopeOf(request), request.params.id, metaOf(request)),
  });

  r.get('/api/v1/me/portal', {
    config: { access: { roles: ['participant'] } },
    schema: {
      tags: TAGS,
      summary: "The participant's own home: mentorship, goals and tasks",
      response: { 200: zPortal, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => portalOf(db, clock, scopeOf(request), metaOf(request)),
  });
}
