import { mentors, mentorships, type Tx } from '@tandem/db';
import { eligibility } from '@tandem/domain/matching/eligibility';
import type { Policy } from '@tandem/domain/policy/index';
import type { LocalDate } from '@tandem/domain/time/index';
import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { Scope } from '../../scope';
import { mentorProfile, participantProfile } from '../matching/profiles';
import { toMentor } from '../mentors/queries';
import { toParticipant } from '../participants/queries';
import { refusedAll } from './command';
import type { MentorRow, ParticipantRow } from './facts';

export interface HeldMentor {
  row: MentorRow;
  /** Open mentorships the mentor holds now, read under the lock. */
  held: number;
}

export const noSuchMentor = (field = 'mentorId') =>
  new AppError('not_found', 'not_found', {
    params: { entity: 'mentor' },
    errors: [{ field, code: 'not_found', message: 'No such mentor in this program' }],
  });

/**
 * REL-04: the program's mentors among `ids`, their rows locked in id order
 * until commit, each with the open mentorships it holds counted after the lock
 * — so two requests giving one mentor a mentee run one after the other and the
 * second sees the first one's mentee. `except` leaves out the mentorship that
 * is about to get a mentor, so re-proposing on it does not count it twice.
 *
 * The lock is FOR NO KEY UPDATE: it queues proposals and profile edits of the
 * mentor, while the contacts their mentees log (which only reference the row)
 * go on. Callers lock participants, then mentorships, then mentors, so no two
 * requests wait on each other in a circle.
 */
export async function lockMentors(
  tx: Tx,
  scope: Scope,
  programId: string,
  ids: readonly string[],
  except: string | null = null,
): Promise<Map<string, HeldMentor>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(mentors)
    .where(
      and(
        eq(mentors.orgId, scope.orgId),
        eq(mentors.programId, programId),
        inArray(mentors.id, [...new Set(ids)]),
      ),
    )
    .orderBy(asc(mentors.id))
    .for('no key update');
  if (rows.length === 0) return new Map();
  // A statement of its own, after the lock: under READ COMMITTED a statement sees the data as it
  // began, so a count taken in the locking statement would miss the mentee the previous holder of
  // the lock has just committed.
  const counts = await tx
    .select({ mentorId: mentorships.mentorId, held: count() })
    .from(mentorships)
    .where(
      and(
        eq(mentorships.orgId, scope.orgId),
        inArray(
          mentorships.mentorId,
          rows.map((r) => r.id),
        ),
        ne(mentorships.state, 'closed'),
        ...(except ? [ne(mentorships.id, except)] : []),
      ),
    )
    .groupBy(mentorships.mentorId);
  const held = new Map(counts.map((c) => [c.mentorId, Number(c.held)]));
  return new Map(rows.map((row) => [row.id, { row, held: held.get(row.id) ?? 0 }]));
}

/** A mentor proposed for a participant, judged on the day of the proposal by the program's rules. */
export interface PlaceRequest {
  participant: ParticipantRow;
  mentorId: string;
  policy: Policy;
  on: LocalDate;
  /** The mentorship about to get this mentor: not counted against them. */
  except?: string | null;
}

/**
 * One more mentee for this mentor, or the refusal of every hard rule the pair
 * breaks as one 422 naming the first (mentor active, MOH-10 age, MOH-13/CM-1
 * training, MOH-12 family, CM-3 participant age, RAMP-1 consent, MOH-11 shared
 * language, MATCH-CAPACITY). The rules are the domain's `eligibility`, the
 * function the candidate list and a cohort's confirmation ask, so a proposal
 * the panel would not offer is not accepted from anywhere else either. The
 * mentor's row stays locked until the caller's transaction ends, so the mentee
 * it then writes is counted by the next one. Every way of giving a mentor a
 * mentee comes through here; the start asks again, as things change between
 * the proposal and the start.
 */
export async function takePlace(tx: Tx, scope: Scope, request: PlaceRequest): Promise<MentorRow> {
  const { participant, mentorId, policy, on, except = null } = request;
  const locked = await lockMentors(tx, scope, participant.programId, [mentorId], except);
  const mentor = locked.get(mentorId);
  if (!mentor) throw noSuchMentor();
  const refusals = eligibility(
    participantProfile(toParticipant(participant, null, null)),
    mentorProfile(toMentor(mentor.row, mentor.held)),
    policy,
    on,
  );
  if (refusals.length) throw refusedAll(refusals);
  return mentor.row;
}
