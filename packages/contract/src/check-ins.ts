import { z } from 'zod';
import { safeText, zId } from './common';
import { zDate } from './people';

/**
 * A participant's own daily check-in (SIVA-2): wellbeing on faces 1–5 and an
 * optional short note. One per program-calendar day; created with an
 * Idempotency-Key (phones retry), edited the same day with If-Match.
 */
export const zCheckInCreate = z.strictObject({
  wellbeing: z.number().int().min(1).max(5),
  note: safeText({ max: 500, multiline: true }).nullable().default(null),
});
export type CheckInCreate = z.input<typeof zCheckInCreate>;

/** An edit of today's check-in: name what changes. */
export const zCheckInUpdate = z
  .strictObject({
    wellbeing: z.number().int().min(1).max(5),
    note: safeText({ max: 500, multiline: true }).nullable(),
  })
  .partial();
export type CheckInUpdate = z.input<typeof zCheckInUpdate>;

export const zCheckIn = z.object({
  id: zId,
  participantId: zId,
  /** The program-calendar day it belongs to (YYYY-MM-DD). */
  day: zDate,
  wellbeing: z.number().int().min(1).max(5),
  /** The participant's own words; for them, their mentor, coordinators and admins. */
  note: z.string().nullable(),
  /** True while it is still that day in the program and the caller is the participant. */
  editable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type CheckIn = z.infer<typeof zCheckIn>;

/**
 * Staff filter by participant; a participant always gets their own. `from`/`to`
 * are program days, inclusive; at most 100 days are returned, newest first.
 */
export const zCheckInQuery = z.strictObject({
  participantId: zId.optional(),
  from: zDate.optional(),
  to: zDate.optional(),
});

export const zCheckInList = z.object({
  items: z.array(zCheckIn),
  /** Today in the program of the participant asked about (or the caller's own), else null. */
  today: zDate.nullable(),
});
export type CheckInList = z.infer<typeof zCheckInList>;
