import {
  zChangePasswordRequest,
  zCodeLoginRequest,
  zCodePasswordRequest,
  zLoginRequest,
  zMe,
  zPreferencesRequest,
  zSwitchOrgRequest,
} from '@tandem/contract';
import { ROLES } from '@tandem/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { unauthenticated } from '../../errors';
import { metaOf, problems } from '../../http';
import { clearSessionCookie, cookieName, setSessionCookie } from '../../plugins/session';
import { choosePasswordAfterCode, codeLogin } from './code-login';
import { changePassword, login, logout, meOf, setLocale, switchOrg } from './service';

const anyRole = { roles: ROLES };

export async function authRoutes(app: FastifyInstance, { db, clock, config }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/auth/login', {
    config: { access: { public: true } },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with an email, sign-in name or phone number and a password',
      body: zLoginRequest,
      response: { 200: zMe, ...problems(400, 401, 403, 429) },
    },
    handler: async (request, reply) => {
      const { token, me } = await login(
        db,
        clock,
        {
          identifier: request.body.identifier ?? request.body.email!,
          password: request.body.password,
          previousToken: request.cookies[cookieName(config)],
        },
        metaOf(request),
      );
      setSessionCookie(reply, config, token);
      return me;
    },
  });

  r.post('/api/v1/auth/code-login', {
    config: { access: { public: true } },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with a one-time code from a printed sheet',
      body: zCodeLoginRequest,
      response: { 200: zMe, ...problems(400, 401, 403, 429) },
    },
    handler: async (request, reply) => {
      const { token, me } = await codeLogin(
        db,
        clock,
        { code: request.body.code, previousToken: request.cookies[cookieName(config)] },
        metaOf(request),
      );
      setSessionCookie(reply, config, token);
      return me;
    },
  });

  r.post('/api/v1/auth/code-password', {
    config: { access: { roles: ['participant'] } },
    schema: {
      tags: ['auth'],
      summary: 'Choose a password right after signing in with a code; your other logins end',
      body: zCodePasswordRequest,
      response: { 204: z.null(), ...problems(400, 401, 403, 422) },
    },
    handler: async (request, reply) => {
      await choosePasswordAfterCode(db, clock, request.auth!, request.body.newPassword, metaOf(request));
      return reply.code(204).send(null);
    },
  });

  r.post('/api/v1/auth/logout', {
    config: { access: anyRole },
    schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), ...problems(401, 403) } },
    handler: async (request, reply) => {
      await logout(db, clock, request.auth!, metaOf(request));
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/auth/me', {
    config: { access: anyRole },
    schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: zMe, ...problems(401) } },
    handler: async (request) => {
      const token = request.cookies[cookieName(config)];
      if (!token) throw unauthenticated();
      return meOf(db, token, clock.now());
    },
  });

  r.post('/api/v1/auth/switch-org', {
    config: { access: anyRole },
    schema: {
      tags: ['auth'],
      summary: 'Work in another organisation of yours (starts a new login)',
      body: zSwitchOrgRequest,
      response: { 200: zMe, ...problems(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const { token, me } = await switchOrg(db, clock, request.auth!, request.body.orgId, metaOf(request));
      setSessionCookie(reply, config, token);
      return me;
    },
  });

  r.patch('/api/v1/auth/me/preferences', {
    config: { access: anyRole },
    schema: {
      tags: ['auth'],
      summary: 'Remember the interface language',
      body: zPreferencesRequest,
      response: { 200: zMe, ...problems(400, 401, 403) },
    },
    handler: async (request) => {
      await setLocale(db, clock, request.auth!, request.body.locale, metaOf(request));
      return meOf(db, request.cookies[cookieName(config)]!, clock.now());
    },
  });

  r.post('/api/v1/auth/password', {
    config: { access: anyRole },
    schema: {
      tags: ['auth'],
      summary: 'Change your password; your other logins end',
      body: zChangePasswordRequest,
      response: { 204: z.null(), ...problems(400, 401, 403, 422) },
    },
    handler: async (request, reply) => {
      await changePassword(db, clock, request.auth!, request.body, metaOf(request));
      return reply.code(204).send(null);
    },
  });
}
