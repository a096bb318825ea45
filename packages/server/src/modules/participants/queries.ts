import type { Participant } from '@tandem/contract';
import { type Db, mentors, mentorships, participants, type Tx } from '@tandem/db';
import { and, asc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../../scope';

type Exec = Db | Tx;

/**
 * Which participants the scope may see (TEN-03): the organisation's staff who run
 * the program see all; a mentor sees only the people of their open mentorships —
 * joined on every query, so a rematch revokes access on the next request (TEN-07);
 * a participant sees only themself.
 */
export function visibleParticipants(scope: Scope): SQL {
  const org = eq(participants.orgId, scope.orgId);
  switch (scope.role) {
    case 'admin':
    case 'coordinator':
      return org;
    case 'mentor':
      return and(
        org,
        sql`exists (select 1 from ${mentorships} ms join ${mentors} m on m.org_id = ms.org_id and m.id = ms.mentor_id
          where ms.org_id = ${participants.orgId} and ms.participant_id = ${participants.id}
          and ms.state <> 'closed' and m.user_id = ${scope.userId})`,
      )!;
    case 'participant':
      return and(org, eq(participants.userId, scope.userId))!;
    default:
      return sql`false`;
  }
}

const openMentorship = and(
  eq(mentorships.orgId, participants.orgId),
  eq(mentorships.participantId, participants.id),
  ne(mentorships.state, 'closed'),
);

export async function listParticipants(db: Exec, scope: Scope): Promise<Participant[]> {
  const rows = await db
    .select({ p: participants, mentorshipId: mentorships.id, mentorshipState: mentorships.state })
    .from(participants)
    .leftJoin(mentorships, openMentorship)
    .where(visibleParticipants(scope))
    .orderBy(asc(participants.displayName), asc(participants.id))
    .limit(1000);
  return rows.map((r) => toParticipant(r.p, r.mentorshipId, r.mentorshipState));
}

export async function findParticipant(db: Exec, scope: Scope, id: string): Promise<Participant | null> {
  const [r] = await db
    .select({ p: participants, mentorshipId: mentorships.id, mentorshipState: mentorships.state })
    .from(participants)
    .leftJoin(mentorships, openMentorship)
    .where(and(visibleParticipants(scope), eq(participants.id, id)))
    .limit(1);
  return r ? toParticipant(r.p, r.mentorshipId, r.mentorshipState) : null;
}

export function toParticipant(
  p: typeof participants.$inferSelect,
  mentorshipId: string | null,
  mentorshipState: string | null,
): Participant {
  return {
    id: p.id,
    programId: p.programId,
    displayName: p.displayName,
    birthDate: p.birthDate,
    gender: p.gender as Participant['gender'],
    sector: p.sector,
    languages: p.languages,
    place: p.place ?? null,
    interests: p.interests,
    availability: p.availability,
    preferredMentorGender: p.preferredMentorGender,
    modePreference: p.modePreference,
    needs: p.needs,
    targetGroup: p.targetGroup,
    consentGivenAt: p.consentGivenAt?.toISOString() ?? null,
    mentorshipId,
    mentorshipState,
    version: p.version,
  };
}

/** The visible participants among these ids (no page limit: cohorts run to thousands). */
export async function findParticipants(db: Exec, scope: Scope, ids: string[]): Promise<Participant[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ p: participants, mentorshipId: mentorships.id, mentorshipState: mentorships.state })
    .from(participants)
    .leftJoin(mentorships, openMentorship)
    .where(and(visibleParticipants(scope), inArray(participants.id, ids)));
  return rows.map((r) => toParticipant(r.p, r.mentorshipId, r.mentorshipState));
}
