import {
  zAttendanceUpdate,
  zEnrolmentCreate,
  zGroupCandidates,
  zGroupCreate,
  zGroupDetail,
  zGroupEnrolment,
  zGroupEnrolmentParams,
  zGroupLeave,
  zGroupList,
  zGroupMeetingParams,
  zGroupParams,
  zGroupUpdate,
  zMeetingCreate,
} from '@tandem/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { expectedVersion, withEtag } from '../../concurrency';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { createOnce } from '../../idempotency';
import { scopeOf } from '../../scope';
import { addMeeting, enrol, enrolmentCandidates, leaveGroup, recordAttendance } from './enrolment';
import { planGroup, readGroup, readGroups, updateGroup } from './service';

const PLANNERS = ['coordinator', 'admin'] as const;

export async function groupRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/groups', {
    config: { access: { roles: ['coordinator', 'admin', 'mentor', 'participant'] } },
    schema: {
      tags: ['groups'],
      summary: 'Group programs you run, lead or are in (MOH-8)',
      response: { 200: zGroupList, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => ({ items: await readGroups(deps, scopeOf(request), metaOf(request)) }),
  });

  r.post('/api/v1/groups', {
    config: { access: { roles: PLANNERS } },
    schema: {
      tags: ['groups'],
      summary: 'Plan a group program: facilitator, weekly slot, meetings within bounds (MOH-8)',
      body: zGroupCreate,
      response: { 201: zGroupDetail, ...problems(...COMMON_ERRORS, 409, 422) },
    },
    handler: async (request, reply) =>
      createOnce(deps.db, request, reply, 'POST /api/v1/groups', (tx, scope) =>
        planGroup(tx, deps, scope, request.body, metaOf(request)),
      ),
  });

  r.get('/api/v1/groups/:id', {
    config: { access: { roles: ['coordinator', 'admin', 'mentor', 'participant'] } },
    schema: {
      tags: ['groups'],
      summary: 'A group with its meetings, members and attendance (a participant sees only their own marks)',
      params: zGroupParams,
      response: { 200: zGroupDetail, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request, reply) =>
      withEtag(reply, await readGroup(deps, scopeOf(request), request.params.id, metaOf(request))),
  });

  r.patch('/api/v1/groups/:id', {
    config: { access: { roles: PLANNERS } },
    schema: {
      tags: ['groups'],
      summary: 'Rename, change facilitator, start (MOH-8: 12–15 members) or close a group (If-Match)',
      params: zGroupParams,
      body: zGroupUpdate,
      response: { 200: zGroupDetail, ...problems(...COMMON_ERRORS, 412, 422, 428) },
    },
    handler: async (request, reply) =>
      withEtag(
        reply,
        await updateGroup(
          deps,
          scopeOf(request),
          request.params.id,
          expectedVersion(request),
          request.body,
          metaOf(request),
        ),
      ),
  });

  r.get('/api/v1/groups/:id/candidates', {
    config: { access: { roles: PLANNERS } },
    schema: {
      tags: ['groups'],
      summary:
        'Whom the coordinator may enrol: participants of the program with an open service, not yet members, each with the rules that would refuse them (MOH-9)',
      params: zGroupParams,
      response: { 200: zGroupCandidates, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => enrolmentCandidates(deps.db, scopeOf(request), request.params.id),
  });

  r.post('/api/v1/groups/:id/enrolments', {
    config: { access: { roles: PLANNERS } },
    schema: {
      tags: ['groups'],
      summary: 'Enrol a participant: group size (MOH-8), one group per service period (MOH-9)',
      params: zGroupParams,
      body: zEnrolmentCreate,
      response: { 201: zGroupEnrolment, ...problems(...COMMON_ERRORS, 409, 422) },
    },
    handler: async (request, reply) =>
      createOnce(
        deps.db,
        request,
        reply,
        `POST /api/v1/groups/${request.params.id}/enrolments`,
        (tx, scope) => enrol(tx, deps, scope, request.params.id, request.body.participantId, metaOf(request)),
      ),
  });

  r.post('/api/v1/groups/:id/enrolments/:participantId/leave', {
    config: { access: { roles: PLANNERS } },
    schema: {
      tags: ['groups'],
      summary:
        'A member leaves before the group ends: their place opens, their attendance stays, MOH-9 still counts the group (MOH-8)',
      params: zGroupEnrolmentParams,
      body: zGroupLeave,
      response: { 200: zGroupDetail, ...problems(...COMMON_ERRORS, 422) },
    },
    handler: async (request, reply) =>
      withEtag(
        reply,
        await leaveGroup(
          deps,
          scopeOf(request),
          request.params.id,
          request.params.participantId,
          request.body.reason,
          metaOf(request),
        ),
      ),
  });

  r.post('/api/v1/groups/:id/meetings', {
    config: { access: { roles: PLANNERS } },
    schema: {
      tags: ['groups'],
      summary: 'Add a meeting, within the program’s maximum (MOH-8)',
      params: zGroupParams,
      body: zMeetingCreate,
      response: { 201: zGroupDetail, ...problems(...COMMON_ERRORS, 422) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await addMeeting(deps, scopeOf(request), request.params.id, request.body.startsAt, metaOf(request)),
        ),
  });

  r.put('/api/v1/groups/:id/meetings/:meetingId/attendance', {
    config: { access: { roles: ['coordinator', 'admin', 'mentor'] } },
    schema: {
      tags: ['groups'],
      summary: 'Take attendance at a meeting (If-Match: the meeting’s version)',
      params: zGroupMeetingParams,
      body: zAttendanceUpdate,
      response: { 200: zGroupDetail, ...problems(...COMMON_ERRORS, 412, 422, 428) },
    },
    handler: async (request) => {
      const version = expectedVersion(request);
      return recordAttendance(
        deps,
        scopeOf(request),
        request.params.id,
        request.params.meetingId,
        version,
        request.body,
        metaOf(request),
      );
    },
  });
}
