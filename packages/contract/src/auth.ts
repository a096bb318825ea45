import { z } from 'zod';
import { zEmail, zId, zLocale, zRole } from './common';

export const zLoginRequest = z.strictObject({
  email: zEmail,
  // AUTH-02: verified exactly as typed — no trimming, no normalisation.
  password: z.string().min(1).max(256),
});

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
    displayName: z.string(),
    locale: zLocale,
  }),
  orgId: zId,
  orgName: z.string(),
  role: zRole,
  memberships: z.array(zMembership),
  /** Signed in with a one-time password: everything but choosing a new one answers 403 until then. */
  mustChangePassword: z.boolean(),
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
