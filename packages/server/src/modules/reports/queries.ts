import { contacts, type Db, mentors } from '@tandem/db';
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Scope } from '../../scope';

/**
 * The coordinator's weekly-hours report: one row per mentor with contacts in the
 * week, summed in the database (one indexed range scan of the organisation's
 * week). Only reached contacts count toward hours, as in the domain's caps.
 */
export async function weeklyHours(
  db: Db,
  scope: Scope,
  p: {
    programId: string;
    from: Date;
    to: Date;
    cappedModes: readonly string[];
    virtualModes: readonly string[];
  },
) {
  const capped = sql`${contacts.mode} = any(${sql.param([...p.cappedModes])}::text[])`;
  const virtual = sql`${contacts.mode} = any(${sql.param([...p.virtualModes])}::text[])`;
  const reached = sql`${contacts.reached}`;
  return db
    .select({
      mentorId: contacts.mentorId,
      mentorName: mentors.displayName,
      contacts: sql<number>`count(*)::int`,
      reachedContacts: sql<number>`count(*) filter (where ${reached})::int`,
      totalMinutes: sql<number>`coalesce(sum(${contacts.durationMinutes}) filter (where ${reached}), 0)::int`,
      cappedMinutes: sql<number>`coalesce(sum(${contacts.durationMinutes}) filter (where ${reached} and ${capped}), 0)::int`,
      visits: sql<number>`count(*) filter (where ${reached} and ${capped})::int`,
      virtualMinutes: sql<number>`coalesce(sum(${contacts.durationMinutes}) filter (where ${reached} and ${virtual}), 0)::int`,
      specialActivityMinutes: sql<number>`coalesce(sum(${contacts.durationMinutes}) filter (where ${reached} and ${contacts.specialActivity}), 0)::int`,
      overCapContacts: sql<number>`count(*) filter (where cardinality(${contacts.overCapRuleIds}) > 0)::int`,
    })
    .from(contacts)
    .innerJoin(mentors, and(eq(mentors.orgId, contacts.orgId), eq(mentors.id, contacts.mentorId)))
    .where(
      and(
        eq(contacts.orgId, scope.orgId),
        gte(contacts.startsAt, p.from),
        lt(contacts.startsAt, p.to),
        eq(mentors.programId, p.programId),
      ),
    )
    .groupBy(contacts.mentorId, mentors.displayName)
    .orderBy(asc(mentors.displayName), asc(contacts.mentorId));
}
