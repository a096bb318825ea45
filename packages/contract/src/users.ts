import { z } from 'zod';
import { safeText, zEmail, zId, zLocale, zRole } from './common';

export const zUserRow = z.object({
  id: zId,
  /** Null for a participant who signs in with a sign-in name or phone (decision record 011). */
  email: z.string().nullable(),
  displayName: z.string(),
  locale: zLocale,
  role: zRole,
  membershipId: zId,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserRow = z.infer<typeof zUserRow>;
export const zUserList = z.object({ items: z.array(zUserRow) });

export const zCreateUserRequest = z.strictObject({
  email: zEmail,
  displayName: safeText({ max: 120 }),
  role: zRole,
  locale: zLocale.default('en'),
});
/** The one-time password is shown once to the admin and must be changed at first use. */
export const zCreateUserResponse = z.object({
  user: zUserRow,
  oneTimePassword: z.string().nullable(),
});

export const zUserIdParams = z.strictObject({ id: zId });
export const zUpdateUserRequest = z
  .strictObject({
    role: zRole.optional(),
    disabled: z.boolean().optional(),
    displayName: safeText({ max: 120 }).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
