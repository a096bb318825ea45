import { zGoal, zGoalCreate, zGoalPatch, zGoalRatingCreate, zIdParams } from '@tandem/contract';
import { PLAN_ROLES } from '@tandem/domain/plans/access';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { expectedVersion, setEtag } from '../../concurrency';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { idempotencyKeyOf, runIdempotent } from '../../idempotency';
import { scopeOf } from '../../scope';
import { addGoal, rateGoal, updateGoal } from './service';

const TAGS = ['plans'];

export async function planRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/mentorships/:id/goals', {
    config: { access: { roles: PLAN_ROLES.add_goal } },
    schema: {
      tags: TAGS,
      summary: 'Add a goal to the plan; the first goal creates the plan (MOH-1, MOH-2)',
      params: zIdParams,
      body: zGoalCreate,
      response: { 201: zGoal, ...problems(...COMMON_ERRORS, 409, 422) },
    },
    handler: async (request, reply) => {
      const goal = await addGoal(
        db,
        clock,
        scopeOf(request),
        request.params.id,
        request.body,
        metaOf(request),
      );
      setEtag(reply, goal.version);
      return reply.code(201).send(goal);
    },
  });

  r.patch('/api/v1/goals/:id', {
    config: { access: { roles: PLAN_ROLES.edit_goal } },
    schema: {
      tags: TAGS,
      summary: 'Edit a goal (If-Match: the version you saw)',
      params: zIdParams,
      body: zGoalPatch,
      response: { 200: zGoal, ...problems(...COMMON_ERRORS, 412, 422, 428) },
    },
    handler: async (request, reply) => {
      const version = expectedVersion(request);
      const goal = await updateGoal(
        db,
        clock,
        scopeOf(request),
        request.params.id,
        version,
        request.body,
        metaOf(request),
      );
      setEtag(reply, goal.version);
      return goal;
    },
  });

  r.post('/api/v1/goals/:id/ratings', {
    config: { access: { roles: PLAN_ROLES.rate_goal } },
    schema: {
      tags: TAGS,
      summary:
        'Rate progress toward a goal on a day, 1 to 5 (send Idempotency-Key when retrying from a phone)',
      params: zIdParams,
      body: zGoalRatingCreate,
      response: { 201: zGoal, ...problems(...COMMON_ERRORS, 409, 422) },
    },
    handler: async (request, reply) => {
      const scope = scopeOf(request);
      const result = await runIdempotent(
        db,
        scope,
        'POST /api/v1/goals/:id/ratings',
        idempotencyKeyOf(request),
        { id: request.params.id, ...request.body },
        async (tx) => ({
          status: 201,
          body: await rateGoal(tx, clock, scope, request.params.id, request.body, metaOf(request)),
        }),
      );
      if (result.replayed) reply.header('Idempotent-Replayed', 'true');
      setEtag(reply, result.body.version);
      return reply.code(201).send(result.body);
    },
  });
}
