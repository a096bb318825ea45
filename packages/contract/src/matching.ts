import { z } from 'zod';
import { zId } from './common';

const zParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** Ranked mentors for one participant, each score with its parts; excluded mentors with their rules. */
export const zCandidates = z.object({
  participantId: zId,
  on: z.string(),
  candidates: z.array(
    z.object({
      mentorId: zId,
      displayName: z.string(),
      total: z.number(),
      parts: z.array(z.object({ criterion: z.string(), points: z.number(), params: zParams })),
    }),
  ),
  excluded: z.array(
    z.object({
      mentorId: zId,
      displayName: z.string(),
      refusals: z.array(z.object({ ruleId: z.string(), code: z.string(), params: zParams })),
    }),
  ),
});
export type Candidates = z.infer<typeof zCandidates>;

/** A cohort allocation request (SIVA-1, CM-2): participants of one program, optional pins and exclusions. */
export const zBatchRequest = z.strictObject({
  programId: zId,
  participantIds: z.array(zId).min(1).max(10_000),
  /** Pairs the coordinator pinned; they must be eligible. */
  fixed: z
    .array(z.strictObject({ participantId: zId, mentorId: zId }))
    .max(10_000)
    .default([]),
  /** Pairs the coordinator ruled out. */
  forbidden: z
    .array(z.strictObject({ participantId: zId, mentorId: zId }))
    .max(10_000)
    .default([]),
});
export const zBatchResult = z.object({
  programId: zId,
  on: z.string(),
  total: z.number(),
  assigned: z.number().int(),
  pairs: z.array(z.object({ participantId: zId, mentorId: zId, score: z.number() })),
  unassigned: z.array(
    z.object({ participantId: zId, reason: z.enum(['no_eligible_mentor', 'capacity_exhausted']) }),
  ),
});
export type BatchResult = z.infer<typeof zBatchResult>;
