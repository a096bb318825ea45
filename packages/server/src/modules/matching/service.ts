import type { BatchResult, Participant } from '@tandem/contract';
import { type Db, programs } from '@tandem/db';
import { solveAssignment } from '@tandem/domain/matching/assignment';
import { eligibility, placesOf } from '@tandem/domain/matching/eligibility';
import type { Placement } from '@tandem/domain/matching/rematch';
import { scorePair, weightsFrom } from '@tandem/domain/matching/score';
import { localDate } from '@tandem/domain/time/zone';
import { and, eq } from 'drizzle-orm';
import { appendAudit, entryFor } from '../../audit/audit';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { listMentors } from '../mentors/queries';
import { findParticipants } from '../participants/queries';
import { policyOf } from '../programs/service';
import { mentorProfile, participantProfile, partsOf } from './profiles';
import { placementsOf } from './waiting';

/**
 * The optimal allocation of a cohort to the program's mentors: hard constraints
 * decide which pairs exist, scores weigh them, capacities (minus current load)
 * bound each mentor, and the exact solver maximises the number placed, then the
 * total score. A proposal only: confirming it creates the mentorships.
 */
export async function allocateCohort(
  db: Db,
  clock: Clock,
  scope: Scope,
  input: {
    programId: string;
    participantIds: string[];
    fixed: { participantId: string; mentorId: string }[];
    forbidden: { participantId: string; mentorId: string }[];
    allowed: { participantId: string; mentorId: string }[];
  },
  meta: RequestMeta,
): Promise<BatchResult> {
  const [program] = await db
    .select()
    .from(programs)
    .where(and(eq(programs.orgId, scope.orgId), eq(programs.id, input.programId)));
  if (!program) {
    throw new AppError('not_found', 'not_found', {
      params: { entity: 'program' },
      errors: [{ field: 'programId', code: 'not_found', message: 'No such program' }],
    });
  }
  const policy = policyOf(program);
  const on = localDate(clock.now(), policy.timeZone);
  const wanted = [...new Set(input.participantIds)];
  const found = await findParticipants(db, scope, wanted);
  const byId = new Map(found.filter((p) => p.programId === program.id).map((p) => [p.id, p]));
  const missing = wanted.filter((id) => !byId.has(id));
  if (missing.length) {
    throw new AppError('not_found', 'not_found', {
      params: { entity: 'participant', count: missing.length },
      errors: missing.slice(0, 20).map((id) => ({ field: 'participantIds', code: 'not_found', message: id })),
    });
  }
  const cohort = wanted.map((id) => byId.get(id)!);
  const pool = (await listMentors(db, scope, { programId: program.id })).filter(
    (m) => m.programId === program.id,
  );
  const col = new Map(pool.map((m, i) => [m.id, i]));
  const row = new Map(cohort.map((p, i) => [p.id, i]));
  const pair = (x: { participantId: string; mentorId: string }, field: string): [number, number] => {
    const r = row.get(x.participantId);
    const c = col.get(x.mentorId);
    if (r === undefined || c === undefined) {
      throw new AppError('not_found', 'not_found', {
        errors: [{ field, code: 'not_found', message: 'Unknown participant or mentor' }],
      });
    }
    return [r, c];
  };
  const fixed = input.fixed.map((x) => pair(x, 'fixed'));
  const forbidden = input.forbidden.map((x) => pair(x, 'forbidden'));
  for (const x of input.allowed) pair(x, 'allowed');
  const byDefault = await formerMentorPairs(db, scope, cohort, input);
  const placements = byDefault.placements;
  for (const x of byDefault.pairs) if (col.has(x.mentorId)) forbidden.push(pair(x, 'forbidden'));

  // Eligible pairs only, as CSR; capacity is what each mentor has left today.
  const weights = weightsFrom(policy.matchingWeights);
  const mentorProfiles = pool.map(mentorProfile);
  const rowStart = new Int32Array(cohort.length + 1);
  const cols: number[] = [];
  const scores: number[] = [];
  const profiles = cohort.map(participantProfile);
  cohort.forEach((p, r) => {
    const profile = profiles[r]!;
    // Someone whose mentorship waits for a mentor is rematched on it (MOH-16); someone with one, left out.
    if (placements.get(p.id)!.kind !== 'held')
      mentorProfiles.forEach((m, c) => {
        // Capacity is the solver's to allocate; every other hard rule decides whether the pair exists.
        const refusals = eligibility(profile, m, policy, on).filter((x) => x.ruleId !== 'MATCH-CAPACITY');
        if (refusals.length === 0) {
          cols.push(c);
          scores.push(scorePair(profile, m, weights).total);
        }
      });
    rowStart[r + 1] = cols.length;
  });
  const capacity = pool.map((m) => placesOf(m).free);
  let solved: ReturnType<typeof solveAssignment>;
  try {
    solved = solveAssignment({
      rows: cohort.length,
      cols: pool.length,
      capacity,
      edges: { kind: 'sparse', rowStart, colIndex: Int32Array.from(cols), score: Float64Array.from(scores) },
      fixed,
      forbidden,
      // Ties go by id, so the same cohort ticked in another order gets the same proposal.
      rowKeys: cohort.map((p) => p.id),
      colKeys: pool.map((m) => m.id),
    });
  } catch (e) {
    throw new AppError('refused', 'pinned_pair_not_allowed', {
      ruleId: 'MATCH-PIN',
      detail: e instanceof Error ? e.message : 'A pinned pair is not allowed.',
      errors: [
        { field: 'fixed', code: 'not_allowed', message: 'A pinned pair is not eligible or exceeds capacity' },
      ],
    });
  }
  await appendAudit(
    db,
    entryFor(scope, meta, {
      action: 'matching.batch',
      entityType: 'program',
      entityId: program.id,
      detail: { participants: cohort.length, mentors: pool.length, assigned: solved.assigned },
    }),
    clock.now(),
  );
  const ruledOut = new Set(forbidden.map(([r, c]) => `${r}:${c}`));
  const pairs: BatchResult['pairs'] = [];
  const unassigned: BatchResult['unassigned'] = [];
  cohort.forEach((p, r) => {
    const c = solved.assignment[r]!;
    if (c >= 0) {
      // The same function that weighed the pair explains it, so the parts add up to the solver's score.
      const score = scorePair(profiles[r]!, mentorProfiles[c]!, weights);
      const placement = placements.get(p.id)!;
      pairs.push({
        participantId: p.id,
        mentorId: pool[c]!.id,
        score: score.total,
        parts: partsOf(score),
        mentorshipId: placement.kind === 'rematch' ? placement.mentorshipId : null,
      });
    } else
      unassigned.push({
        participantId: p.id,
        reason:
          placements.get(p.id)!.kind === 'held'
            ? 'has_open_mentorship'
            : rowStart[r + 1]! === rowStart[r]!
              ? 'no_eligible_mentor'
              : cols.slice(rowStart[r]!, rowStart[r + 1]!).every((c) => ruledOut.has(`${r}:${c}`))
                ? 'ruled_out'
                : 'capacity_exhausted',
      });
  });
  const ruledOutByDefault = byDefault.pairs
    .filter((x) => col.has(x.mentorId))
    .map((x) => ({ ...x, reason: 'former_mentor' as const }));
  return {
    programId: program.id,
    on,
    total: solved.total,
    assigned: solved.assigned,
    pairs,
    ruledOutByDefault,
    unassigned,
  };
}

type PairIds = { participantId: string; mentorId: string };
const pairKey = (x: PairIds) => `${x.participantId}:${x.mentorId}`;

/**
 * How each person of the cohort can be placed (MOH-16), and the pairs ruled
 * out by default: a person waiting for a new mentor is not offered one who
 * left their mentorship or was judged a mismatch, unless the coordinator pins
 * or allows that pair, or has ruled it out already.
 */
async function formerMentorPairs(
  db: Db,
  scope: Scope,
  cohort: Participant[],
  input: { fixed: PairIds[]; forbidden: PairIds[]; allowed: PairIds[] },
) {
  const placed = await placementsOf(
    db,
    scope,
    cohort.map((p) => p.id),
  );
  const placements = new Map<string, Placement>([...placed].map(([id, x]) => [id, x.placement]));
  const keep = new Set([...input.fixed, ...input.forbidden, ...input.allowed].map(pairKey));
  const pairs: PairIds[] = [];
  for (const [participantId, x] of placed)
    for (const mentorId of x.formerMentors)
      if (!keep.has(pairKey({ participantId, mentorId }))) pairs.push({ participantId, mentorId });
  return { placements, pairs };
}
