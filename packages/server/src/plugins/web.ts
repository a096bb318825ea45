import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { sendProblem } from './problem';

export const defaultWebDist = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * Serve the built web app from the same port. Unknown non-API paths get
 * index.html so client-side routes survive a reload; unknown API paths stay 404
 * problem+json. Source maps are never served (CRY-04).
 */
export async function webPlugin(app: FastifyInstance, opts: { config: Config }) {
  const root = opts.config.webDist ?? defaultWebDist;
  if (!existsSync(join(root, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    allowedPath: (path) => !path.endsWith('.map'),
    setHeaders: (res, path) => {
      // Vite fingerprints assets: cache them for a year; never cache the HTML shell.
      res.header(
        'Cache-Control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      !path.endsWith('.map') &&
      !/\.[a-z0-9]+$/i.test(path)
    ) {
      return reply.type('text/html').header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, request, 404, { code: 'route_not_found' });
  });
}
