import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import type { Db } from '@tandem/db';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { type Clock, systemClock } from './clock';
import { type Config, configFromEnv } from './config';
import { type FieldCipher, fieldCipher, loadMasterKey } from './crypto/fields';
import { type CursorCodec, cursorCodec, loadSigningKey } from './cursor';
import { type FileStore, filesDirFromEnv, localFileStore } from './files/store';
import { approvalRoutes } from './modules/approvals/routes';
import { attentionRoutes } from './modules/attention/routes';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { checkInRoutes } from './modules/check-ins/routes';
import { contactRoutes } from './modules/contacts/routes';
import { groupRoutes } from './modules/groups/routes';
import { healthRoutes } from './modules/health/routes';
import { matchingRoutes } from './modules/matching/routes';
import { mentorRoutes } from './modules/mentors/routes';
import { mentorshipRoutes } from './modules/mentorships/routes';
import { myWeekRoutes } from './modules/my-week/routes';
import { participantRoutes } from './modules/participants/routes';
import { planRoutes } from './modules/plans/routes';
import { portalRoutes } from './modules/portal/routes';
import { programRoutes } from './modules/programs/routes';
import { reportRoutes } from './modules/reports/routes';
import { riskRoutes } from './modules/risks/routes';
import { taskRoutes } from './modules/tasks/routes';
import { userRoutes } from './modules/users/routes';
import { auditSealerPlugin } from './plugins/audit-sealer';
import { openapiPlugin } from './plugins/openapi';
import { problemPlugin } from './plugins/problem';
import { sessionPlugin } from './plugins/session';
import { webPlugin } from './plugins/web';

export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
  cursors: CursorCodec;
  fields: FieldCipher;
  /** Task photos (FILE-04): the local disk unless another store is given. */
  files: FileStore;
  /** FILE-02: bytes of photos one person may keep in an organisation. */
  uploads: { quotaBytes: number };
}

export interface BuildOptions {
  db: Db;
  clock?: Clock;
  config?: Partial<Config>;
  logger?: FastifyServerOptions['logger'];
  /** Master key for field encryption; read from the environment when absent. */
  masterKey?: Buffer;
  /** Where task photos go; by default `files` in the data directory. */
  files?: FileStore;
  uploadQuotaBytes?: number;
}

/** API-03: JSON bodies are small; 256 KB is generous for any form in Tandem. */
export const BODY_LIMIT = 256 * 1024;

/** Pino redaction: credentials and personal data never reach the logs (AUD-05, AUD-06). */
export const LOG_REDACT = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.email',
];

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const config: Config = { ...configFromEnv(), ...opts.config };
  const clock = opts.clock ?? systemClock;
  const deps: AppDeps = {
    db: opts.db,
    clock,
    config,
    cursors: cursorCodec(await loadSigningKey(opts.db)),
    fields: fieldCipher(opts.masterKey ?? (await loadMasterKey(opts.db, config.production))),
    files: opts.files ?? localFileStore(filesDirFromEnv()),
    uploads: {
      quotaBytes: opts.uploadQuotaBytes ?? Number(process.env.TANDEM_UPLOAD_QUOTA_MB ?? 200) * 1024 * 1024,
    },
  };

  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: process.env.TANDEM_TRUST_PROXY === '1',
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Order matters, top to bottom:
  // 1. problem+json first, so every later failure (even in hooks) renders as a problem.
  await app.register(problemPlugin, { db: opts.db, clock });
  // 2. security headers on every response, API and HTML alike (API-05).
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets style attributes at runtime; scripts stay strictly 'self'.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Upgrading would break plain-HTTP installs on a LAN; production sits behind TLS anyway.
        upgradeInsecureRequests: config.production ? [] : null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    hsts: config.production,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    reply.header('X-Request-Id', request.id);
  });
  // 3. cookies, then the login session + access + CSRF checks that read them.
  await app.register(fastifyCookie);
  await app.register(sessionPlugin, { db: opts.db, clock, config });
  // 4. the audit sealer chains what commands commit; it stops (and seals the rest) before the database closes.
  await app.register(auditSealerPlugin, { db: opts.db, intervalMs: config.auditSealMs });
  // 5. OpenAPI collects every route registered after it (API-07).
  await app.register(openapiPlugin, { config });
  // 6. feature modules, each an explicit list of routes.
  await app.register(healthRoutes, deps);
  await app.register(authRoutes, deps);
  await app.register(userRoutes, deps);
  await app.register(auditRoutes, deps);
  await app.register(programRoutes, deps);
  await app.register(participantRoutes, deps);
  await app.register(matchingRoutes, deps);
  await app.register(mentorRoutes, deps);
  await app.register(contactRoutes, deps);
  await app.register(reportRoutes, deps);
  await app.register(myWeekRoutes, deps);
  await app.register(mentorshipRoutes, deps);
  await app.register(planRoutes, deps);
  await app.register(approvalRoutes, deps);
  await app.register(attentionRoutes, deps);
  await app.register(checkInRoutes, deps);
  await app.register(groupRoutes, deps);
  await app.register(riskRoutes, deps);
  await app.register(taskRoutes, deps);
  await app.register(portalRoutes, deps);
  // 7. the web app last: its SPA fallback must not shadow API routes.
  await app.register(webPlugin, { config });
  return app;
}
