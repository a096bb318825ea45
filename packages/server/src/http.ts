import { zProblem } from '@tandem/contract';
import type { FastifyRequest } from 'fastify';
import type { RequestMeta } from './modules/auth/service';

/** Every route declares its error responses too (DESIGN.md §3); they share one schema. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, zProblem])) as Record<number, typeof zProblem>;

/** The 4xx every signed-in route can answer. */
export const COMMON_ERRORS = [400, 401, 403, 404, 429] as const;

export const metaOf = (request: FastifyRequest): RequestMeta => ({ ip: request.ip, requestId: request.id });
