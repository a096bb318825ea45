import { z } from 'zod';
import { zId } from './common';
import { zMentorshipState } from './mentorships';

/**
 * The mentor's own week (MOH-3, MOH-7, RAMP-5, SIVA-2): their contacts per
 * mentee in one program week, the totals against the program's caps, and who
 * is due or lapsed by the contact rhythm. Only the signed-in mentor's mentees.
 */
export const zMyWeekQuery = z.strictObject({
  /** Any day of the wanted program week (YYYY-MM-DD); today's week when absent. */
  week: z.iso.date().optional(),
});

const zCap = z.object({ ruleId: z.string(), used: z.number(), max: z.number(), over: z.boolean() });

export const zMyWeekContact = z.object({
  id: zId,
  startsAt: z.string(),
  /** The program-calendar day of the contact. */
  day: z.string(),
  durationMinutes: z.number().int(),
  mode: z.string(),
  reached: z.boolean(),
  specialActivity: z.boolean(),
  overCap: z.boolean(),
});

export const zMyWeekMentee = z.object({
  mentorshipId: zId,
  participantId: zId,
  participantName: z.string(),
  state: zMentorshipState,
  mode: z.enum(['in_person', 'virtual']),
  contacts: z.array(zMyWeekContact),
  totalMinutes: z.number().int(),
  /** The weekly caps of the program, used and allowed: hours in hours, visits as counts. */
  caps: z.object({ hours: zCap.nullable(), visits: zCap.nullable(), virtualHours: zCap.nullable() }),
  /** The contact rhythm as of the end of the week (or now, for the current week). */
  rhythm: z
    .object({
      ruleId: z.string(),
      kind: z.enum(['daily', 'weekly', 'agreed']),
      everyDays: z.number().int().nullable(),
      lapsed: z.boolean(),
      severity: z.enum(['due', 'overdue']).nullable(),
      dueAt: z.string(),
      missed: z.number().int(),
    })
    .nullable(),
});

export const zMyWeekProgram = z.object({
  programId: zId,
  programName: z.string(),
  timeZone: z.string(),
  weekStart: z.string(),
  /** The last day of the week (inclusive). */
  weekEnd: z.string(),
  previousWeek: z.string(),
  nextWeek: z.string(),
  /** Whether this is the week holding today in the program's zone. */
  current: z.boolean(),
  mentees: z.array(zMyWeekMentee),
});

export const zMyWeek = z.object({ programs: z.array(zMyWeekProgram) });
export type MyWeek = z.infer<typeof zMyWeek>;
export type MyWeekMentee = z.infer<typeof zMyWeekMentee>;
