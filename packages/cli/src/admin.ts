import { buildMembership, buildOrganisation, buildUser, type Db, organisations, users } from '@tandem/db';
import { writeAudit } from '@tandem/server/audit/audit';
import { hashPassword, oneTimePassword } from '@tandem/server/modules/auth/password';
import { eq } from 'drizzle-orm';

/**
 * CRY-04: in production the first admin is made here, with a random one-time
 * password that must be changed at first sign-in; there are no default accounts.
 */
export async function createFirstAdmin(db: Db, input: { email: string; name: string; org: string }) {
  const email = input.email.trim().toLowerCase();
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (taken) throw new Error(`A user with email ${email} already exists.`);
  const otp = oneTimePassword();
  const passwordHash = await hashPassword(otp);
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.name, input.org))
      .limit(1);
    const org = existing ?? (await buildOrganisation(tx, { name: input.org }));
    const u = await buildUser(tx, { email, displayName: input.name, passwordHash, mustChangePassword: true });
    const m = await buildMembership(tx, { orgId: org.id, userId: u.id, role: 'admin' });
    await writeAudit(
      tx,
      {
        orgId: org.id,
        actorUserId: null,
        actorRole: 'cli',
        action: 'user.create',
        entityType: 'membership',
        entityId: m.id,
        outcome: 'success',
        detail: { userId: u.id, role: 'admin', newAccount: true },
      },
      new Date(),
    );
  });
  return otp;
}
