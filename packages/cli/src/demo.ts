import { randomBytes } from 'node:crypto';
import {
  buildMembership,
  buildOrganisation,
  buildProgram,
  buildSite,
  buildUser,
  type Db,
  memberships,
  organisations,
  users,
} from '@tandem/db';
import { ROLES } from '@tandem/domain';
import { hashPassword } from '@tandem/server/modules/auth/password';
import { eq, inArray } from 'drizzle-orm';
import { loadDemoPeople } from './demo-people';

export const DEMO_SLUG = 'demo';
export const demoEmail = (role: string) => `${role}@demo.tandem`;

const DEMO_NAMES: Record<(typeof ROLES)[number], string> = {
  admin: 'Dana Admin',
  coordinator: 'Noa Levi',
  mentor: 'Yossi Cohen',
  committee: 'Rina Katz',
  evaluator: 'Eli Ben-David',
  participant: 'Amir Haddad',
};

/** A readable random password for the demo logins when none is given. */
export function demoPassword(env: NodeJS.ProcessEnv = process.env): string {
  return env.TANDEM_DEMO_PASSWORD ?? `demo-${randomBytes(9).toString('base64url')}`;
}

export async function hasAnyOrganisation(db: Db): Promise<boolean> {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return rows.length > 0;
}

/**
 * The demo organisation: the Israeli social-mentorship preset (P1) with one
 * user per role. Never in production (CRY-04): callers check.
 */
export async function loadDemo(db: Db, password: string) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const org = await buildOrganisation(tx, { name: 'Tandem Demo — Social Mentorship', slug: DEMO_SLUG });
    const site = await buildSite(tx, org.id, 'Haifa');
    const program = await buildProgram(tx, {
      orgId: org.id,
      name: 'Social mentorship in community rehabilitation',
      presetId: 'il-social-mentorship',
      timeZone: 'Asia/Jerusalem',
    });
    const ids = {} as Record<(typeof ROLES)[number], string>;
    for (const role of ROLES) {
      const u = await buildUser(tx, { email: demoEmail(role), displayName: DEMO_NAMES[role], passwordHash });
      await buildMembership(tx, { orgId: org.id, userId: u.id, role, siteId: site.id });
      ids[role] = u.id;
    }
    await loadDemoPeople(tx, org.id, program.id, ids.mentor, ids.participant);
  });
}

/** Give the demo logins a (new) password, so every start can print working credentials. */
export async function resetDemoPasswords(db: Db, password: string): Promise<boolean> {
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, DEMO_SLUG)).limit(1);
  if (!org) return false;
  const passwordHash = await hashPassword(password);
  const members = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(eq(memberships.orgId, org.id));
  const demoUsers = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.id,
        members.map((m) => m.userId),
      ),
    );
  const ids = demoUsers.filter((u) => u.email.endsWith('@demo.tandem')).map((u) => u.id);
  if (ids.length > 0) await db.update(users).set({ passwordHash }).where(inArray(users.id, ids));
  return true;
}

export function printDemoLogins(password: string, url: string, out: (s: string) => void = console.log) {
  out('');
  out(`Tandem is running at ${url}`);
  out('Demo logins (one per role):');
  for (const role of ROLES) out(`  ${role.padEnd(12)} ${demoEmail(role)}`);
  out(`  password     ${password}`);
  out('');
}
