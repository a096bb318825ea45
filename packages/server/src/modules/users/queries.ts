import type { UserRow } from '@tandem/contract';
import { type Db, memberships, type Tx, users } from '@tandem/db';
import type { Locale, Role } from '@tandem/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Scope } from '../../scope';

/** Users holding a membership in the scope's organisation, and only those (TEN-04). */
export async function listUsers(db: Db | Tx, scope: Scope): Promise<UserRow[]> {
  const rows = await db
    .select({ u: users, m: memberships })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, scope.orgId))
    .orderBy(asc(users.displayName), asc(users.id));
  return rows.map(({ u, m }) => toUserRow(u, m));
}

export async function getUser(db: Db | Tx, scope: Scope, userId: string): Promise<UserRow | null> {
  const [row] = await db
    .select({ u: users, m: memberships })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, scope.orgId), eq(memberships.userId, userId)))
    .limit(1);
  return row ? toUserRow(row.u, row.m) : null;
}

export function toUserRow(u: typeof users.$inferSelect, m: typeof memberships.$inferSelect): UserRow {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    locale: u.locale as Locale,
    role: m.role as Role,
    membershipId: m.id,
    disabled: u.disabled || m.disabled,
    createdAt: m.createdAt.toISOString(),
  };
}
