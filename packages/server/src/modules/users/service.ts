import { randomUUID } from 'node:crypto';
import { authSessions, type Db, memberships, users } from '@tandem/db';
import type { Locale, Role } from '@tandem/domain';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { AppError, notFound } from '../../errors';
import type { Scope } from '../../scope';
import { hashPassword, oneTimePassword } from '../auth/password';
import type { RequestMeta } from '../auth/service';
import { getUser } from './queries';

/** Only the domain part, and only its first letter: enough to tell log lines apart (AUD-06). */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/**
 * An admin adds a person to their organisation with a role. A new person gets a
 * random one-time password (shown once) that must be changed at first sign-in.
 * A person who already has an account elsewhere keeps their password and gains
 * a membership here. Membership + user + audit in one transaction (REL-01).
 */
export async function createUser(
  db: Db,
  clock: Clock,
  scope: Scope,
  input: { email: string; displayName: string; role: Role; locale: Locale },
  meta: RequestMeta,
  log: { info: (o: object, m: string) => void },
) {
  const now = clock.now();
  const [existing] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const password = existing ? null : oneTimePassword();
  const passwordHash = password ? await hashPassword(password) : null;

  const userId = await db.transaction(async (tx) => {
    let id = existing?.id;
    if (existing) {
      const [member] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.orgId, scope.orgId), eq(memberships.userId, existing.id)))
        .limit(1);
      if (member) {
        log.info({ email: maskEmail(input.email) }, 'user already a member');
        throw new AppError('conflict', 'email_taken', {
          detail: 'This email already belongs to a member of this organisation.',
          errors: [{ field: 'email', code: 'email_taken', message: 'Already a member' }],
        });
      }
    } else {
      id = randomUUID();
      await tx.insert(users).values({
        id,
        email: input.email,
        displayName: input.displayName,
        passwordHash: passwordHash!,
        locale: input.locale,
        mustChangePassword: true,
        createdAt: now,
        updatedAt: now,
      });
    }
    const membershipId = randomUUID();
    await tx
      .insert(memberships)
      .values({ orgId: scope.orgId, id: membershipId, userId: id!, role: input.role, createdAt: now });
    await writeAudit(
      tx,
      {
        orgId: scope.orgId,
        actorUserId: scope.userId,
        actorRole: scope.role,
        action: 'user.create',
        entityType: 'membership',
        entityId: membershipId,
        outcome: 'success',
        ip: meta.ip,
        requestId: meta.requestId,
        detail: { userId: id!, role: input.role, newAccount: !existing },
      },
      now,
    );
    return id!;
  });
  const user = await getUser(db, scope, userId);
  return { user: user!, oneTimePassword: password };
}

/**
 * Change a member's role, name or access. Ending access also ends their logins
 * at once (TEN-07); an admin cannot demote or disable themselves (the
 * organisation must keep an admin).
 */
export async function updateUser(
  db: Db,
  clock: Clock,
  scope: Scope,
  userId: string,
  input: { role?: Role | undefined; disabled?: boolean | undefined; displayName?: string | undefined },
  meta: RequestMeta,
) {
  const current = await getUser(db, scope, userId);
  if (!current) throw notFound('user');
  if (userId === scope.userId && (input.disabled || (input.role && input.role !== 'admin'))) {
    throw new AppError('conflict', 'cannot_demote_self', {
      detail: 'You cannot remove your own admin access.',
    });
  }
  const now = clock.now();
  await db.transaction(async (tx) => {
    const membershipSet: Partial<typeof memberships.$inferInsert> = {};
    if (input.role) membershipSet.role = input.role;
    if (input.disabled !== undefined) membershipSet.disabled = input.disabled;
    if (Object.keys(membershipSet).length > 0) {
      await tx
        .update(memberships)
        .set(membershipSet)
        .where(and(eq(memberships.orgId, scope.orgId), eq(memberships.userId, userId)));
    }
    // A person's name is theirs across organisations; an admin of one may correct it.
    if (input.displayName)
      await tx
        .update(users)
        .set({ displayName: input.displayName, updatedAt: now })
        .where(eq(users.id, userId));
    // Role or access changed: their logins in this organisation end now (TEN-07, AUTH-06).
    if (input.role || input.disabled) {
      await tx
        .delete(authSessions)
        .where(and(eq(authSessions.orgId, scope.orgId), eq(authSessions.userId, userId)));
    }
    await writeAudit(
      tx,
      {
        orgId: scope.orgId,
        actorUserId: scope.userId,
        actorRole: scope.role,
        action: 'user.update',
        entityType: 'membership',
        entityId: current.membershipId,
        outcome: 'success',
        ip: meta.ip,
        requestId: meta.requestId,
        detail: { userId, fields: Object.keys(input).sort() },
      },
      now,
    );
  });
  return (await getUser(db, scope, userId))!;
}
