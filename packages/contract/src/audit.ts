import { z } from 'zod';
import { zId } from './common';

export const zAuditQuery = z.strictObject({
  actorId: zId.optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const zAuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorId: zId.nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  subjectId: z.string().nullable(),
  outcome: z.enum(['success', 'denied', 'failure']),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  /** Null until the row is sealed into its organisation's chain, moments after commit. */
  hash: z.string().nullable(),
});
export const zAuditPage = z.object({ items: z.array(zAuditEvent), nextCursor: z.string().nullable() });
