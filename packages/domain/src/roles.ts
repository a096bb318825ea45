/** Roles a membership can hold; a user may hold different roles in different organisations. */
export const ROLES = ['admin', 'coordinator', 'mentor', 'committee', 'evaluator', 'participant'] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles have stricter password length (AUTH-02) and, later, TOTP (AUTH-04). */
export const STAFF_ROLES: readonly Role[] = ['admin', 'coordinator', 'mentor', 'committee', 'evaluator'];

export const LOCALES = ['en', 'he', 'ar', 'da', 'lv'] as const;
export type Locale = (typeof LOCALES)[number];
export const RTL_LOCALES: readonly Locale[] = ['he', 'ar'];
export const isRtl = (locale: Locale): boolean => RTL_LOCALES.includes(locale);
