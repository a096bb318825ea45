import { zApproval, zApprovalDecision, zApprovalList, zApprovalListQuery, zIdParams } from '@tandem/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { withEtag } from '../../concurrency';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { scopeOf } from '../../scope';
import { approvalInbox, decide, readApproval } from './service';

const TAGS = ['approvals'];
/** Those who request (coordinators), oversee (admins) and decide (committees); committees see only their own (TEN-09). */
const DECIDERS = { roles: ['admin', 'coordinator', 'committee'] } as const;

export async function approvalRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/approvals', {
    config: { access: DECIDERS },
    schema: {
      tags: TAGS,
      summary: 'Requests routed to your role (an admin: all), pending by default',
      querystring: zApprovalListQuery,
      response: { 200: zApprovalList, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => ({
      items: await approvalInbox(deps, scopeOf(request), request.query.status, metaOf(request)),
    }),
  });

  r.get('/api/v1/approvals/:id', {
    config: { access: DECIDERS },
    schema: {
      tags: TAGS,
      summary: 'One request (a committee member: only those routed to their committee)',
      params: zIdParams,
      response: { 200: zApproval, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request, reply) =>
      withEtag(reply, await readApproval(deps, scopeOf(request), request.params.id, metaOf(request))),
  });

  r.post('/api/v1/approvals/:id/decision', {
    config: { access: DECIDERS },
    schema: {
      tags: TAGS,
      summary: 'Approve or refuse a request with a reason (MOH-5, MOH-6, MOH-7); a decision is final',
      params: zIdParams,
      body: zApprovalDecision,
      response: { 200: zApproval, ...problems(...COMMON_ERRORS, 409, 422) },
    },
    handler: async (request, reply) =>
      withEtag(reply, await decide(deps, scopeOf(request), request.params.id, request.body, metaOf(request))),
  });
}
