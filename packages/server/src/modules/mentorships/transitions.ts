import { randomUUID } from 'node:crypto';
import type {
  zAgreedRhythm,
  zApprovalRequestCreate,
  zChangeMentor,
  zCloseMentorship,
  zHospitalization,
  zMatchProposal,
  zModeSwitch,
  zSuspend,
  zTrialReview,
} from '@tandem/contract';
import { approvals, mentorAssignments } from '@tandem/db';
import { approvalRule } from '@tandem/domain/approvals/index';
import { agreeRhythm } from '@tandem/domain/contacts/index';
import {
  canStart,
  changeMentor,
  closeMentorship,
  notInState,
  recordHospitalization,
  requestExtension,
  requestVirtualContinuation,
  resumeMentorship,
  reviewTrial,
  suspendMentorship,
  switchMode,
} from '@tandem/domain/lifecycle/index';
import type { LocalDate } from '@tandem/domain/time/index';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict } from '../../errors';
import { REQUEST_REASON } from '../approvals/queries';
import { type CommandContext, type CommandEffect, must, refusedAll } from './command';
import { takePlace } from './places';

type In<T extends z.ZodType> = z.output<T>;

const NO_MATCH = { matchApprovedBy: null, matchApprovedRole: null, matchApprovedOn: null };
const matchBy = (ctx: CommandContext) => ({
  matchApprovedBy: ctx.scope.userId,
  matchApprovedRole: ctx.scope.role,
  matchApprovedOn: ctx.today,
});

/**
 * The proposed mentor: one of the program's mentors in this organisation whom
 * the program's hard rules allow for this participant today, with a free
 * place, their row locked until commit (MATCH-CAPACITY, REL-04). This
 * mentorship is not counted against them, whether or not it had them before.
 */
const requireMentor = (ctx: CommandContext, mentorId: string) =>
  takePlace(ctx.tx, ctx.scope, {
    participant: ctx.loaded.participant,
    mentorId,
    policy: ctx.policy,
    on: ctx.today,
    except: ctx.found.ms.id,
  });

/**
 * End the current mentor's assignment (MOH-16: the history keeps it). A
 * mentorship that served before assignments were recorded gets its row now.
 */
async function endAssignment(ctx: CommandContext, mentorId: string, endedOn: LocalDate, reason: string) {
  const { tx, scope, found } = ctx;
  const ended = await tx
    .update(mentorAssignments)
    .set({ toOn: endedOn, endReason: reason })
    .where(
      and(
        eq(mentorAssignments.orgId, scope.orgId),
        eq(mentorAssignments.mentorshipId, found.ms.id),
        eq(mentorAssignments.mentorId, mentorId),
        isNull(mentorAssignments.toOn),
      ),
    )
    .returning({ id: mentorAssignments.id });
  if (ended.length > 0 || !['trial', 'active', 'suspended'].includes(found.ms.state)) return;
  await tx.insert(mentorAssignments).values({
    orgId: scope.orgId,
    id: randomUUID(),
    mentorshipId: found.ms.id,
    mentorId,
    fromOn: found.ms.trialStartedOn ?? found.ms.startedOn ?? endedOn,
    toOn: endedOn,
    endReason: reason,
  });
}

/** MOH-1, MOH-10, MOH-13, RAMP-1, MOH-6…: everything `canStart` checks; a new mentor starts a new trial (MOH-4). */
export async function start(ctx: CommandContext): Promise<CommandEffect> {
  const e = must(canStart(ctx.loaded.facts, ctx.policy, ctx.now));
  await ctx.tx.insert(mentorAssignments).values({
    orgId: ctx.scope.orgId,
    id: randomUUID(),
    mentorshipId: ctx.found.ms.id,
    mentorId: e.mentorId,
    fromOn: ctx.today,
  });
  return {
    set: {
      state: e.state,
      mentorId: e.mentorId,
      startedOn: e.startedOn,
      trialStartedOn: e.trialStartedOn,
      trialReviewedOn: null,
      trialOutcome: null,
      plannedEndOn: e.plannedEndOn,
      awaitingSince: null,
    },
    detail: { mentorId: e.mentorId },
  };
}

/** MOH-4: continue, revise the plan, or change the mentor. */
export async function reviewTrialStep(ctx: CommandContext, input: In<typeof zTrialReview>) {
  const e = must(reviewTrial(ctx.loaded.facts, input.outcome, ctx.policy, ctx.now));
  if (e.endAssignment)
    await endAssignment(ctx, e.endAssignment.mentorId, e.reviewedOn, e.endAssignment.reason);
  return {
    set: {
      state: e.nextState,
      trialReviewedOn: e.reviewedOn,
      trialOutcome: e.outcome,
      ...(e.endAssignment ? { mentorId: null, awaitingSince: e.awaitingSince, ...NO_MATCH } : {}),
    },
    reason: e.outcome,
    note: input.note,
    detail: { outcome: e.outcome },
  } satisfies CommandEffect;
}

/**
 * MOH-16: the mentor leaves or the match is inadequate. The old mentor's access
 * ends with this commit (TEN-07); a replacement may be proposed at once.
 */
export async function changeMentorStep(ctx: CommandContext, input: In<typeof zChangeMentor>) {
  const e = must(changeMentor(ctx.loaded.facts, input.reason, ctx.policy, ctx.now));
  await endAssignment(ctx, e.endAssignment.mentorId, e.endAssignment.endedOn, e.endAssignment.reason);
  const next = input.mentorId ? await requireMentor(ctx, input.mentorId) : null;
  return {
    set: {
      state: e.state,
      awaitingSince: e.awaitingSince,
      mentorId: next?.id ?? null,
      ...(next ? matchBy(ctx) : NO_MATCH),
    },
    reason: input.reason,
    note: input.note,
    detail: { reason: input.reason, replacementProposed: next !== null },
  } satisfies CommandEffect;
}

/** A (new) mentor for a mentorship that waits for one; the proposing coordinator approves the match (MOH-1). */
export async function proposeMatchStep(ctx: CommandContext, input: In<typeof zMatchProposal>) {
  const wrongState = notInState('start', ctx.found.ms.state as 'awaiting_match');
  if (wrongState) throw refusedAll([wrongState]);
  const mentor = await requireMentor(ctx, input.mentorId);
  return {
    set: { mentorId: mentor.id, ...matchBy(ctx) },
    detail: { mentorId: mentor.id },
  } satisfies CommandEffect;
}

/** MOH-14: the participant may end the service at any time; the reason is kept. */
export async function closeStep(ctx: CommandContext, input: In<typeof zCloseMentorship>) {
  const e = must(closeMentorship(ctx.loaded.facts, input.reason, input.note, ctx.policy, ctx.now));
  if (e.endAssignment) await endAssignment(ctx, e.endAssignment.mentorId, e.closedOn, e.reason);
  return {
    set: { state: e.state, closedOn: e.closedOn, closeReason: e.reason, awaitingSince: null },
    reason: e.reason,
    note: input.note,
    detail: { reason: e.reason },
  } satisfies CommandEffect;
}

/** MOH-15: record (or update) a hospitalization; its dates stay out of the audit row (AUD-05). */
export async function hospitalizationStep(ctx: CommandContext, input: In<typeof zHospitalization>) {
  const h = must(recordHospitalization(ctx.loaded.facts, input, ctx.policy));
  return {
    set: {
      hospitalizedFrom: h.startedOn,
      expectedDischargeOn: h.expectedDischargeOn,
      dischargedOn: h.dischargedOn,
    },
  } satisfies CommandEffect;
}

export async function suspendStep(ctx: CommandContext, input: In<typeof zSuspend>) {
  const e = must(suspendMentorship(ctx.loaded.facts, input.reason, ctx.policy, ctx.now));
  return {
    set: {
      state: e.state,
      suspensionReason: e.suspension.reason,
      suspendedSince: e.suspension.since,
      suspendedFrom: e.suspension.from,
    },
    reason: input.reason,
    note: input.note,
    detail: { reason: input.reason },
  } satisfies CommandEffect;
}

/** Back to the state it left; after a hospitalization only once renewal is open (MOH-15). */
export async function resumeStep(ctx: CommandContext) {
  const e = must(resumeMentorship(ctx.loaded.facts, ctx.policy, ctx.now));
  return {
    set: {
      state: e.state,
      suspensionReason: null,
      suspendedSince: null,
      suspendedFrom: null,
      ...(e.clearHospitalization
        ? { hospitalizedFrom: null, expectedDischargeOn: null, dischargedOn: null }
        : {}),
    },
  } satisfies CommandEffect;
}

/** MOH-7: in person ⇄ virtual; the virtual clock starts on the day of the switch. */
export async function modeStep(ctx: CommandContext, input: In<typeof zModeSwitch>) {
  const e = must(switchMode(ctx.loaded.facts, input.mode, ctx.policy, ctx.now));
  return {
    set: { mode: e.mode, virtualSince: e.virtualSince, virtualApprovedUntil: e.virtualApprovedUntil },
    reason: e.mode,
    detail: { mode: e.mode },
  } satisfies CommandEffect;
}

/**
 * MOH-5 extension / MOH-7 virtual continuation: a request to the policy's
 * approver. Nothing about the mentorship changes until it is approved.
 */
export async function requestStep(
  ctx: CommandContext,
  kind: 'extension' | 'virtual_continuation',
  input: In<typeof zApprovalRequestCreate>,
) {
  const id = randomUUID();
  const meta = { id, requestedBy: ctx.scope.userId, reason: input.reason };
  const { facts } = ctx.loaded;
  const approval = must(
    kind === 'extension'
      ? requestExtension(facts, input.until, meta, ctx.policy, ctx.now)
      : requestVirtualContinuation(facts, input.until, meta, ctx.policy, ctx.now),
  );
  const rule = approvalRule(kind, ctx.policy);
  const approverRole = rule?.roles[0];
  if (!rule || !approverRole) throw new Error(`No approver for ${kind} although the request was allowed`);
  await ctx.tx.insert(approvals).values({
    orgId: ctx.scope.orgId,
    id,
    kind,
    mentorshipId: ctx.found.ms.id,
    participantId: ctx.found.ms.participantId,
    ruleId: rule.ruleId,
    approverRole,
    status: 'pending',
    requestedBy: ctx.scope.userId,
    requestedAt: ctx.now,
    requestReason: ctx.texts.seal(REQUEST_REASON, id, input.reason),
    payload: approval.params,
  });
  return { reason: kind, detail: { approvalId: id, kind } } satisfies CommandEffect;
}

/** RAMP-5: the contact interval participant and mentor agreed; the rhythm alert follows it. */
export async function agreedRhythmStep(ctx: CommandContext, input: In<typeof zAgreedRhythm>) {
  if (ctx.found.ms.state === 'closed') throw conflict('mentorship_closed', 'The mentorship is closed.');
  const everyDays = must(agreeRhythm(input.everyDays, ctx.policy));
  return {
    set: { agreedEveryDays: everyDays },
    detail: { everyDays },
  } satisfies CommandEffect;
}
