import {
  zAgreedRhythm,
  zApprovalRequestCreate,
  zChangeMentor,
  zCloseMentorship,
  zHospitalization,
  zIdParams,
  zMatchProposal,
  zMentorshipCreate,
  zMentorshipFile,
  zMentorshipList,
  zMentorshipListQuery,
  zModeSwitch,
  zSuspend,
  zTrialReview,
} from '@tandem/contract';
import type { HistoryAction } from '@tandem/domain/lifecycle/states';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { expectedVersion, setEtag, withEtag } from '../../concurrency';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { idempotencyKeyOf, runIdempotent } from '../../idempotency';
import { scopeOf } from '../../scope';
import { type CommandContext, type CommandEffect, runCommand } from './command';
import { ACTION_ROLES } from './file';
import { listMentorshipsOf, proposeMentorship, proposeOrRefuse, readMentorship } from './service';
import {
  agreedRhythmStep,
  changeMentorStep,
  closeStep,
  hospitalizationStep,
  modeStep,
  proposeMatchStep,
  requestStep,
  resumeStep,
  reviewTrialStep,
  start,
  suspendStep,
} from './transitions';

const TAGS = ['mentorships'];
const STAFF = { roles: ['admin', 'coordinator'] } as const;
/** Every lifecycle command: If-Match required (428), stale (412), refused by a rule (422), a race lost (409). */
const COMMAND_RESPONSES = { 200: zMentorshipFile, ...problems(...COMMON_ERRORS, 409, 412, 422, 428) };

export async function mentorshipRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;

  /** The one shape of every command route: version from If-Match, one call, the file back with its ETag. */
  const command = async (
    request: FastifyRequest & { params: { id: string } },
    reply: FastifyReply,
    action: HistoryAction,
    decide: (ctx: CommandContext) => Promise<CommandEffect>,
  ) => {
    const version = expectedVersion(request);
    const { id } = request.params;
    const file = await runCommand(deps, scopeOf(request), metaOf(request), { id, version, action, decide });
    setEtag(reply, file.version);
    return file;
  };

  r.post('/api/v1/mentorships', {
    config: { access: STAFF },
    schema: {
      tags: TAGS,
      summary: 'Propose a match: the mentorship waits to start, the match approved by you (MOH-1)',
      body: zMentorshipCreate,
      response: { 201: zMentorshipFile, ...problems(...COMMON_ERRORS, 409, 422) },
    },
    handler: async (request, reply) => {
      const scope = scopeOf(request);
      const result = await proposeOrRefuse(
        () =>
          runIdempotent(
            db,
            scope,
            'POST /api/v1/mentorships',
            idempotencyKeyOf(request),
            request.body,
            async (tx) => ({
              status: 201,
              body: await proposeMentorship(tx, clock, deps, scope, request.body, metaOf(request)),
            }),
          ),
        scope,
        db,
        request.body.participantId,
      );
      if (result.replayed) reply.header('Idempotent-Replayed', 'true');
      setEtag(reply, result.body.version);
      return reply.code(201).send(result.body);
    },
  });

  r.get('/api/v1/mentorships', {
    config: { access: { roles: ['admin', 'coordinator', 'mentor'] } },
    schema: {
      tags: TAGS,
      summary: 'Mentorships you may see (a mentor: their current mentees), optionally by state',
      querystring: zMentorshipListQuery,
      response: { 200: zMentorshipList, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => ({
      items: await listMentorshipsOf(db, clock, scopeOf(request), request.query, metaOf(request)),
    }),
  });

  r.get('/api/v1/mentorships/:id', {
    config: { access: { roles: ['admin', 'coordinator', 'mentor'] } },
    schema: {
      tags: TAGS,
      summary: "A mentorship's file with the actions allowed now (the read is audited)",
      params: zIdParams,
      response: { 200: zMentorshipFile, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request, reply) =>
      withEtag(reply, await readMentorship(deps, scopeOf(request), request.params.id, metaOf(request))),
  });

  r.post('/api/v1/mentorships/:id/start', {
    config: { access: { roles: ACTION_ROLES.start } },
    schema: {
      tags: TAGS,
      summary:
        'Start with the matched mentor: plan, age, training, consent, total cap (MOH-1, MOH-10, MOH-13, RAMP-1, MOH-6)',
      params: zIdParams,
      response: COMMAND_RESPONSES,
    },
    handler: (request, reply) => command(request, reply, 'start', start),
  });

  r.post('/api/v1/mentorships/:id/review-trial', {
    config: { access: { roles: ACTION_ROLES.review_trial } },
    schema: {
      tags: TAGS,
      summary: 'Record the trial review: continue, revise the plan or change the mentor (MOH-4)',
      params: zIdParams,
      body: zTrialReview,
      response: COMMAND_RESPONSES,
    },
    handler: (request, reply) =>
      command(request, reply, 'review_trial', (ctx) => reviewTrialStep(ctx, request.body)),
  });

  r.post('/api/v1/mentorships/:id/change-mentor', {
    config: { access: { roles: ACTION_ROLES.change_mentor } },
    schema: {
      tags: TAGS,
      summary: 'End the current mentor’s assignment; optionally propose the replacement (MOH-16)',
      params: zIdParams,
      body: zChangeMentor,
      response: COMMAND_RESPONSES,
    },
    handler: (request, reply) =>
      command(request, reply, 'change_mentor', (ctx) => changeMentorStep(ctx, request.body)),
  });

  r.post('/api/v1/mentorships/:id/match', {
    config: { access: STAFF },
    schema: {
      tags: TAGS,
      summary: 'Propose a mentor for a mentorship waiting for one (MOH-16)',
      params: zIdParams,
      body: zMatchProposal,
      response: COMMAND_RESPONSES,
    },
    handler: (request, reply) =>
      command(request, reply, 'match', (ctx) => proposeMatchStep(ctx, request.body)),
  });

  r.post('/api/v1/mentorships/:id/close', {
    config: { access: { roles: ACTION_ROLES.close } },
    schema: {
      tags: TAGS,
      summary: 'Close with a reason; the participant may end the service at any time (MOH-14)',
      params: zIdParams,
      body: zCloseMentorship,
      response: COMMAND_RESPONSES,
    },
    handler: (request, reply) => command(request, reply, 'close', (ctx) => closeStep(ctx, request.body)),
  });

  r.post('/api/v1/mentorships/:id/hospitalization', {
    config: { access: { roles: ACTION_ROLES.record_hospitalization } },
    schema: {
      tags: TAGS,
      summary: 'Record a hospitalization and its expected discharge (MOH-15)',
      params: zIdParams,
      body: zHospitalization,
      response: COMMAND_RESPONSES,
    },
    handler: (request, reply) =>
      command(request, reply, 'record_hospitalization', (ctx) => hospitalizationStep(ctx, request.body)),
  });

  r.post('/api/v1/mentorships/:id/suspend', {
    config: { access: { roles: ACTION_ROLES.suspend } },
    schema: {
      tags: TAGS,
      summary: 'Suspend the service, e.g. after the third month of a hospitalization (MOH-15)',
      params: zIdParams,
      body: zSuspend,
      response: COMMAND_RESPONSES,
    },
    handler: (request, reply) => command(request, reply, 'suspend', (ctx) => suspendStep(ctx, request.body)),
  });

  r.post('/api/v1/mentorships/:id/resume', {
    config: { access: { roles: ACTION_ROLES.resume } },
    schema: {
      tags: TAGS,
      summary:
        'Resume a suspended mentorship; after a hospitalization from two weeks before discharge (MOH-15)',
      params: zIdParams,
      response: COMMAND_RESPONSES,
    },
    handler: (request, reply) => command(request, reply, 'resume', resumeStep),
  });

  r.post('/api/v1/mentorships/:id/mode', {
    config: { access: { roles: ACTION_ROLES.switch_mode } },
    schema: {
      tags: TAGS,
      summary: 'Switch between in-person and virtual mentoring (MOH-7)',
      params: zIdParams,
      body: zModeSwitch,
      response: COMMAND_RESPONSES,
    },
    handler: (request, reply) => command(request, reply, 'switch_mode', (ctx) => modeStep(ctx, request.body)),
  });

  r.post('/api/v1/mentorships/:id/extension', {
    config: { access: { roles: ACTION_ROLES.request_extension } },
    schema: {
      tags: TAGS,
      summary: 'Ask the committee to extend the planned end (MOH-5), never past the total cap (MOH-6)',
      params: zIdParams,
      body: zApprovalRequestCreate,
      response: COMMAND_RESPONSES,
    },
    handler: (request, reply) =>
      command(request, reply, 'request_extension', (ctx) => requestStep(ctx, 'extension', request.body)),
  });

  r.post('/api/v1/mentorships/:id/virtual-continuation', {
    config: { access: { roles: ACTION_ROLES.request_virtual_continuation } },
    schema: {
      tags: TAGS,
      summary: 'Ask the district coordinator to continue virtual mentoring beyond three months (MOH-7)',
      params: zIdParams,
      body: zApprovalRequestCreate,
      response: COMMAND_RESPONSES,
    },
    handler: (request, reply) =>
      command(request, reply, 'request_virtual_continuation', (ctx) =>
        requestStep(ctx, 'virtual_continuation', request.body),
      ),
  });

  r.post('/api/v1/mentorships/:id/agreed-rhythm', {
    config: { access: { roles: ['mentor', 'coordinator', 'admin'] } },
    schema: {
      tags: TAGS,
      summary: 'Record the contact rhythm participant and mentor agreed on (RAMP-5)',
      params: zIdParams,
      body: zAgreedRhythm,
      response: COMMAND_RESPONSES,
    },
    handler: (request, reply) =>
      command(request, reply, 'agree_rhythm', (ctx) => agreedRhythmStep(ctx, request.body)),
  });
}
