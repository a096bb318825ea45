import { auditEvents, type Db } from '@tandem/db';
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Scope } from '../../scope';

export interface AuditFilter {
  actorId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/** Newest first, only the scope's organisation (TEN-04). */
export async function listAuditEvents(db: Db, scope: Scope, f: AuditFilter) {
  const conds: SQL[] = [eq(auditEvents.orgId, scope.orgId)];
  if (f.actorId) conds.push(eq(auditEvents.actorUserId, f.actorId));
  if (f.entityType) conds.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) conds.push(eq(auditEvents.entityId, f.entityId));
  if (f.from) conds.push(gte(auditEvents.at, new Date(f.from)));
  if (f.to) conds.push(lte(auditEvents.at, new Date(f.to)));
  if (f.beforeId !== undefined) conds.push(lt(auditEvents.id, f.beforeId));
  return db
    .select()
    .from(auditEvents)
    .where(and(...conds))
    .orderBy(desc(auditEvents.id))
    .limit(f.limit + 1);
}
