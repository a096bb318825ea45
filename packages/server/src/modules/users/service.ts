import { randomUUID } from 'node:crypto';
import { type Db, memberships, users } from '@tandem/db';
import type { Locale, Role } from '@tandem/domain';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
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
