/**
 * One set of builders for tests, demo data and e2e (DESIGN.md §9). They write
 * plain rows; callers pass already-hashed passwords so this package stays free
 * of auth concerns.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from './client';
import {
  goalRatings,
  goals,
  memberships,
  mentorAssignments,
  mentors,
  mentorships,
  organisations,
  participants,
  plans,
  programs,
  sites,
} from './schema/index';
import { users } from './schema/users';

type Exec = Db | Tx;

export async function buildOrganisation(
  db: Exec,
  o: { name: string; slug?: string; authPolicy?: 'standard' | 'strict'; id?: string },
) {
  const id = o.id ?? randomUUID();
  const slug = o.slug ?? `${o.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${id.slice(0, 8)}`;
  await db.insert(organisations).values({ id, name: o.name, slug, authPolicy: o.authPolicy ?? 'standard' });
  return { id, name: o.name, slug };
}

export async function buildSite(db: Exec, orgId: string, name: string) {
  const id = randomUUID();
  await db.insert(sites).values({ orgId, id, name });
  return { id, orgId, name };
}

export async function buildProgram(
  db: Exec,
  p: { orgId: string; name: string; presetId: string; timeZone: string; policyOverrides?: object },
) {
  const id = randomUUID();
  await db.insert(programs).values({ ...p, id, policyOverrides: p.policyOverrides ?? {} });
  return { id, ...p };
}

export async function buildUser(
  db: Exec,
  u: {
    email: string;
    displayName: string;
    passwordHash: string;
    locale?: string;
    mustChangePassword?: boolean;
  },
) {
  const id = randomUUID();
  await db.insert(users).values({
    id,
    email: u.email.toLowerCase(),
    displayName: u.displayName,
    passwordHash: u.passwordHash,
    locale: u.locale ?? 'en',
    mustChangePassword: u.mustChangePassword ?? false,
  });
  return { id, email: u.email.toLowerCase(), displayName: u.displayName };
}

export async function buildMembership(
  db: Exec,
  m: { orgId: string; userId: string; role: string; siteId?: string },
) {
  const id = randomUUID();
  await db
    .insert(memberships)
    .values({ id, orgId: m.orgId, userId: m.userId, role: m.role, siteId: m.siteId ?? null });
  return { id, ...m };
}

export async function buildParticipant(
  db: Exec,
  p: { orgId: string; programId: string; displayName: string } & Partial<typeof participants.$inferInsert>,
) {
  const id = p.id ?? randomUUID();
  await db.insert(participants).values({ birthDate: '1990-01-01', ...p, id });
  return { id, ...p };
}

export async function buildMentor(
  db: Exec,
  m: { orgId: string; programId: string; displayName: string } & Partial<typeof mentors.$inferInsert>,
) {
  const id = m.id ?? randomUUID();
  await db.insert(mentors).values({ birthDate: '1980-01-01', trainingCompletedAt: '2025-01-01', ...m, id });
  return { id, ...m };
}

export async function buildMentorship(
  db: Exec,
  m: { orgId: string; programId: string; participantId: string; mentorId: string } & Partial<
    typeof mentorships.$inferInsert
  >,
) {
  const id = m.id ?? randomUUID();
  await db.insert(mentorships).values({ state: 'active', ...m, id });
  return { id, ...m };
}

/** One mentor's stretch on a mentorship (MOH-16: the history of mentors). */
export async function buildMentorAssignment(
  db: Exec,
  a: { orgId: string; mentorshipId: string; mentorId: string; fromOn: string } & Partial<
    typeof mentorAssignments.$inferInsert
  >,
) {
  const id = a.id ?? randomUUID();
  await db.insert(mentorAssignments).values({ ...a, id });
  return { id, ...a };
}

/** A mentorship's plan (MOH-1) with its goals and, optionally, their progress ratings over time. */
export async function buildPlan(
  db: Exec,
  p: {
    orgId: string;
    mentorshipId: string;
    ratedBy: string;
    goals: { title: string; domains: string[]; ratings?: { on: string; rating: number }[] }[];
  },
) {
  const planId = randomUUID();
  await db.insert(plans).values({ orgId: p.orgId, id: planId, mentorshipId: p.mentorshipId });
  const goalIds: string[] = [];
  for (const g of p.goals) {
    const goalId = randomUUID();
    goalIds.push(goalId);
    await db.insert(goals).values({ orgId: p.orgId, id: goalId, planId, title: g.title, domains: g.domains });
    for (const r of g.ratings ?? []) {
      await db.insert(goalRatings).values({
        orgId: p.orgId,
        id: randomUUID(),
        goalId,
        ratedOn: r.on,
        rating: r.rating,
        ratedBy: p.ratedBy,
      });
    }
  }
  return { id: planId, goalIds };
}

/**
 * Many rows of one table, `size` rows per statement (demo data, benchmarks):
 * one round trip per batch instead of one per row. Callers order the tables so
 * that referenced rows go in first.
 */
export async function insertBatched<T extends import('drizzle-orm/pg-core').PgTable>(
  db: Exec,
  table: T,
  rows: import('drizzle-orm/pg-core').PgInsertValue<T>[],
  size = 500,
) {
  for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size));
  return rows.length;
}
