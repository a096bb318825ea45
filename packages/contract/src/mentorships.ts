import { APPROVAL_KINDS, APPROVAL_STATUSES } from '@tandem/domain/approvals/approval';
import { ATTENTION_KINDS } from '@tandem/domain/attention/items';
import {
  CLOSURE_REASONS,
  MENTORSHIP_ACTIONS,
  MENTORSHIP_MODES,
  MENTORSHIP_STATES,
  REMATCH_REASONS,
  SUSPENSION_REASONS,
  TRIAL_OUTCOMES,
} from '@tandem/domain/lifecycle/states';
import { GOAL_STATUSES } from '@tandem/domain/plans/plan';
import { z } from 'zod';
import { safeText, zId, zRole } from './common';
import { zDate } from './people';

export const zMentorshipState = z.enum(MENTORSHIP_STATES);
export const zMentorshipAction = z.enum(MENTORSHIP_ACTIONS);
const zDomainKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/)
  .max(40);
const zNote = safeText({ max: 4000, multiline: true }).nullable().default(null);
const zReasonText = safeText({ max: 1000, multiline: true });

// ── requests ───────────────────────────────────────────────────────────────

/** A coordinator proposes a match; it waits for the start (MOH-1). */
export const zMentorshipCreate = z.strictObject({ participantId: zId, mentorId: zId });
export const zMentorshipListQuery = z.strictObject({
  state: zMentorshipState.optional(),
  participantId: zId.optional(),
});
/** A new mentor for a mentorship that waits for one (MOH-16). */
export const zMatchProposal = z.strictObject({ mentorId: zId });
export const zTrialReview = z.strictObject({ outcome: z.enum(TRIAL_OUTCOMES), note: zNote });
export const zChangeMentor = z.strictObject({
  /** The replacement, when already found; otherwise the mentorship waits for one. */
  mentorId: zId.nullable().default(null),
  reason: z.enum(REMATCH_REASONS),
  note: zNote,
});
export const zCloseMentorship = z.strictObject({ reason: z.enum(CLOSURE_REASONS), note: zNote });
export const zHospitalization = z.strictObject({
  startedOn: zDate,
  expectedDischargeOn: zDate.nullable().default(null),
  dischargedOn: zDate.nullable().default(null),
});
export const zSuspend = z.strictObject({ reason: z.enum(SUSPENSION_REASONS).default('other'), note: zNote });
export const zModeSwitch = z.strictObject({ mode: z.enum(MENTORSHIP_MODES) });
/** MOH-5 extension and MOH-7 virtual continuation: both ask the policy's approver for a day. */
export const zApprovalRequestCreate = z.strictObject({ until: zDate, reason: zReasonText });
/** RAMP-5: the interval participant and mentor agreed; null clears it. */
export const zAgreedRhythm = z.strictObject({ everyDays: z.number().int().min(1).max(365).nullable() });

export const zGoalCreate = z.strictObject({
  title: safeText({ max: 200 }),
  domains: z.array(zDomainKey).max(12).default([]),
});
export const zGoalPatch = z
  .strictObject({
    title: safeText({ max: 200 }),
    domains: z.array(zDomainKey).max(12),
    status: z.enum(GOAL_STATUSES),
  })
  .partial();
export const zGoalRatingCreate = z.strictObject({ on: zDate, rating: z.number().int().min(1).max(5) });

export const zApprovalListQuery = z.strictObject({
  status: z.enum(['pending', 'decided', 'all']).default('pending'),
});
export const zApprovalDecision = z.strictObject({
  outcome: z.enum(['approve', 'refuse']),
  reason: zReasonText,
});

// ── responses ──────────────────────────────────────────────────────────────

const zPerson = z.object({ id: zId, displayName: z.string() });

/** A domain refusal as data: the UI renders the same sentence the server would send. */
export const zRefusal = z.object({
  ruleId: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const zAvailableAction = z.object({
  action: zMentorshipAction,
  allowed: z.boolean(),
  refusals: z.array(zRefusal),
  targets: z.array(zMentorshipState),
});

export const zMentorshipSummary = z.object({
  id: zId,
  programId: zId,
  participant: zPerson,
  /** Current mentor (or the proposed one while awaiting a match). */
  mentor: zPerson.nullable(),
  state: zMentorshipState,
  mode: z.enum(MENTORSHIP_MODES),
  startedOn: z.string().nullable(),
  trialStartedOn: z.string().nullable(),
  trialReviewedOn: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  awaitingSince: z.string().nullable(),
  closedOn: z.string().nullable(),
  version: z.number().int(),
});
export type MentorshipSummary = z.infer<typeof zMentorshipSummary>;
export const zMentorshipList = z.object({ items: z.array(zMentorshipSummary) });

export const zGoalRating = z.object({ on: z.string(), rating: z.number().int() });
export const zGoal = z.object({
  id: zId,
  planId: zId,
  mentorshipId: zId,
  title: z.string(),
  domains: z.array(z.string()),
  status: z.enum(GOAL_STATUSES),
  /** Progress over time, oldest first. */
  ratings: z.array(zGoalRating),
  latestRating: zGoalRating.nullable(),
  version: z.number().int(),
});
export type Goal = z.infer<typeof zGoal>;
export const zPlan = z.object({ id: zId, goals: z.array(zGoal), version: z.number().int() });

/**
 * A request for someone else's yes (MOH-5, MOH-7). Deliberately small: a
 * committee member deciding it sees this and nothing of the case file (TEN-09).
 */
export const zApproval = z.object({
  id: zId,
  kind: z.enum(APPROVAL_KINDS),
  ruleId: z.string(),
  approverRole: zRole,
  status: z.enum(APPROVAL_STATUSES),
  mentorshipId: zId,
  participant: zPerson,
  /** What is asked, e.g. `{ until: '2028-03-01', plannedEndOn: '2028-02-29' }`. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  requestedAt: z.string(),
  requestedBy: zPerson,
  reason: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: zPerson.nullable(),
  decisionReason: z.string().nullable(),
  version: z.number().int(),
});
export type Approval = z.infer<typeof zApproval>;
export const zApprovalList = z.object({ items: z.array(zApproval) });

export const zAssignment = z.object({
  id: zId,
  mentor: zPerson,
  fromOn: z.string(),
  toOn: z.string().nullable(),
  endReason: z.string().nullable(),
});

export const zTransition = z.object({
  id: zId,
  action: z.string(),
  fromState: zMentorshipState.nullable(),
  toState: zMentorshipState,
  on: z.string(),
  at: z.string(),
  actorUserId: zId,
  mentorId: zId.nullable(),
  reason: z.string().nullable(),
  /** Staff only (TEN-06). */
  note: z.string().nullable().optional(),
});

/** The mentorship's file: everything the coordinator's page needs in one read (audited). */
export const zMentorshipFile = zMentorshipSummary.extend({
  matchApprovedOn: z.string().nullable(),
  matchApprovedRole: z.string().nullable(),
  trialOutcome: z.string().nullable(),
  trialReviewDueOn: z.string().nullable(),
  virtualSince: z.string().nullable(),
  virtualApprovedUntil: z.string().nullable(),
  /** Staff only (TEN-06). */
  hospitalization: z
    .object({
      startedOn: z.string(),
      expectedDischargeOn: z.string().nullable(),
      dischargedOn: z.string().nullable(),
    })
    .nullable(),
  suspension: z.object({ reason: z.string(), since: z.string(), from: z.string() }).nullable(),
  agreedEveryDays: z.number().int().nullable(),
  closeReason: z.string().nullable(),
  assignments: z.array(zAssignment),
  plan: zPlan.nullable(),
  approvals: z.array(zApproval),
  history: z.array(zTransition),
  /** What may happen next, for the signed-in role, evaluated by the domain at the server's now. */
  availableActions: z.array(zAvailableAction),
});
export type MentorshipFile = z.infer<typeof zMentorshipFile>;

export const zAttentionItem = z.object({
  kind: z.enum(ATTENTION_KINDS),
  ruleId: z.string(),
  severity: z.enum(['overdue', 'due', 'info']),
  dueAt: z.string(),
  subject: z.object({
    mentorshipId: zId.optional(),
    participantId: zId.optional(),
    mentorId: zId.optional(),
    approvalId: zId.optional(),
    riskId: zId.optional(),
  }),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** The participant's name, when the item is about one the caller may see. */
  participantName: z.string().nullable(),
});
export type AttentionItemDto = z.infer<typeof zAttentionItem>;
export const zAttentionList = z.object({ items: z.array(zAttentionItem) });
