import type { Db } from '@tandem/db';
import { LOCALES, type Locale } from '@tandem/domain';
import { REFUSAL_CODES } from '@tandem/domain/messages/codes';
import { refusalMessage } from '@tandem/domain/messages/format';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { appendAudit } from '../audit/audit';
import type { Clock } from '../clock';
import { AppError, type ErrorKind, type FieldError, STATUS_OF } from '../errors';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by the web plugin: answers unknown page URLs with the app shell; returns false to fall through. */
    spaFallback: ((request: FastifyRequest, reply: FastifyReply) => boolean) | null;
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Not allowed by a program rule',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  code?: string;
  ruleId?: string;
  params?: Record<string, unknown>;
  errors?: FieldError[];
}

function typeUri(code: string) {
  return `https://tandem.dev/problems/${code.replace(/_/g, '-')}`;
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  body: Omit<ProblemBody, 'type' | 'title' | 'status'> & { code: string },
  headers: Record<string, string> = {},
) {
  const problem: ProblemBody = {
    type: typeUri(body.code),
    title: TITLES[status] ?? 'Error',
    status,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...body,
  };
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  return reply.code(status).type('application/problem+json').serializer(JSON.stringify).send(problem);
}

/** Zod issues → `errors[]` naming each field (unknown keys are named one by one). */
function fieldErrors(err: FastifyError): FieldError[] {
  const where = (err as { validationContext?: string }).validationContext ?? 'body';
  return (err.validation ?? []).flatMap((v) => {
    const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const params = v.params as { keys?: string[]; code?: string } | undefined;
    const prefix = where === 'body' ? '' : `${where}.`;
    if (v.keyword === 'unrecognized_keys' && params?.keys) {
      return params.keys.map((k) => ({
        field: `${prefix}${path ? `${path}.` : ''}${k}`,
        code: 'unknown_field',
        message: 'Unknown field',
      }));
    }
    const code = v.keyword === 'custom' && params?.code ? params.code : (v.keyword ?? 'invalid');
    return [{ field: `${prefix}${path}` || where, code, message: v.message ?? 'Invalid value' }];
  });
}

/**
 * One map from error kind to problem+json (DESIGN.md §4). 5xx details are
 * hidden and logged with the request id (API-06). Denied requests (403/404 for
 * a signed-in user) leave an audit row (AUD-02).
 */
async function problemPluginImpl(app: FastifyInstance, opts: { db: Db; clock: Clock }) {
  app.setErrorHandler(async (err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      const status = STATUS_OF[err.kind as ErrorKind];
      if ((status === 403 || status === 404) && request.auth) await auditDenial(opts, request, err.code);
      const { headers, ...rest } = err.extra;
      // A rule refusal is explained in the reader's language, by the same catalog the domain tests.
      if (err.kind === 'refused' && rest.ruleId && (REFUSAL_CODES as readonly string[]).includes(err.code)) {
        rest.detail = refusalMessage(localeOf(request), {
          ruleId: rest.ruleId,
          code: err.code,
          params: (rest.params ?? {}) as Record<string, string | number | boolean | null>,
        });
      }
      return sendProblem(reply, request, status, { code: err.code, ...rest }, headers);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return sendProblem(reply, request, 400, {
        code: 'validation_failed',
        detail: 'Some fields are missing or invalid.',
        errors: fieldErrors(err),
      });
    }
    if (
      !isResponseSerializationError(err) &&
      typeof err.statusCode === 'number' &&
      err.statusCode >= 400 &&
      err.statusCode < 500
    ) {
      // Fastify's own 4xx: malformed JSON, body too large, wrong content type…
      const code = (err.code ?? 'bad_request').replace(/^FST_ERR_/, '').toLowerCase();
      return sendProblem(reply, request, err.statusCode, { code, detail: err.message });
    }
    request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, request, 500, {
      code: 'internal_error',
      detail: 'Something went wrong on our side. Quote the request id when reporting it.',
    });
  });

  app.decorate('spaFallback', null);
  app.setNotFoundHandler(async (request, reply) => {
    if (app.spaFallback?.(request, reply)) return reply;
    return sendProblem(reply, request, 404, { code: 'route_not_found' });
  });
}

/** The signed-in user's language, else the browser's first supported one, else English. */
function localeOf(request: FastifyRequest): Locale {
  const own = request.auth?.locale;
  if (own && (LOCALES as readonly string[]).includes(own)) return own as Locale;
  const accepted = String(request.headers['accept-language'] ?? '')
    .split(',')
    .map((p) => p.trim().slice(0, 2).toLowerCase());
  return (accepted.find((l) => (LOCALES as readonly string[]).includes(l)) as Locale | undefined) ?? 'en';
}

async function auditDenial(opts: { db: Db; clock: Clock }, request: FastifyRequest, code: string) {
  const auth = request.auth!;
  const params = (request.params ?? {}) as Record<string, unknown>;
  await appendAudit(
    opts.db,
    {
      orgId: auth.orgId,
      actorUserId: auth.userId,
      actorRole: auth.role,
      action: 'access.denied',
      entityType: 'route',
      entityId: typeof params.id === 'string' ? params.id.slice(0, 64) : null,
      outcome: 'denied',
      ip: request.ip,
      requestId: request.id,
      detail: { route: request.routeOptions.url ?? null, method: request.method, code },
    },
    opts.clock.now(),
  );
}

/** Wrapped with fastify-plugin: its hooks and handlers must apply to the whole app, not a child scope. */
export const problemPlugin = fp(problemPluginImpl, { name: 'problemPlugin' });
