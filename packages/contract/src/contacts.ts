import { ACCOMPANIMENT_TYPES, CONTACT_MODES } from '@tandem/domain/contacts/modes';
import { z } from 'zod';
import { safeText, zId } from './common';

const zDomain = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/)
  .max(40);

/** Logging a contact: built so a mentor on a phone fills it in seconds (most fields have defaults). */
export const zContactCreate = z.strictObject({
  mentorshipId: zId,
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(0).max(1440),
  mode: z.enum(CONTACT_MODES),
  reached: z.boolean().default(true),
  domains: z.array(zDomain).max(20).default([]),
  wellbeing: z.number().int().min(1).max(5).nullable().default(null),
  specialActivity: z.boolean().default(false),
  accompanimentType: z.enum(ACCOMPANIMENT_TYPES).nullable().default(null),
  note: safeText({ max: 4000, multiline: true }).nullable().default(null),
  /** Required when the contact takes the week over a cap (MOH-3, MOH-7). */
  overCapReason: safeText({ max: 500, multiline: true }).nullable().default(null),
});
export type ContactCreate = z.input<typeof zContactCreate>;

export const zContact = z.object({
  id: zId,
  mentorshipId: zId,
  participantId: zId,
  mentorId: zId,
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  mode: z.enum(CONTACT_MODES),
  reached: z.boolean(),
  domains: z.array(z.string()),
  wellbeing: z.number().int().nullable(),
  specialActivity: z.boolean(),
  accompanimentType: z.string().nullable(),
  /** Present only for the mentor, coordinators and admins (TEN-06). */
  note: z.string().nullable().optional(),
  overCapReason: z.string().nullable(),
  overCapRuleIds: z.array(z.string()),
  loggedBy: zId,
  createdAt: z.string(),
});
export type Contact = z.infer<typeof zContact>;
export const zContactList = z.object({ items: z.array(zContact) });
