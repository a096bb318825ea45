import { zIdParams, zProgram, zProgramList, zProgramPatch } from '@tandem/contract';
import { ROLES } from '@tandem/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { expectedVersion, setEtag } from '../../concurrency';
import { notFound } from '../../errors';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { scopeOf } from '../../scope';
import { findProgram, programsOf, updateProgram } from './service';

export async function programRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/programs', {
    // Everyone in the organisation works under its programs' rules, so everyone may read them.
    config: { access: { roles: ROLES } },
    schema: {
      tags: ['programs'],
      summary: "Your organisation's programs with their resolved policy",
      response: { 200: zProgramList, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => ({ items: await programsOf(db, scopeOf(request)) }),
  });

  r.get('/api/v1/programs/:id', {
    config: { access: { roles: ROLES } },
    schema: {
      tags: ['programs'],
      summary: 'One program with its resolved policy',
      params: zIdParams,
      response: { 200: zProgram, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request, reply) => {
      const p = await findProgram(db, scopeOf(request), request.params.id);
      if (!p) throw notFound('program');
      setEtag(reply, p.version);
      return p;
    },
  });

  r.patch('/api/v1/programs/:id', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['programs'],
      summary: "Rename a program or override its preset's values (validated and audited)",
      params: zIdParams,
      body: zProgramPatch,
      response: { 200: zProgram, ...problems(...COMMON_ERRORS, 412, 428) },
    },
    handler: async (request, reply) => {
      const version = expectedVersion(request);
      const p = await updateProgram(
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
