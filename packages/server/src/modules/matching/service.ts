import type { BatchResult, Candidates, Participant, ScorePart } from '@tandem/contract';
import { type Db, programs } from '@tandem/db';
import type { MentorshipState } from '@tandem/domain/lifecycle/states';
import { solveAssignment } from '@tandem/domain/matching/assignment';
import { rankCandidates } from '@tandem/domain/matching/candidates';
import { eligibility } from '@tandem/domain/matching/eligibility';
import {
  type EndedAssignment,
  formerMentorsOf,
  type Placement,
  placementOf,
} from '@tandem/domain/matching/rematch';
import { type Score, scorePair, weightsFrom } from '@tandem/domain/matching/score';
import { localDate } from '@tandem/domain/time/zone';
import { and, eq } from 'drizzle-orm';
import { appendAudit, entryFor, writeAudit } from '../../audit/audit';
import type { Clock } from '../../clock';
import { AppError, notFound } from '../../errors';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { listMentors } from '../mentors/queries';
import { endedAssignmentsOf, openMentorshipsOf } from '../mentorships/queries';
import { findParticipant, findParticipants } from '../participants/queries';
import { policyOf } from '../programs/service';
import { mentorProfile, participantProfile } from './profiles';

/** A score's parts as the contract carries them: the why behind every total. */
const partsOf = (score: Score): ScorePart[] =>
  score.parts.map((x) => ({ criterion: x.criterion, points: x.points, params: { ...x.params } }));

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
        parts: partsOf(c.score),
      })),
      excluded: ranked.excluded.map((e) => ({
        mentorId: e.mentorId,
        displayName: names.get(e.mentorId) ?? '',
        refusals: e.refusals.map((r) => ({ ruleId: r.ruleId, code: r.code, params: { ...r.params } })),
      })),
    };
  });
}

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
  const capacity = pool.map((m) => Math.max(0, m.capacity - m.activeMentees));
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
  const open = new Map(
    (
      await openMentorshipsOf(
        db,
        scope,
        cohort.map((p) => p.id),
      )
    ).map((m) => [m.participantId, m]),
  );
  const placements = new Map<string, Placement>(
    cohort.map((p) => {
      const m = open.get(p.id);
      return [
        p.id,
        placementOf(m ? { id: m.id, state: m.state as MentorshipState, mentorId: m.mentorId } : null),
      ];
    }),
  );
  const waiting = new Map<string, string>();
  for (const [participantId, placed] of placements)
    if (placed.kind === 'rematch') waiting.set(placed.mentorshipId, participantId);
  const ended = new Map<string, EndedAssignment[]>();
  for (const a of await endedAssignmentsOf(db, scope, [...waiting.keys()]))
    ended.set(a.mentorshipId, [...(ended.get(a.mentorshipId) ?? []), a]);
  const keep = new Set([...input.fixed, ...input.forbidden, ...input.allowed].map(pairKey));
  const pairs: PairIds[] = [];
  for (const [mentorshipId, participantId] of waiting) {
    for (const mentorId of formerMentorsOf(ended.get(mentorshipId) ?? []))
      if (!keep.has(pairKey({ participantId, mentorId }))) pairs.push({ participantId, mentorId });
  }
  return { placements, pairs };
}
