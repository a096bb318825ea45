import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Role } from '@tandem/domain';
import { STAFF_ROLES } from '@tandem/domain';
import { AppError } from '../../errors';
import { COMMON_PASSWORDS } from './common-passwords';

/** AUTH-01: argon2id, m = 19 MiB, t = 2, p = 1 (OWASP Password Storage minimum). */
// algorithm 2 = Argon2id (the binding's const enum cannot be imported under verbatimModuleSyntax).
const ARGON = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON);

/** A user who has not chosen a password yet (`stored` null) costs the same work and never matches. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    await burnVerifyTime(password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/**
 * AUTH-05: an unknown email costs the same argon2 work as a known one, so the
 * response time does not tell whether the account exists.
 */
export async function burnVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword('tandem-dummy-password-for-timing');
  await verifyPassword(await dummy, password);
}

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

/**
 * AUTH-02: length is the only composition rule — ≥ 12 for staff, ≥ 8 for
 * participants, up to 256 — plus a list of common passwords. Checked exactly as
 * typed: no trimming, so a trailing space is part of the password.
 */
export function passwordProblem(password: string, role: Role): PasswordProblem | null {
  const min = STAFF_ROLES.includes(role) ? 12 : 8;
  const length = [...password].length;
  if (length < min) return 'too_short';
  if (length > 256) return 'too_long';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'too_common';
  return null;
}

/** A new password that breaks AUTH-02 is a 422 naming the rule and the field. */
export function checkNewPassword(password: string, role: Role): void {
  const problem = passwordProblem(password, role);
  if (!problem) return;
  throw new AppError('refused', `password_${problem}`, {
    ruleId: 'AUTH-02',
    errors: [
      { field: 'newPassword', code: `password_${problem}`, message: 'The new password is not acceptable.' },
    ],
  });
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A one-time password from the CSPRNG (CRY-02, CRY-04): 20 characters ≈ 115 bits. */
export function oneTimePassword(length = 20): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
