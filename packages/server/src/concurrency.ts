import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors';

/**
 * REL-03: optimistic concurrency. Representations carry `ETag: "<version>"`; an
 * edit must send it back in `If-Match`. Missing → 428, stale → 412 (RFC 9110
 * §13.1.1, RFC 6585), so two coordinators never silently overwrite each other.
 */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (typeof header !== 'string' || header.length === 0) {
    throw new AppError('precondition_required', 'if_match_required', {
      detail: 'Send the version you edited in the If-Match header.',
    });
  }
  const m = header.match(/^(?:W\/)?"?(\d{1,9})"?$/);
  if (!m)
    throw new AppError('precondition_failed', 'version_mismatch', { params: { sent: header.slice(0, 20) } });
  return Number(m[1]);
}

export function staleVersion(current: { version: number }) {
  return new AppError('precondition_failed', 'version_mismatch', {
    detail: 'Someone else changed this record since you opened it.',
    params: { currentVersion: current.version, current },
  });
}

export const setEtag = (reply: FastifyReply, version: number) => reply.header('ETag', `"${version}"`);

/** A representation sent with its version as the ETag, for the next edit's If-Match (REL-03). */
export function withEtag<T extends { version: number }>(reply: FastifyReply, body: T): T {
  setEtag(reply, body.version);
  return body;
}
