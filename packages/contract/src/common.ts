import { LOCALES, normaliseText, ROLES, textProblem } from '@tandem/domain';
import { z } from 'zod';

/**
 * A person-typed string: trimmed, NFC-normalised, length-bounded, free of
 * control, bidi-override and lone-surrogate characters (API-02, API-03).
 */
export function safeText(opts: { min?: number; max: number; multiline?: boolean }) {
  return z
    .string()
    .transform((v) => normaliseText(opts.multiline ? v : v.trim()))
    .superRefine((v, ctx) => {
      const problem = textProblem(v, { multiline: opts.multiline });
      if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { code: problem } });
    })
    .pipe(
      z
        .string()
        .min(opts.min ?? 1)
        .max(opts.max),
    );
}

export const zId = z.uuid();
export const zRole = z.enum(ROLES);
export const zLocale = z.enum(LOCALES);
export const zEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** The values a rule's sentence is filled with ("{enrolledOn|date}"). */
export const zRefusalParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** A domain refusal as data, for lists that say per row why not: the client words it in the user's language. */
export const zRuleRefusal = z.object({ ruleId: z.string(), code: z.string(), params: zRefusalParams });
export type RuleRefusal = z.infer<typeof zRuleRefusal>;

/** RFC 9457 problem details, with our extensions `ruleId`, `code` and `errors`. */
export const zProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  ruleId: z.string().optional(),
  code: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof zProblem>;

/** Page of results with an opaque, signed cursor (API-03). */
export const zPageQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const zOk = z.object({ ok: z.literal(true) });
