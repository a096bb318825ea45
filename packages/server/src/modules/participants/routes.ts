import {
  zIdParams,
  zParticipant,
  zParticipantCreate,
  zParticipantList,
  zParticipantPatch,
} from '@tandem/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { expectedVersion, setEtag, withEtag } from '../../concurrency';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { scopeOf } from '../../scope';
import { listParticipants } from './queries';
import { createParticipant, readParticipant, updateParticipant } from './service';

const staff = { roles: ['admin', 'coordinator'] } as const;

export async function participantRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/participants', {
    config: { access: { roles: ['admin', 'coordinator', 'mentor'] } },
    schema: {
      tags: ['participants'],
      summary: 'Participants you may see (a mentor: their own mentees)',
      response: { 200: zParticipantList, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => ({ items: await listParticipants(db, scopeOf(request)) }),
  });

  r.post('/api/v1/participants', {
    config: { access: staff },
    schema: {
      tags: ['participants'],
      summary: 'Register a participant (intake)',
      body: zParticipantCreate,
      response: { 201: zParticipant, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request, reply) => {
      const p = await createParticipant(db, clock, scopeOf(request), request.body, metaOf(request));
      setEtag(reply, p.version);
      return reply.code(201).send(p);
    },
  });

  r.get('/api/v1/participants/:id', {
    config: { access: { roles: ['admin', 'coordinator', 'mentor', 'participant'] } },
    schema: {
      tags: ['participants'],
      summary: "A participant's file (the read is audited)",
      params: zIdParams,
      response: { 200: zParticipant, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request, reply) =>
      withEtag(reply, await readParticipant(db, clock, scopeOf(request), request.params.id, metaOf(request))),
  });

  r.patch('/api/v1/participants/:id', {
    config: { access: staff },
    schema: {
      tags: ['participants'],
      summary: "Edit a participant's profile (If-Match: the version you saw)",
      params: zIdParams,
      body: zParticipantPatch,
      response: { 200: zParticipant, ...problems(...COMMON_ERRORS, 412, 428) },
    },
    handler: async (request, reply) => {
      const version = expectedVersion(request);
      const p = await updateParticipant(
        db,
        clock,
        scopeOf(request),
        request.params.id,
        version,
        request.body,
        metaOf(request),
      );
      setEtag(reply, p.version);
      return p;
    },
  });
}
