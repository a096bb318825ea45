import {
  zIdParams,
  zMentor,
  zMentorBriefing,
  zMentorCreate,
  zMentorList,
  zMentorLoginList,
  zMentorPatch,
} from '@tandem/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { expectedVersion, setEtag, withEtag } from '../../concurrency';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { scopeOf } from '../../scope';
import { mentorLogins, recordBriefing } from './briefing';
import { listMentors } from './queries';
import { createMentor, readMentor, updateMentor } from './service';

const staff = { roles: ['admin', 'coordinator'] } as const;

export async function mentorRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/mentors', {
    config: { access: { roles: ['admin', 'coordinator', 'mentor'] } },
    schema: {
      tags: ['mentors'],
      summary: 'The mentor registry (a mentor: their own record)',
      response: { 200: zMentorList, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => ({ items: await listMentors(db, scopeOf(request)) }),
  });

  r.post('/api/v1/mentors', {
    config: { access: staff },
    schema: {
      tags: ['mentors'],
      summary: 'Register a mentor',
      body: zMentorCreate,
      response: { 201: zMentor, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request, reply) => {
      const m = await createMentor(db, clock, scopeOf(request), request.body, metaOf(request));
      setEtag(reply, m.version);
      return reply.code(201).send(m);
    },
  });

  r.get('/api/v1/mentors/:id', {
    config: { access: { roles: ['admin', 'coordinator', 'mentor'] } },
    schema: {
      tags: ['mentors'],
      summary: "A mentor's record",
      params: zIdParams,
      response: { 200: zMentor, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request, reply) =>
      withEtag(reply, await readMentor(db, clock, scopeOf(request), request.params.id, metaOf(request))),
  });

  r.patch('/api/v1/mentors/:id', {
    config: { access: staff },
    schema: {
      tags: ['mentors'],
      summary: "Edit a mentor's profile (If-Match: the version you saw)",
      params: zIdParams,
      body: zMentorPatch,
      response: { 200: zMentor, ...problems(...COMMON_ERRORS, 412, 428) },
    },
    handler: async (request, reply) => {
      const version = expectedVersion(request);
      const m = await updateMentor(
        db,
        clock,
        scopeOf(request),
        request.params.id,
        version,
        request.body,
        metaOf(request),
      );
      setEtag(reply, m.version);
      return m;
    },
  });
  r.post('/api/v1/mentors/:id/briefing', {
    config: { access: { roles: ['admin', 'coordinator', 'mentor'] } },
    schema: {
      tags: ['mentors'],
      summary:
        "RAMP-4: record the day the mentor was briefed on the project's aim (a mentor confirms their own; staff may withdraw with null)",
      params: zIdParams,
      body: zMentorBriefing,
      response: { 200: zMentor, ...problems(...COMMON_ERRORS, 422) },
    },
    handler: async (request, reply) =>
      withEtag(
        reply,
        await recordBriefing(db, clock, scopeOf(request), request.params.id, request.body, metaOf(request)),
      ),
  });

  r.get('/api/v1/mentor-logins', {
    config: { access: staff },
    schema: {
      tags: ['mentors'],
      summary: "The organisation's logins with the mentor role, to link a registry record to one",
      response: { 200: zMentorLoginList, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => ({ items: await mentorLogins(db, scopeOf(request)) }),
  });
}
