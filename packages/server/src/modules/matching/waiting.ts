import type { Db, Tx } from '@tandem/db';
import type { MentorshipState } from '@tandem/domain/lifecycle/states';
import {
  type EndedAssignment,
  formerMentorsOf,
  type Placement,
  placementOf,
} from '@tandem/domain/matching/rematch';
import type { Scope } from '../../scope';
import { endedAssignmentsOf, openMentorshipsOf } from '../mentorships/queries';

export type OpenMentorshipRow = Awaited<ReturnType<typeof openMentorshipsOf>>[number];

/** How one person can be placed, and whom not to offer them again by default. */
export interface PersonPlacement {
  placement: Placement;
  open: OpenMentorshipRow | null;
  /** Former mentors of the mentorship that waits for a new mentor (MOH-16); none otherwise. */
  formerMentors: string[];
}

/**
 * For each of these people, in the order given: a new mentorship, a rematch
 * on the one that waits for a mentor, or held by an open one (the domain's
 * `placementOf`), with the mentors who left that mentorship, were judged a
 * mismatch or ended at the trial review (`formerMentorsOf`). The cohort
 * allocation and the candidate panel both ask here, so a person waiting for a
 * new mentor is offered the same mentors either way (decision 016).
 */
export async function placementsOf(
  db: Db | Tx,
  scope: Scope,
  participantIds: readonly string[],
): Promise<Map<string, PersonPlacement>> {
  const open = new Map((await openMentorshipsOf(db, scope, participantIds)).map((m) => [m.participantId, m]));
  const out = new Map<string, PersonPlacement>();
  for (const id of participantIds) {
    const m = open.get(id) ?? null;
    const placement = placementOf(
      m ? { id: m.id, state: m.state as MentorshipState, mentorId: m.mentorId } : null,
    );
    out.set(id, { placement, open: m, formerMentors: [] });
  }
  const waiting = [...out.values()].flatMap((x) =>
    x.placement.kind === 'rematch' ? [x.placement.mentorshipId] : [],
  );
  const ended = new Map<string, EndedAssignment[]>();
  for (const a of await endedAssignmentsOf(db, scope, waiting))
    ended.set(a.mentorshipId, [...(ended.get(a.mentorshipId) ?? []), a]);
  for (const x of out.values())
    if (x.placement.kind === 'rematch')
      x.formerMentors = formerMentorsOf(ended.get(x.placement.mentorshipId) ?? []);
  return out;
}
