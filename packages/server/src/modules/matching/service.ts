import type { Candidates, Mentor, Participant } from '@tandem/contract';
import { type Db, programs } from '@tandem/db';
import { rankCandidates } from '@tandem/domain/matching/candidates';
import type { MentorProfile, ParticipantProfile } from '@tandem/domain/matching/profiles';
import { localDate } from '@tandem/domain/time/zone';
import { and, eq } from 'drizzle-orm';
import { entryFor, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { notFound } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { listMentors } from '../mentors/queries';
import { findParticipant } from '../participants/queries';
import { policyOf } from '../programs/service';

export const participantProfile = (p: Participant): ParticipantProfile => ({
  id: p.id,
  birthDate: p.birthDate,
  languages: p.languages,
  sector: p.sector,
  gender: p.gender,
  preferredMentorGender: p.preferredMentorGender,
  place: p.place,
  modePreference: p.modePreference,
  needs: p.needs,
  interests: p.interests,
  availability: p.availability,
  consentGiven: p.consentGivenAt !== null,
});

export const mentorProfile = (m: Mentor): MentorProfile => ({
  id: m.id,
  birthDate: m.birthDate,
  languages: m.languages,
  sector: m.sector,
  gender: m.gender,
  profession: m.profession,
  place: m.place,
  travelRadiusKm: m.travelRadiusKm,
  availability: m.availability,
  capacity: m.capacity,
  activeMentees: m.activeMentees,
  interests: m.interests,
  domainStrengths: m.domainStrengths,
  trainingCompletedOn: m.trainingCompletedOn,
  trainingHours: m.trainingHours,
  familyOf: m.familyOf,
  active: m.active,
});

/**
 * Ranked, explained candidates for one participant among the mentors of their
 * program, judged by that program's rules on today's date in its time zone.
 * Reading a participant's profile for matching is a read of their file (AUD-01).
 */
export async function candidatesFor(
  db: Db,
  clock: Clock,
  scope: Scope,
  participantId: string,
  meta: RequestMeta,
): Promise<Candidates> {
  return db.transaction(async (tx) => {
    const p = await findParticipant(tx, scope, participantId);
    if (!p) throw notFound('participant');
    const [program] = await tx
      .select()
      .from(programs)
      .where(and(eq(programs.orgId, scope.orgId), eq(programs.id, p.programId)));
    const policy = policyOf(program!);
    const pool = (await listMentors(tx, scope, { programId: p.programId })).filter(
      (m) => m.programId === p.programId,
    );
    const on = localDate(clock.now(), policy.timeZone);
    const ranked = rankCandidates(participantProfile(p), pool.map(mentorProfile), policy, on);
    const names = new Map(pool.map((m) => [m.id, m.displayName]));
    await writeAudit(
      tx,
      entryFor(scope, meta, {
        action: 'participant.candidates',
        entityType: 'participant',
        entityId: p.id,
        subjectId: p.id,
      }),
      clock.now(),
    );
    return {
      participantId: p.id,
      on,
      candidates: ranked.candidates.map((c) => ({
        mentorId: c.mentorId,
        displayName: names.get(c.mentorId) ?? '',
        total: c.score.total,
        parts: c.score.parts.map((x) => ({
          criterion: x.criterion,
          points: x.points,
          params: { ...x.params },
        })),
      })),
      excluded: ranked.excluded.map((e) => ({
        mentorId: e.mentorId,
        displayName: names.get(e.mentorId) ?? '',
        refusals: e.refusals.map((r) => ({ ruleId: r.ruleId, code: r.code, params: { ...r.params } })),
      })),
    };
  });
}
