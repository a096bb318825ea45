import type { MentorshipFile, MentorshipSummary } from '@tandem/contract';
import type { Tx } from '@tandem/db';
import type { Role } from '@tandem/domain';
import {
  availableActions,
  type MentorshipAction,
  type MentorshipState,
  trialReviewDueOn,
} from '@tandem/domain/lifecycle/index';
import type { Policy } from '@tandem/domain/policy/index';
import { ruleRefusal } from '../../errors';
import type { Scope } from '../../scope';
import { toApproval } from '../approvals/queries';
import { toPlanDto } from '../plans/queries';
import type { LoadedFacts } from './facts';
import { assignmentsOf, type FoundMentorship, type MentorshipRow } from './queries';
import { openNullable, type Texts } from './texts';

const STAFF = ['coordinator', 'admin'] as const satisfies readonly Role[];

/**
 * Who may ask for each lifecycle action. The routes declare these roles and the
 * file offers only these actions to the signed-in role, so the buttons the UI
 * shows are the ones the server allows.
 */
export const ACTION_ROLES = {
  start: STAFF,
  record_contact: ['mentor', 'coordinator', 'admin'],
  review_trial: STAFF,
  switch_mode: STAFF,
  request_extension: STAFF,
  request_virtual_continuation: STAFF,
  record_hospitalization: STAFF,
  suspend: STAFF,
  resume: STAFF,
  change_mentor: STAFF,
  close: STAFF,
} as const satisfies Record<MentorshipAction, readonly Role[]>;

/** TEN-06: notes and hospitalization details are for the staff who run the program. */
export const isStaff = (scope: Scope) => scope.role === 'coordinator' || scope.role === 'admin';

export const TRANSITION_NOTE = 'mentorship_transitions.note';

export function toSummary(
  ms: MentorshipRow,
  participantName: string,
  mentorName: string | null,
): MentorshipSummary {
  return {
    id: ms.id,
    programId: ms.programId,
    participant: { id: ms.participantId, displayName: participantName },
    mentor: ms.mentorId ? { id: ms.mentorId, displayName: mentorName ?? '' } : null,
    state: ms.state as MentorshipState,
    mode: ms.mode as MentorshipSummary['mode'],
    startedOn: ms.startedOn,
    trialStartedOn: ms.trialStartedOn,
    trialReviewedOn: ms.trialReviewedOn,
    plannedEndOn: ms.plannedEndOn,
    awaitingSince: ms.awaitingSince,
    closedOn: ms.closedOn,
    version: ms.version,
  };
}

/**
 * The file of one mentorship, built from facts already loaded in the caller's
 * transaction. `availableActions` is the domain's answer at `now`, narrowed to
 * what the signed-in role may ask for.
 */
export async function buildFile(
  tx: Tx,
  scope: Scope,
  found: FoundMentorship,
  loaded: LoadedFacts,
  policy: Policy,
  now: Date,
  texts: Texts,
): Promise<MentorshipFile> {
  const { ms, mentor } = found;
  const staff = isStaff(scope);
  const assignments = await assignmentsOf(tx, scope, ms.id);
  const actions = availableActions(ms.state as MentorshipState, loaded.facts, policy, now).filter((a) =>
    (ACTION_ROLES[a.action] as readonly Role[]).includes(scope.role),
  );
  const m = loaded.facts.mentorship;
  return {
    ...toSummary(ms, loaded.participant.displayName, mentor?.displayName ?? null),
    matchApprovedOn: ms.matchApprovedOn,
    matchApprovedRole: ms.matchApprovedRole,
    trialOutcome: ms.trialOutcome,
    trialReviewDueOn: ms.state === 'trial' && !ms.trialReviewedOn ? trialReviewDueOn(m, policy) : null,
    virtualSince: ms.virtualSince,
    virtualApprovedUntil: ms.virtualApprovedUntil,
    hospitalization: staff ? m.hospitalization : null,
    suspension: m.suspension,
    agreedEveryDays: ms.agreedEveryDays,
    closeReason: ms.closeReason,
    assignments: assignments.map(({ a, mentorName }) => ({
      id: a.id,
      mentor: { id: a.mentorId, displayName: mentorName },
      fromOn: a.fromOn,
      toOn: a.toOn,
      endReason: a.endReason,
    })),
    plan: toPlanDto(loaded.plan),
    // A volunteer mentor needs the outcome (virtualApprovedUntil, plannedEndOn), not the requests (RAMP-6).
    approvals: staff ? loaded.approvals.map((a) => toApproval(a, texts)) : [],
    history: loaded.history.map((t) => ({
      id: t.id,
      action: t.action,
      fromState: t.fromState as MentorshipState | null,
      toState: t.toState as MentorshipState,
      on: t.happenedOn,
      at: t.at.toISOString(),
      actorUserId: t.actorUserId,
      mentorId: t.mentorId,
      reason: t.reason,
      ...(staff ? { note: openNullable(texts, TRANSITION_NOTE, t.id, t.note) } : {}),
    })),
    availableActions: actions.map((a) => ({
      action: a.action,
      allowed: a.allowed,
      refusals: a.refusals.map(ruleRefusal),
      targets: [...a.targets],
    })),
  };
}
