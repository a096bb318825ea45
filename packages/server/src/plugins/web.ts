import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';

export const defaultWebDist = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * Serve the built web app from the same port. Unknown non-API paths get
 * index.html so client-side routes survive a reload; unknown API paths stay 404
 * problem+json. Source maps are never served (CRY-04).
 */
async function webPluginImpl(app: FastifyInstance, opts: { config: Config }) {
  const root = opts.config.webDist ?? defaultWebDist;
  if (!existsSync(join(root, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root,
    index: ['index.html'],
    allowedPath: (path) => !path.endsWith('.map'),
    // The static wildcard route must not answer for the API namespace.
    prefixAvoidTrailingSlash: true,
    setHeaders: (res, path) => {
      // Vite fingerprints assets: cache them for a year; never cache the HTML shell.
      res.header(
        'Cache-Control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.spaFallback = (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Files, the API namespace and debug-looking paths (`/__…`, `/.…`) get a real 404 (CRY-04).
    if (
      request.method !== 'GET' ||
      path.startsWith('/api/') ||
      /^\/(__|\.)/.test(path) ||
      /\.[a-z0-9]+$/i.test(path)
    ) {
      return false;
    }
    void reply.type('text/html').header('Cache-Control', 'no-cache').sendFile('index.html');
    return true;
  };
}

/** Wrapped so `reply.sendFile` and the fallback reach the root instance. */
export const webPlugin = fp(webPluginImpl, { name: 'web' });
