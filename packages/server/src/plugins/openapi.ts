import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import { AppError } from '../errors';

/**
 * The OpenAPI document is generated from the same zod schemas that validate
 * requests, so it is the route inventory (API-07). In production it is served
 * to signed-in admins only, unless TANDEM_PUBLIC_DOCS=1 publishes it.
 */
async function openapi(app: FastifyInstance, opts: { config: Config }) {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Tandem API',
        version: '1',
        description: 'Social mentorship programs: REST API under /api/v1.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-tandem' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiHooks: {
      onRequest: async (request) => {
        if (opts.config.publicDocs) return;
        if (!request.auth) throw new AppError('unauthenticated', 'unauthenticated');
        if (request.auth.role !== 'admin') throw new AppError('forbidden', 'role_not_allowed');
      },
    },
  });
}

export const openapiPlugin = fp(openapi, { name: 'openapi' });
