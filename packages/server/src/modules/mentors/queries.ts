import type { Mentor } from '@tandem/contract';
import { type Db, mentors, mentorships, type Tx } from '@tandem/db';
import { placesOf } from '@tandem/domain/matching/eligibility';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../../scope';

type Exec = Db | Tx;

/** Staff see the organisation's mentors; a mentor sees only their own record. */
function visibleMentors(scope: Scope): SQL {
  const org = eq(mentors.orgId, scope.orgId);
  if (scope.role === 'admin' || scope.role === 'coordinator') return org;
  if (scope.role === 'mentor') return and(org, eq(mentors.userId, scope.userId))!;
  return sql`false`;
}

/**
 * Open mentorships count against capacity: everything not closed. The outer
 * columns are named with their table on purpose: in a select list Drizzle
 * writes a column bare, and a bare "id" inside the subquery would mean the
 * mentorship's own id, so nothing would ever be counted.
 */
const activeMentees = sql<number>`(select count(*)::int from ${mentorships} ms
  where ms.org_id = ${mentors}.org_id and ms.mentor_id = ${mentors}.id and ms.state <> 'closed')`;

export async function listMentors(
  db: Exec,
  scope: Scope,
  opts: { programId?: string } = {},
): Promise<Mentor[]> {
  const where = opts.programId
    ? and(visibleMentors(scope), eq(mentors.programId, opts.programId))
    : visibleMentors(scope);
  const rows = await db
    .select({ m: mentors, activeMentees })
    .from(mentors)
    .where(where)
    .orderBy(asc(mentors.displayName), asc(mentors.id))
    .limit(5000);
  return rows.map((r) => toMentor(r.m, r.activeMentees));
}

export async function findMentor(db: Exec, scope: Scope, id: string): Promise<Mentor | null> {
  const [r] = await db
    .select({ m: mentors, activeMentees })
    .from(mentors)
    .where(and(visibleMentors(scope), eq(mentors.id, id)))
    .limit(1);
  return r ? toMentor(r.m, r.activeMentees) : null;
}

export function toMentor(m: typeof mentors.$inferSelect, active: number): Mentor {
  return {
    id: m.id,
    programId: m.programId,
    userId: m.userId,
    displayName: m.displayName,
    birthDate: m.birthDate,
    gender: m.gender as Mentor['gender'],
    sector: m.sector,
    languages: m.languages,
    place: m.place ?? null,
    interests: m.interests,
    availability: m.availability,
    profession: m.profession,
    travelRadiusKm: m.travelRadiusKm,
    capacity: m.capacity,
    activeMentees: Number(active),
    overCapacityBy: placesOf({ capacity: m.capacity, activeMentees: Number(active) }).over,
    domainStrengths: m.domainStrengths,
    trainingCompletedOn: m.trainingCompletedAt,
    trainingHours: m.trainingHours,
    familyOf: m.familyOf,
    active: m.active,
    briefedAt: m.briefedAt?.toISOString() ?? null,
    version: m.version,
  };
}
