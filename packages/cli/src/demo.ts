import { randomBytes, randomUUID } from 'node:crypto';
import {
  buildOrganisation,
  buildProgram,
  buildSite,
  buildUser,
  type Db,
  memberships,
  organisations,
  type Tx,
  users,
} from '@tandem/db';
import { localDate, ROLES, resolvePolicy } from '@tandem/domain';
import { type FieldCipher, fieldCipher, loadMasterKey } from '@tandem/server/crypto/fields';
import { type FileStore, filesDirFromEnv, localFileStore } from '@tandem/server/files/store';
import { hashPassword } from '@tandem/server/modules/auth/password';
import { textsFor } from '@tandem/server/modules/mentorships/texts';
import { eq, inArray } from 'drizzle-orm';
import { dkMunicipal } from './demo-dk-municipal';
import { dkRampen } from './demo-dk-rampen';
import { ilCommunity } from './demo-il-community';
import { ilSocial } from './demo-il-social';
import { lvSiva } from './demo-lv-siva';
import { storePhotos } from './demo-photos';
import type { DemoCode } from './demo-portal';
import { fillProgram, type ProgramSpec } from './demo-program';
import { DemoRandom } from './demo-random';
import { DemoRows } from './demo-rows';

export const DEMO_SLUG = 'demo';
export const demoEmail = (role: string) => `${role}@demo.tandem`;

/** The demo participant reads the portal in his own language (the browser journeys switch back to English). */
const DEMO_LOCALES: Partial<Record<(typeof ROLES)[number], string>> = { participant: 'ar' };

const DEMO_NAMES: Record<(typeof ROLES)[number], string> = {
  admin: 'Dana Admin',
  coordinator: 'Noa Levi',
  mentor: 'Yossi Cohen',
  committee: 'Rina Katz',
  evaluator: 'Eli Ben-David',
  participant: 'Amir Haddad',
};

/**
 * The five demo programs, one organisation each (docs/demo.md): the Israeli
 * social-mentorship program first, so a demo login lands there.
 */
export const DEMO_PROGRAMS: readonly ProgramSpec[] = [ilSocial, ilCommunity, dkRampen, lvSiva, dkMunicipal];

/** A readable random password for the demo logins when none is given. */
export function demoPassword(env: NodeJS.ProcessEnv = process.env): string {
  return env.TANDEM_DEMO_PASSWORD ?? `demo-${randomBytes(9).toString('base64url')}`;
}

export async function hasAnyOrganisation(db: Db): Promise<boolean> {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return rows.length > 0;
}

/**
 * The demo: one organisation per program preset (P1–P5), each with a year of
 * its own program's life, and one login per role that is a member of all five
 * with the same role. Loaded in one transaction; the same seeds and the same
 * load day give the same people, stories and contacts. Task photos go to
 * the same file store the server reads them from (by default `files` in the
 * data directory); if the load fails, the files it stored are deleted again.
 * Never in production (CRY-04): callers check.
 */
export async function loadDemo(
  db: Db,
  password: string,
  now: Date = new Date(),
  files: FileStore = localFileStore(filesDirFromEnv()),
) {
  const passwordHash = await hashPassword(password);
  const fields = fieldCipher(await loadMasterKey(db, false));
  const counts: Record<string, number> = {};
  const written: string[] = [];
  try {
    await db.transaction(async (tx) => {
      Object.assign(counts, await fillDemo(tx, fields, passwordHash, now, files, written));
    });
  } catch (e) {
    await Promise.all(written.map((key) => files.delete(key).catch(() => undefined)));
    throw e;
  }
  return counts;
}

async function fillDemo(
  tx: Tx,
  fields: FieldCipher,
  passwordHash: string,
  now: Date,
  files: FileStore,
  written: string[],
) {
  const ids = {} as Record<(typeof ROLES)[number], string>;
  for (const role of ROLES) {
    const u = await buildUser(tx, {
      email: demoEmail(role),
      displayName: DEMO_NAMES[role],
      passwordHash,
      locale: DEMO_LOCALES[role],
    });
    ids[role] = u.id;
  }
  const rows = new DemoRows();
  for (const [i, spec] of DEMO_PROGRAMS.entries()) {
    const org = await buildOrganisation(tx, spec.org);
    const site = await buildSite(tx, org.id, spec.site);
    const resolved = resolvePolicy(spec.program.presetId, {});
    if (!resolved.ok) throw new Error(`demo preset ${spec.program.presetId} does not resolve`);
    const policy = resolved.policy;
    const program = await buildProgram(tx, { orgId: org.id, ...spec.program, timeZone: policy.timeZone });
    // A login lands in its oldest membership: the first program's organisation.
    await tx.insert(memberships).values(
      ROLES.map((role) => ({
        orgId: org.id,
        id: randomUUID(),
        userId: ids[role],
        role,
        siteId: site.id,
        createdAt: new Date(now.getTime() - (DEMO_PROGRAMS.length - i) * 1000),
      })),
    );
    const texts = await textsFor(fields, tx, org.id);
    fillProgram(
      spec,
      {
        orgId: org.id,
        programId: program.id,
        policy,
        today: localDate(now, policy.timeZone),
        now,
        rows,
        rng: new DemoRandom(spec.seed),
        seal: texts.seal,
      },
      {
        coordinatorId: ids.coordinator,
        committeeId: ids.committee,
        mentorUserId: ids.mentor,
        participantUserId: ids.participant,
      },
    );
  }
  await storePhotos(rows, files, written);
  return rows.insert(tx);
}

/** Give the demo logins a (new) password, so every start can print working credentials. */
export async function resetDemoPasswords(db: Db, password: string): Promise<boolean> {
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, DEMO_SLUG)).limit(1);
  if (!org) return false;
  const passwordHash = await hashPassword(password);
  const emails = ROLES.map(demoEmail);
  await db.update(users).set({ passwordHash }).where(inArray(users.email, emails));
  return true;
}

export function printDemoLogins(
  password: string,
  url: string,
  out: (s: string) => void = console.log,
  code: DemoCode | null = null,
) {
  out('');
  out(`Tandem is running at ${url}`);
  out('Demo logins (one per role):');
  for (const role of ROLES) out(`  ${role.padEnd(12)} ${demoEmail(role)}`);
  out(`  password     ${password}`);
  if (code) {
    out('');
    out(`A participant without email: ${code.displayName} (${code.orgName})`);
    out(`  sign-in name  ${code.signInName}`);
    out(`  one-time code ${code.code}   (works once; each start prints a new one)`);
  }
  out('');
}
