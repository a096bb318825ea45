import { z } from 'zod';
import { zId } from './common';

export const zWeeklyHoursQuery = z.strictObject({
  programId: zId,
  /** Any day of the wanted program week (YYYY-MM-DD); the week is the program's (start day, time zone). */
  week: z.iso.date(),
});

export const zWeeklyHoursRow = z.object({
  mentorId: zId,
  mentorName: z.string(),
  contacts: z.number().int(),
  reachedContacts: z.number().int(),
  totalMinutes: z.number().int(),
  /** Minutes of the modes the weekly cap counts (MOH-3: in-person visits). */
  cappedMinutes: z.number().int(),
  visits: z.number().int(),
  /** Minutes of the virtual modes (MOH-7). */
  virtualMinutes: z.number().int(),
  specialActivityMinutes: z.number().int(),
  /** Contacts logged over a cap with a recorded reason. */
  overCapContacts: z.number().int(),
});
export const zWeeklyHoursReport = z.object({
  programId: zId,
  weekStart: z.string(),
  timeZone: z.string(),
  rows: z.array(zWeeklyHoursRow),
});
