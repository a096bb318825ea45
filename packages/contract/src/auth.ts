import { z } from 'zod';
import { zEmail, zId, zLocale, zRole } from './common';

/**
 * Sign in with a password and one identifier: an email, a printed sign-in name
 * or a phone number (decision record 011). `email` is the older name of
 * `identifier`, kept for clients that only ever sign in by email.
 */
export const zLoginRequest = z
  .strictObject({
    identifier: z.string().trim().min(1).max(254).optional(),
    email: zEmail.optional(),
    // AUTH-02: verified exactly as typed — no trimming, no normalisation.
    password: z.string().min(1).max(256),
  })
  .refine((v) => (v.identifier === undefined) !== (v.email === undefined), {
    path: ['identifier'],
    message: 'Give either an identifier or an email',
  });
export type LoginRequest = z.input<typeof zLoginRequest>;

/** Sign in with a one-time code from the printed sheet; the code alone names the account. */
export const zCodeLoginRequest = z.strictObject({ code: z.string().trim().min(1).max(64) });

/** After a fresh code sign-in, a participant may choose a password without an old one. */
export const zCodePasswordRequest = z.strictObject({ newPassword: z.string().min(1).max(256) });

export const zMembership = z.object({
  orgId: zId,
  orgName: z.string(),
  role: zRole,
});

export const zMe = z.object({
  user: z.object({
    id: zId,
    /** Null for a participant invited without one (decision record 011). */
    email: z.string().nullable(),
    /** A participant's printed sign-in name, shown `ABCD-1234`. */
    signInName: z.string().nullable(),
    displayName: z.string(),
    locale: zLocale,
    /** False for a participant who has only ever signed in with codes. */
    hasPassword: z.boolean(),
  }),
  orgId: zId,
  orgName: z.string(),
  role: zRole,
  memberships: z.array(zMembership),
  /** Signed in with a one-time password: everything but choosing a new one answers 403 until then. */
  mustChangePassword: z.boolean(),
  /** How this login was proven. */
  loginMethod: z.enum(['password', 'code']),
  /** A fresh code login of a participant may choose a password now (`POST /auth/code-password`). */
  mayChoosePassword: z.boolean(),
  /** Send back as `X-CSRF-Token` on every state-changing request (AUTH-09). */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof zMe>;

export const zSwitchOrgRequest = z.strictObject({ orgId: zId });
export const zPreferencesRequest = z.strictObject({ locale: zLocale });

export const zChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
