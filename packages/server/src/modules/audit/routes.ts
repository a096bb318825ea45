import { zAuditPage, zAuditQuery } from '@tandem/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { COMMON_ERRORS, problems } from '../../http';
import { scopeOf } from '../../scope';
import { listAuditEvents } from './queries';

export async function auditRoutes(app: FastifyInstance, { db, cursors }: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit-events', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['audit'],
      summary: 'Who did what in your organisation, newest first',
      querystring: zAuditQuery,
      response: { 200: zAuditPage, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const beforeId = cursor ? cursors.decode<{ id: number }>(cursor).id : undefined;
      const rows = await listAuditEvents(db, scopeOf(request), { ...filter, beforeId, limit });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => ({
          id: String(r.id),
          at: r.at.toISOString(),
          actorId: r.actorUserId,
          actorRole: r.actorRole,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          subjectId: r.subjectId,
          outcome: r.outcome as 'success' | 'denied' | 'failure',
          ip: r.ip,
          requestId: r.requestId,
          detail: (r.detail as Record<string, unknown> | null) ?? null,
          hash: r.hash,
        })),
        nextCursor: rows.length > limit && last ? cursors.encode({ id: last.id }) : null,
      };
    },
  });
}
