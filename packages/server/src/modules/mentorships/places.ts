import { mentors, mentorships, type Tx } from '@tandem/db';
import { capacityRefusal } from '@tandem/domain/matching/eligibility';
import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import { AppError, refused } from '../../errors';
import type { Scope } from '../../scope';
import type { MentorRow } from './facts';

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

/**
 * One more mentee for this mentor, or the domain's capacity refusal
 * (MATCH-CAPACITY) as a 422: the mentor's row stays locked until the caller's
 * transaction ends, so the mentee it then writes is counted by the next one.
 * Every way of giving a mentor a mentee comes through here.
 */
export async function takePlace(
  tx: Tx,
  scope: Scope,
  programId: string,
  mentorId: string,
  except: string | null = null,
): Promise<MentorRow> {
  const mentor = (await lockMentors(tx, scope, programId, [mentorId], except)).get(mentorId);
  if (!mentor) throw noSuchMentor();
  const full = capacityRefusal({ capacity: mentor.row.capacity, activeMentees: mentor.held });
  if (full) throw refused(full);
  return mentor.row;
}
