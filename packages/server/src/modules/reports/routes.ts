import { zWeeklyHoursQuery, zWeeklyHoursReport } from '@tandem/contract';
import { programs } from '@tandem/db';
import { programWeekOfDate } from '@tandem/domain/time/index';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { appendAudit } from '../../audit/audit';
import { AppError } from '../../errors';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { scopeOf } from '../../scope';
import { policyOf } from '../programs/service';
import { weeklyHours } from './queries';

export async function reportRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/reports/weekly-hours', {
    config: { access: { roles: ['admin', 'coordinator'] } },
    schema: {
      tags: ['reports'],
      summary: 'Hours and visits per mentor in one program week (MOH-3, MOH-7, CM-2)',
      querystring: zWeeklyHoursQuery,
      response: { 200: zWeeklyHoursReport, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      const [program] = await db
        .select()
        .from(programs)
        .where(and(eq(programs.orgId, scope.orgId), eq(programs.id, request.query.programId)));
      if (!program) {
        throw new AppError('not_found', 'not_found', {
          params: { entity: 'program' },
          errors: [{ field: 'querystring.programId', code: 'not_found', message: 'No such program' }],
        });
      }
      const policy = policyOf(program);
      const week = programWeekOfDate(request.query.week, policy.timeZone, policy.weekStartsOn);
      const rows = await weeklyHours(db, scope, {
        programId: program.id,
        from: week.start,
        to: week.end,
        cappedModes: policy.weeklyCap?.countedModes ?? [],
        virtualModes: policy.virtual?.modes ?? [],
      });
      // A report names mentors, not participants: audited as a read of the program, not of case files.
      await appendAudit(
        db,
        {
          orgId: scope.orgId,
          actorUserId: scope.userId,
          actorRole: scope.role,
          action: 'report.weekly_hours',
          entityType: 'program',
          entityId: program.id,
          outcome: 'success',
          ip: request.ip,
          requestId: metaOf(request).requestId,
          detail: { weekStart: week.startDate },
        },
        clock.now(),
      );
      return { programId: program.id, weekStart: week.startDate, timeZone: policy.timeZone, rows };
    },
  });
}
