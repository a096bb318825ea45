import type { mentors, participants, Tx } from '@tandem/db';
import type { Role } from '@tandem/domain';
import {
  type ContactFacts,
  type LifecycleFacts,
  type Mentorship,
  type MentorshipState,
  type ServicePeriod,
  servicePeriodsFromLog,
} from '@tandem/domain/lifecycle/index';
import type { Policy } from '@tandem/domain/policy/index';
import { localDate } from '@tandem/domain/time/index';
import type { Scope } from '../../scope';
import { type ApprovalRecord, approvalsOfMentorship, toDomainApproval } from '../approvals/queries';
import { loadPlan, type PlanRecord, toDomainPlan } from '../plans/queries';
import {
  type FoundMentorship,
  type MentorshipRow,
  participantRow,
  serviceRecordsOf,
  type TransitionRow,
} from './queries';

const SERVING: readonly string[] = ['trial', 'active'];

/** The stored row as the rules see it (the columns mirror the domain's `Mentorship`). */
export function toDomainMentorship(ms: MentorshipRow): Mentorship {
  return {
    id: ms.id,
    participantId: ms.participantId,
    state: ms.state as MentorshipState,
    mentorId: ms.mentorId,
    startedOn: ms.startedOn,
    trialStartedOn: ms.trialStartedOn,
    trialReviewedOn: ms.trialReviewedOn,
    plannedEndOn: ms.plannedEndOn,
    awaitingSince: ms.awaitingSince,
    mode: ms.mode as Mentorship['mode'],
    virtualSince: ms.virtualSince,
    virtualApprovedUntil: ms.virtualApprovedUntil,
    hospitalization: ms.hospitalizedFrom
      ? {
          startedOn: ms.hospitalizedFrom,
          expectedDischargeOn: ms.expectedDischargeOn,
          dischargedOn: ms.dischargedOn,
        }
      : null,
    suspension:
      ms.suspensionReason && ms.suspendedSince
        ? {
            reason: ms.suspensionReason as 'hospitalization' | 'other',
            since: ms.suspendedSince,
            from: ms.suspendedFrom === 'trial' ? 'trial' : 'active',
          }
        : null,
    agreedEveryDays: ms.agreedEveryDays,
  };
}

/**
 * The states a mentorship went through, as the domain's state log. Records
 * written before the log existed (or by seeding builders) have no steps, or
 * only later ones: their first service stretch is read from `startedOn`.
 */
function stateLog(ms: MentorshipRow, steps: TransitionRow[]) {
  const log = steps.map((s) => ({ state: s.toState as MentorshipState, on: s.happenedOn }));
  const first = steps[0];
  if (!ms.startedOn) return log;
  if (!first) {
    const tail =
      ms.state === 'closed'
        ? { state: 'closed' as const, on: ms.closedOn ?? ms.startedOn }
        : ms.state === 'suspended'
          ? { state: 'suspended' as const, on: ms.suspendedSince ?? ms.startedOn }
          : ms.state === 'awaiting_match'
            ? { state: 'awaiting_match' as const, on: ms.awaitingSince ?? ms.startedOn }
            : null;
    return [{ state: 'active' as const, on: ms.startedOn }, ...(tail ? [tail] : [])];
  }
  if (first.fromState && SERVING.includes(first.fromState)) {
    return [{ state: first.fromState as MentorshipState, on: ms.startedOn }, ...log];
  }
  return log;
}

/** All service periods of a person across their mentorships (MOH-6). */
export function serviceHistoryOf(records: {
  mentorships: MentorshipRow[];
  transitions: TransitionRow[];
}): ServicePeriod[] {
  return records.mentorships.flatMap((ms) =>
    servicePeriodsFromLog(
      stateLog(
        ms,
        records.transitions.filter((t) => t.mentorshipId === ms.id),
      ),
    ),
  );
}

export type ParticipantRow = typeof participants.$inferSelect;
export type MentorRow = typeof mentors.$inferSelect;

export interface LoadedFacts {
  facts: LifecycleFacts;
  participant: ParticipantRow;
  plan: PlanRecord | null;
  approvals: ApprovalRecord[];
  /** This mentorship's own steps, oldest first. */
  history: TransitionRow[];
}

/**
 * What the contact rule (`canRecordContact`) reads, and no more: a contact is
 * the most frequent write, so the person's service history is loaded only
 * where a total cap counts it (MOH-6).
 */
export async function contactFacts(
  tx: Tx,
  scope: Scope,
  found: FoundMentorship,
  policy: Policy,
): Promise<ContactFacts> {
  const { ms, mentor } = found;
  return {
    mentorship: toDomainMentorship(ms),
    mentor: mentor ? mentorFacts(mentor, policy.timeZone) : null,
    serviceHistory: policy.totalDurationCap
      ? serviceHistoryOf(await serviceRecordsOf(tx, scope, ms.participantId))
      : [],
  };
}

/** Everything the lifecycle rules need about one mentorship, loaded in the caller's transaction. */
export async function loadFacts(
  tx: Tx,
  scope: Scope,
  found: FoundMentorship,
  policy: Policy,
): Promise<LoadedFacts> {
  const { ms, mentor } = found;
  // One after another: a transaction is one connection.
  const participant = await participantRow(tx, scope, ms.participantId);
  const plan = await loadPlan(tx, scope, ms.id);
  const approvals = await approvalsOfMentorship(tx, scope, ms.id);
  const records = await serviceRecordsOf(tx, scope, ms.participantId);
  if (!participant) throw new Error(`Mentorship ${ms.id} without its participant`);
  const zone = policy.timeZone;
  const facts: LifecycleFacts = {
    mentorship: toDomainMentorship(ms),
    participant: {
      id: participant.id,
      birthDate: participant.birthDate,
      consentGivenOn: participant.consentGivenAt ? localDate(participant.consentGivenAt, zone) : null,
    },
    mentor: mentor ? mentorFacts(mentor, zone) : null,
    match: ms.mentorId
      ? {
          mentorId: ms.mentorId,
          approvedByRole: (ms.matchApprovedRole as Role | null) ?? null,
          approvedOn: ms.matchApprovedOn,
        }
      : null,
    plan: toDomainPlan(plan),
    serviceHistory: serviceHistoryOf(records),
    approvals: approvals.map((a) => toDomainApproval(a.a)),
  };
  return {
    facts,
    participant,
    plan,
    approvals,
    history: records.transitions.filter((t) => t.mentorshipId === ms.id),
  };
}

export function mentorFacts(m: MentorRow, zone: string) {
  return {
    id: m.id,
    birthDate: m.birthDate,
    trainingCompletedOn: m.trainingCompletedAt,
    trainingHours: m.trainingHours,
    briefingAcknowledgedOn: m.briefedAt ? localDate(m.briefedAt, zone) : null,
    familyOf: m.familyOf,
  };
}
