import type { Candidates } from '@tandem/contract';
import { type Db, programs } from '@tandem/db';
import { rankCandidates, setAsideFormerMentors } from '@tandem/domain/matching/candidates';
import { localDate } from '@tandem/domain/time/zone';
import { and, eq } from 'drizzle-orm';
import { entryFor, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { notFound, ruleRefusal } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { listMentors } from '../mentors/queries';
import { findParticipant } from '../participants/queries';
import { policyOf } from '../programs/service';
import { mentorProfile, participantProfile, partsOf } from './profiles';
import { placementsOf } from './waiting';

/**
 * Ranked, explained candidates for one participant among the mentors of their
 * program, judged by that program's rules on today's date in its time zone.
 * For a person whose mentorship waits for a new mentor, its former mentors are
 * ruled out by default, as in a cohort allocation, unless `allowed` names them
 * (MOH-16, decision 016). Reading a participant's profile for matching is a
 * read of their file (AUD-01).
 */
export async function candidatesFor(
  db: Db,
  clock: Clock,
  scope: Scope,
  participantId: string,
  allowed: readonly string[],
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
    const placed = (await placementsOf(tx, scope, [p.id])).get(p.id)!;
    const ranked = setAsideFormerMentors(
      rankCandidates(participantProfile(p), pool.map(mentorProfile), policy, on),
      placed.formerMentors,
      allowed,
    );
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
    const candidate = (c: (typeof ranked.candidates)[number]) => ({
      mentorId: c.mentorId,
      displayName: names.get(c.mentorId) ?? '',
      total: c.score.total,
      parts: partsOf(c.score),
    });
    return {
      participantId: p.id,
      on,
      placement: placed.placement.kind,
      mentorship: placed.open
        ? { id: placed.open.id, state: placed.open.state, version: placed.open.version }
        : null,
      candidates: ranked.candidates.map(candidate),
      excluded: ranked.excluded.map((e) => ({
        mentorId: e.mentorId,
        displayName: names.get(e.mentorId) ?? '',
        refusals: e.refusals.map(ruleRefusal),
      })),
      ruledOutByDefault: ranked.ruledOutByDefault.map((c) => ({
        ...candidate(c),
        reason: 'former_mentor' as const,
      })),
    };
  });
}
