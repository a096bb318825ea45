import {
  zCreateUserRequest,
  zCreateUserResponse,
  zUpdateUserRequest,
  zUserIdParams,
  zUserList,
  zUserRow,
} from '@tandem/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { notFound } from '../../errors';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { scopeOf } from '../../scope';
import { getUser, listUsers } from './queries';
import { createUser, updateUser } from './service';

const admins = { roles: ['admin'] } as const;

export async function userRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/users', {
    config: { access: admins },
    schema: {
      tags: ['users'],
      summary: 'People in your organisation and their roles',
      response: { 200: zUserList, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => ({ items: await listUsers(db, scopeOf(request)) }),
  });

  r.post('/api/v1/users', {
    config: { access: admins },
    schema: {
      tags: ['users'],
      summary: 'Add a person with a role (a new account gets a one-time password)',
      body: zCreateUserRequest,
      response: { 201: zCreateUserResponse, ...problems(...COMMON_ERRORS, 409) },
    },
    handler: async (request, reply) => {
      const result = await createUser(
        db,
        clock,
        scopeOf(request),
        request.body,
        metaOf(request),
        request.log,
      );
      return reply.code(201).send(result);
    },
  });

  r.get('/api/v1/users/:id', {
    config: { access: admins },
    schema: {
      tags: ['users'],
      summary: 'One member of your organisation',
      params: zUserIdParams,
      response: { 200: zUserRow, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => {
      const user = await getUser(db, scopeOf(request), request.params.id);
      if (!user) throw notFound('user');
      return user;
    },
  });

  r.patch('/api/v1/users/:id', {
    config: { access: admins },
    schema: {
      tags: ['users'],
      summary: "Change a member's role, name or access (their logins end at once)",
      params: zUserIdParams,
      body: zUpdateUserRequest,
      response: { 200: zUserRow, ...problems(...COMMON_ERRORS, 409) },
    },
    handler: async (request) =>
      updateUser(db, clock, scopeOf(request), request.params.id, request.body, metaOf(request)),
  });
}
