import type { Role } from '@tandem/domain';
import type { FastifyRequest } from 'fastify';
import { unauthenticated } from './errors';

/**
 * Who is asking, derived once from the login session (TEN-05: the organisation
 * comes only from here, never from a body, query or header). Every query takes
 * it as its second argument: `(db, scope, params)`. A mentor's caseload is not
 * cached here but joined in each query, so a rematch takes effect on the very
 * next request (TEN-07).
 */
export interface Scope {
  orgId: string;
  userId: string;
  role: Role;
  membershipId: string;
}

export function scopeOf(request: FastifyRequest): Scope {
  const auth = request.auth;
  if (!auth) throw unauthenticated();
  return { orgId: auth.orgId, userId: auth.userId, role: auth.role, membershipId: auth.membershipId };
}

/** Route access declaration, required on every /api route (TEN-01: default deny). */
export type Access = { public: true } | { roles: readonly Role[] };
