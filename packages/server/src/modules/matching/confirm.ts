import type { BatchConfirm, BatchConfirmed } from '@tandem/contract';
import { participants, programs, type Tx } from '@tandem/db';
import type { MentorshipState } from '@tandem/domain/lifecycle/states';
import {
  type ConfirmParticipant,
  confirmationRefusals,
  type PairRefusal,
} from '@tandem/domain/matching/confirm';
import { placementOf } from '@tandem/domain/matching/rematch';
import { localDate } from '@tandem/domain/time/zone';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { entryFor, writeAudit } from '../../audit/audit';
import { AppError, type FieldError, ruleRefusal } from '../../errors';
import { runIdempotent } from '../../idempotency';
import type { Scope } from '../../scope';
import type { RequestMeta } from '../auth/service';
import { toMentor } from '../mentors/queries';
import { type CommandDeps, commandIn } from '../mentorships/command';
import { lockMentors } from '../mentorships/places';
import { openMentorshipsOf } from '../mentorships/queries';
import { recordProposal } from '../mentorships/service';
import { proposeMatchStep } from '../mentorships/transitions';
import { findParticipants } from '../participants/queries';
import { policyOf } from '../programs/service';
import { mentorProfile, participantProfile } from './profiles';

export const CONFIRM_ROUTE = 'POST /api/v1/matching/batch/confirm';

const unknownAt = (entity: string, fields: string[]) =>
  new AppError('not_found', 'not_found', {
    params: { entity },
    errors: fields.slice(0, 20).map((field) => ({ field, code: 'not_found', message: `No such ${entity}` })),
  });

/** The same person twice would be two mentorships at once; the request is malformed, not refused. */
function duplicatesOf(input: BatchConfirm): FieldError[] {
  const seen = new Set<string>();
  return input.pairs.flatMap((pair, i) => {
    if (!seen.has(pair.participantId)) {
      seen.add(pair.participantId);
      return [];
    }
    return [{ field: `pairs.${i}.participantId`, code: 'duplicate', message: 'Listed twice' }];
  });
}

/**
 * A refused confirmation as one 422: the first refused pair's rule is the
 * problem's rule (so its sentence is the detail, in the reader's language),
 * and every refused pair, with the participant, the mentor and each rule, is
 * listed in `params.pairs` and in `errors[]` by position.
 */
function refusedPairs(refused: PairRefusal[], names: Map<string, string>): AppError {
  const first = refused[0]!;
  const rule = first.refusals[0]!;
  const describe = (x: PairRefusal) => ({
    index: x.index,
    participantId: x.participantId,
    participantName: names.get(x.participantId) ?? '',
    mentorId: x.mentorId,
    mentorName: names.get(x.mentorId) ?? '',
    refusals: x.refusals.map(ruleRefusal),
  });
  const { refusals: _, index: __, ...who } = describe(first);
  return new AppError('refused', rule.code, {
    ruleId: rule.ruleId,
    params: { ...rule.params, ...who, pairs: refused.map(describe) },
    errors: refused.map((x) => ({
      field: `pairs.${x.index}`,
      code: x.refusals[0]!.code,
      message: x.refusals.map((r) => r.ruleId).join(', '),
    })),
  });
}

/**
 * REL-04 / TOCTOU: the people of the pairs, their open mentorships and the
 * mentors are locked — each kind in id order, in that order, the order every
 * proposal and lifecycle command follows — so two confirmations touching the
 * same mentor run one after the other and never deadlock; only then are the
 * rules and the mentors' current load read and checked.
 */
async function lockPairs(tx: Tx, scope: Scope, programId: string, input: BatchConfirm) {
  const participantIds = [...new Set(input.pairs.map((p) => p.participantId))].sort();
  const lockedPeople = await tx
    .select({ id: participants.id })
    .from(participants)
    .where(
      and(
        eq(participants.orgId, scope.orgId),
        eq(participants.programId, programId),
        inArray(participants.id, participantIds),
      ),
    )
    .orderBy(asc(participants.id))
    // Not FOR UPDATE: a command on one of their mentorships writes a history step that references
    // the person while holding the mentorship this confirmation waits for next.
    .for('no key update');
  const people = new Set(lockedPeople.map((r) => r.id));
  const noPerson = input.pairs.flatMap((p, i) => (people.has(p.participantId) ? [] : [i]));
  if (noPerson.length)
    throw unknownAt(
      'participant',
      noPerson.map((i) => `pairs.${i}.participantId`),
    );
  const open = await openMentorshipsOf(tx, scope, participantIds, { lock: true });
  const pool = await lockMentors(
    tx,
    scope,
    programId,
    input.pairs.map((p) => p.mentorId),
  );
  const noMentor = input.pairs.flatMap((p, i) => (pool.has(p.mentorId) ? [] : [i]));
  if (noMentor.length)
    throw unknownAt(
      'mentor',
      noMentor.map((i) => `pairs.${i}.mentorId`),
    );
  return { participantIds, open: new Map(open.map((m) => [m.participantId, m])), pool };
}

async function confirmIn(
  tx: Tx,
  deps: CommandDeps,
  scope: Scope,
  input: BatchConfirm,
  meta: RequestMeta,
): Promise<BatchConfirmed> {
  const now = deps.clock.now();
  const [program] = await tx
    .select()
    .from(programs)
    .where(and(eq(programs.orgId, scope.orgId), eq(programs.id, input.programId)));
  if (!program) throw unknownAt('program', ['programId']);
  const policy = policyOf(program);
  const on = localDate(now, policy.timeZone);
  const locked = await lockPairs(tx, scope, program.id, input);

  const people = await findParticipants(tx, scope, locked.participantIds);
  const pool = [...locked.pool.values()].map((m) => toMentor(m.row, m.held));
  const names = new Map([...people, ...pool].map((x) => [x.id, x.displayName]));
  const openOf = (participantId: string) => {
    const ms = locked.open.get(participantId);
    return ms ? { id: ms.id, state: ms.state as MentorshipState, mentorId: ms.mentorId } : null;
  };
  const byPerson = new Map<string, ConfirmParticipant>(
    people.map((p) => [p.id, { ...participantProfile(p), openMentorship: openOf(p.id) }]),
  );
  const byMentor = new Map(pool.map((m) => [m.id, mentorProfile(m)]));
  const refused = confirmationRefusals(input.pairs, byPerson, byMentor, policy, on);
  if (refused.length) throw refusedPairs(refused, names);

  // Each pair is exactly what the files do: a new one the candidate panel's proposal, a waiting
  // mentorship the file's "propose a mentor" — same functions, same rows, history step and audit entry.
  const created: BatchConfirmed['created'] = [];
  for (const pair of input.pairs) {
    const placement = placementOf(openOf(pair.participantId));
    const waiting = placement.kind === 'rematch' ? locked.open.get(pair.participantId)! : null;
    const made = waiting
      ? (
          await commandIn(tx, deps, scope, meta, {
            id: waiting.id,
            version: waiting.version,
            action: 'match',
            decide: (ctx) => proposeMatchStep(ctx, { mentorId: pair.mentorId }),
          })
        ).updated
      : await recordProposal(tx, deps.clock, scope, pair, meta);
    created.push({
      mentorshipId: made.id,
      state: made.state,
      rematch: waiting !== null,
      participantId: pair.participantId,
      participantName: names.get(pair.participantId) ?? '',
      mentorId: pair.mentorId,
      mentorName: names.get(pair.mentorId) ?? '',
    });
  }
  await writeAudit(
    tx,
    entryFor(scope, meta, {
      action: 'matching.confirm',
      entityType: 'program',
      entityId: program.id,
      detail: {
        pairs: created.length,
        rematches: created.filter((c) => c.rematch).length,
        mentorships: created.map((c) => c.mentorshipId),
      },
    }),
    now,
  );
  return { programId: program.id, on, created };
}

/**
 * SIVA-1, CM-2: the coordinator accepts the pairs of a cohort allocation. In
 * one transaction every pair is checked again and, if all may stand, each
 * becomes a proposed mentorship, or a waiting mentorship's new mentor (MOH-16);
 * if any may not, nothing is created and the
 * answer names the participant and the rule. A retried request with the same
 * `Idempotency-Key` gets the first answer back (REL-02).
 */
export async function confirmAllocation(
  deps: CommandDeps,
  scope: Scope,
  input: BatchConfirm,
  key: string | null,
  meta: RequestMeta,
) {
  const duplicates = duplicatesOf(input);
  if (duplicates.length) {
    throw new AppError('bad_request', 'duplicate_participant', {
      detail: 'A participant can be confirmed with one mentor only.',
      errors: duplicates,
    });
  }
  return runIdempotent(deps.db, scope, CONFIRM_ROUTE, key, input, async (tx) => ({
    status: 201,
    body: await confirmIn(tx, deps, scope, input, meta),
  }));
}
