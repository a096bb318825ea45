import {
  zEmergencyGuidance,
  zGuidanceQuery,
  zIdParams,
  zReferral,
  zReferralCreate,
  zReferralList,
  zReferralQuery,
  zReferralUpdate,
  zRiskActionCreate,
  zRiskObservationCreate,
  zRiskObservationCreated,
  zRiskObservationDetail,
  zRiskObservationList,
  zRiskObservationUpdate,
  zRiskQuery,
} from '@tandem/contract';
import { LOCALES, type Locale } from '@tandem/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { expectedVersion, withEtag } from '../../concurrency';
import { COMMON_ERRORS, metaOf, problems } from '../../http';
import { createOnce } from '../../idempotency';
import { scopeOf } from '../../scope';
import { alertOutbox } from './alerts';
import { createReferral, readReferrals, updateReferral } from './referrals';
import {
  closeObservation,
  guidanceFor,
  readObservation,
  readObservations,
  recordAction,
  recordObservation,
} from './service';

/** TEN-06: risk records are for the mentor who wrote them, coordinators and admins only. */
const RISK_READERS = ['mentor', 'coordinator', 'admin'] as const;
const COORDINATION = ['coordinator', 'admin'] as const;

const localeOf = (request: FastifyRequest): Locale => {
  const l = request.auth?.locale ?? 'en';
  return (LOCALES as readonly string[]).includes(l) ? (l as Locale) : 'en';
};

export async function riskRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // REL-08: the alert rows are the record; this drains their e-mails after each commit and at start.
  const outbox = alertOutbox({ db: deps.db, clock: deps.clock, config: deps.config, log: app.log });
  app.addHook('onReady', async () => outbox.start());
  app.addHook('onClose', async () => outbox.stop());

  r.post('/api/v1/risk-observations', {
    config: { access: { roles: RISK_READERS } },
    schema: {
      tags: ['risks'],
      summary:
        'Record a sign of risk (CM-4); high and immediate alert the coordinator at once (REL-08). Send Idempotency-Key.',
      body: zRiskObservationCreate,
      response: { 201: zRiskObservationCreated, ...problems(...COMMON_ERRORS, 409, 422) },
    },
    handler: async (request, reply) => {
      const body = await createOnce(deps.db, request, reply, 'POST /api/v1/risk-observations', (tx, scope) =>
        recordObservation(tx, deps, scope, localeOf(request), request.body, metaOf(request)),
      );
      // After the commit, never before: the alert is durable whatever happens to this process now.
      if (body.alert) outbox.kick();
      return body;
    },
  });

  r.get('/api/v1/risk-observations', {
    config: { access: { roles: RISK_READERS } },
    schema: {
      tags: ['risks'],
      summary: 'Risk records: your own (mentor) or all (coordinators, admins); every read is audited',
      querystring: zRiskQuery,
      response: { 200: zRiskObservationList, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => ({
      items: await readObservations(deps, scopeOf(request), request.query, metaOf(request)),
    }),
  });

  r.get('/api/v1/risk-observations/guidance', {
    config: { access: { roles: RISK_READERS } },
    schema: {
      tags: ['risks'],
      summary: "The program's emergency guidance for a mentorship, in your language",
      querystring: zGuidanceQuery,
      response: { 200: zEmergencyGuidance, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) =>
      guidanceFor(deps, scopeOf(request), localeOf(request), request.query.mentorshipId),
  });

  r.get('/api/v1/risk-observations/:id', {
    config: { access: { roles: RISK_READERS } },
    schema: {
      tags: ['risks'],
      summary: 'One risk record with its actions and referrals (audited; another mentor gets 404)',
      params: zIdParams,
      response: { 200: zRiskObservationDetail, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request, reply) =>
      withEtag(reply, await readObservation(deps, scopeOf(request), request.params.id, metaOf(request))),
  });

  r.patch('/api/v1/risk-observations/:id', {
    config: { access: { roles: COORDINATION } },
    schema: {
      tags: ['risks'],
      summary: 'Close a risk observation (If-Match)',
      params: zIdParams,
      body: zRiskObservationUpdate,
      response: { 200: zRiskObservationDetail, ...problems(...COMMON_ERRORS, 412, 422, 428) },
    },
    handler: async (request, reply) =>
      withEtag(
        reply,
        await closeObservation(
          deps,
          scopeOf(request),
          request.params.id,
          expectedVersion(request),
          metaOf(request),
        ),
      ),
  });

  r.post('/api/v1/risk-observations/:id/actions', {
    config: { access: { roles: COORDINATION } },
    schema: {
      tags: ['risks'],
      summary: 'Record an action taken on a sign of risk (CM-4)',
      params: zIdParams,
      body: zRiskActionCreate,
      response: { 201: zRiskObservationDetail, ...problems(...COMMON_ERRORS, 422) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await recordAction(deps, scopeOf(request), request.params.id, request.body, metaOf(request))),
  });

  r.post('/api/v1/referrals', {
    config: { access: { roles: COORDINATION } },
    schema: {
      tags: ['risks'],
      summary: 'Refer a sign of risk to a professional service (CM-4)',
      body: zReferralCreate,
      response: { 201: zReferral, ...problems(...COMMON_ERRORS, 409, 422) },
    },
    handler: async (request, reply) =>
      createOnce(deps.db, request, reply, 'POST /api/v1/referrals', (tx, scope) =>
        createReferral(tx, deps, scope, request.body, metaOf(request)),
      ),
  });

  r.get('/api/v1/referrals', {
    config: { access: { roles: COORDINATION } },
    schema: {
      tags: ['risks'],
      summary: 'Referrals, open ones by default, tracked to their outcome (CM-4)',
      querystring: zReferralQuery,
      response: { 200: zReferralList, ...problems(...COMMON_ERRORS) },
    },
    handler: async (request) => ({
      items: await readReferrals(deps, scopeOf(request), request.query, metaOf(request)),
    }),
  });

  r.patch('/api/v1/referrals/:id', {
    config: { access: { roles: COORDINATION } },
    schema: {
      tags: ['risks'],
      summary: "Record a referral's progress or outcome (If-Match)",
      params: zIdParams,
      body: zReferralUpdate,
      response: { 200: zReferral, ...problems(...COMMON_ERRORS, 412, 422, 428) },
    },
    handler: async (request, reply) =>
      withEtag(
        reply,
        await updateReferral(
          deps,
          scopeOf(request),
          request.params.id,
          expectedVersion(request),
          request.body,
          metaOf(request),
        ),
      ),
  });
}
