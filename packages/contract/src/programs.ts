import { z } from 'zod';
import { zId } from './common';

export const zProgram = z.object({
  id: zId,
  name: z.string(),
  presetId: z.string(),
  timeZone: z.string(),
  /** The preset's rules merged with this program's overrides; each rule names its ID. */
  policy: z.record(z.string(), z.unknown()),
  policyOverrides: z.record(z.string(), z.unknown()),
  version: z.number().int(),
});
export type Program = z.infer<typeof zProgram>;
export const zProgramList = z.object({ items: z.array(zProgram) });

/** Overrides merge into the preset; `null` removes a rule the program does not have. */
export const zProgramPatch = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  policyOverrides: z.record(z.string(), z.unknown()).optional(),
});
