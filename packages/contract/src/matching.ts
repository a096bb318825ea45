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
