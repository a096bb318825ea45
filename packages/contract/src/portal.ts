import { z } from 'zod';
import { zId, zLocale } from './common';
import { zDate } from './people';
import { zTask } from './tasks';

/**
 * A coordinator invites a participant to the portal (decision record 011): the
 * first time creates their login; every time prints a new sheet of one-time
 * codes, which ends the unused codes of the sheet before.
 */
export const zPortalInvitationRequest = z.strictObject({
  /** With its country code (+972 50 123 4567); null removes it; absent leaves it as it is. */
  phone: z.string().trim().max(32).nullable().optional(),
  /** The sheet's language, and the portal's until the participant picks another. */
  locale: zLocale,
  /** How many one-time codes the sheet carries. */
  codes: z.number().int().min(1).max(10).default(3),
});
export type PortalInvitationRequest = z.input<typeof zPortalInvitationRequest>;

/** The printable sheet. The codes are shown this once; only their hashes are kept. */
export const zCodeSheet = z.object({
  participantId: zId,
  displayName: z.string(),
  orgName: z.string(),
  signInName: z.string(),
  phone: z.string().nullable(),
  locale: zLocale,
  codes: z.array(z.object({ code: z.string(), expiresAt: z.string() })),
});
export type CodeSheet = z.infer<typeof zCodeSheet>;

/** Whether and how a participant can sign in, for their file. */
export const zPortalAccess = z.object({
  participantId: zId,
  invited: z.boolean(),
  signInName: z.string().nullable(),
  phone: z.string().nullable(),
  locale: zLocale.nullable(),
  hasPassword: z.boolean(),
  /** Codes of the current sheet not used yet and not expired. */
  activeCodes: z.number().int(),
  codesExpireAt: z.string().nullable(),
  /** An administrator ended this login. */
  disabled: z.boolean(),
});
export type PortalAccess = z.infer<typeof zPortalAccess>;

/**
 * The participant's own home (TEN-03, TEN-06): their mentorship, their goals in
 * their mentor's words, their tasks with photos and praise. Never notes, risk
 * records or anyone else.
 */
export const zPortal = z.object({
  participant: z.object({ id: zId, displayName: z.string() }),
  mentorship: z
    .object({
      id: zId,
      state: z.string(),
      mentorName: z.string().nullable(),
      startedOn: zDate.nullable(),
      /** The last time they met or spoke with their mentor. */
      lastContactOn: z.string().nullable(),
    })
    .nullable(),
  goals: z.array(z.object({ id: zId, title: z.string(), status: z.enum(['open', 'achieved', 'dropped']) })),
  tasks: z.array(zTask),
});
export type Portal = z.infer<typeof zPortal>;
