import { z } from 'zod';
import { zId, zRefusalParams as zParams, zRuleRefusal } from './common';

/** One criterion's share of a score, with the facts behind it ("shares Arabic (5/5)", "3 km"). */
export const zScorePart = z.object({ criterion: z.string(), points: z.number(), params: zParams });
export type ScorePart = z.infer<typeof zScorePart>;

/**
 * The candidate panel's question. `allowed` names former mentors of the
 * person's waiting mentorship the coordinator lets back into the ranking
 * (MOH-16); repeat it for each (`?allowed=…&allowed=…`).
 */
export const zCandidatesQuery = z.strictObject({
  allowed: z.union([zId, z.array(zId).max(50)]).optional(),
});

const zCandidate = z.object({
  mentorId: zId,
  displayName: z.string(),
  total: z.number(),
  parts: z.array(zScorePart),
});

/** Ranked mentors for one participant, each score with its parts; excluded mentors with their rules. */
export const zCandidates = z.object({
  participantId: zId,
  on: z.string(),
  /**
   * How a proposal would place the person (MOH-16): a new mentorship; a new
   * mentor on the open one that waits for a mentor; or not at all, while their
   * open mentorship has a mentor or a proposal.
   */
  placement: z.enum(['new', 'rematch', 'held']),
  /** The open mentorship, if any, at the version a proposal on it must name (If-Match). */
  mentorship: z.object({ id: zId, state: z.string(), version: z.number().int() }).nullable(),
  candidates: z.array(zCandidate),
  excluded: z.array(
    z.object({
      mentorId: zId,
      displayName: z.string(),
      refusals: z.array(zRuleRefusal),
    }),
  ),
  /**
   * Former mentors of the waiting mentorship (they left, were judged a
   * mismatch, or ended at the trial review): not offered again unless allowed,
   * as in a cohort allocation; each with the score they would have.
   */
  ruledOutByDefault: z.array(zCandidate.extend({ reason: z.enum(['former_mentor']) })),
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
  /**
   * Pairs ruled out by default that the coordinator allows back: a person
   * waiting for a new mentor with a mentor who left their mentorship (MOH-16).
   */
  allowed: z
    .array(z.strictObject({ participantId: zId, mentorId: zId }))
    .max(10_000)
    .default([]),
});
export const zBatchResult = z.object({
  programId: zId,
  on: z.string(),
  total: z.number(),
  assigned: z.number().int(),
  /** Each pair with its score and the parts it is made of, so the coordinator sees why. */
  pairs: z.array(
    z.object({
      participantId: zId,
      mentorId: zId,
      score: z.number(),
      parts: z.array(zScorePart),
      /** The mentorship waiting for a new mentor that this pair gives one (MOH-16); null for a new match. */
      mentorshipId: zId.nullable(),
    }),
  ),
  /**
   * Pairs left out without being asked: a mentor who left this person's
   * mentorship, was judged a mismatch or ended at the trial review is not
   * proposed again unless the coordinator allows the pair (MOH-16).
   */
  ruledOutByDefault: z.array(
    z.object({ participantId: zId, mentorId: zId, reason: z.enum(['former_mentor']) }),
  ),
  unassigned: z.array(
    z.object({
      participantId: zId,
      /**
       * Nobody eligible; the eligible mentors are needed by others; every eligible
       * mentor is ruled out (by the coordinator, or by default as a former mentor);
       * or already in a mentorship.
       */
      reason: z.enum(['no_eligible_mentor', 'capacity_exhausted', 'ruled_out', 'has_open_mentorship']),
    }),
  ),
});
export type BatchResult = z.infer<typeof zBatchResult>;

const zPair = z.strictObject({ participantId: zId, mentorId: zId });

/**
 * The pairs of a proposal the coordinator accepts (SIVA-1). The server checks
 * them again against the program's rules and the mentors' capacity at that
 * moment, and creates all the matches or none.
 */
export const zBatchConfirm = z.strictObject({
  programId: zId,
  pairs: z.array(zPair).min(1).max(1000),
});
export type BatchConfirm = z.infer<typeof zBatchConfirm>;

/**
 * What the confirmation did: a proposed mentorship per pair, as the candidate
 * panel's proposal makes, or — for a person whose mentorship waits for a new
 * mentor — that mentorship with the mentor proposed, its history kept (MOH-16).
 */
export const zBatchConfirmed = z.object({
  programId: zId,
  on: z.string(),
  created: z.array(
    z.object({
      mentorshipId: zId,
      state: z.string(),
      /** True when an existing mentorship got the mentor instead of a new one being created. */
      rematch: z.boolean(),
      participantId: zId,
      participantName: z.string(),
      mentorId: zId,
      mentorName: z.string(),
    }),
  ),
});
export type BatchConfirmed = z.infer<typeof zBatchConfirmed>;
