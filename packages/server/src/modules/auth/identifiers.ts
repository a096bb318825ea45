import { createHash, randomInt } from 'node:crypto';

/**
 * Sign-in names, one-time codes and phone numbers of participants (decision
 * record 011). Printed text is typed back on a small phone, so both use
 * Crockford's base 32: no I, L, O or U, and typing is forgiving — case, spaces
 * and dashes do not matter, O reads as 0 and I or L as 1.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LETTERS = 'ABCDEFGHJKMNPQRSTVWXYZ';

function randomFrom(alphabet: string, length: number): string {
  let out = '';
  // randomInt draws from the CSPRNG without modulo bias (CRY-02).
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** What a person typed, reduced to the canonical characters (`null` when it cannot be one). */
function crockford(typed: string): string | null {
  const s = typed
    .toUpperCase()
    .replace(/[\s\-._]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]+$/.test(s) ? s : null;
}

const groups = (s: string) => s.match(/.{1,4}/g)!.join('-');

/** 16 characters × 5 bits = 80 bits: with single use, expiry and throttling, guessing is hopeless. */
export const CODE_LENGTH = 16;
export const newSignInCode = () => randomFrom(CROCKFORD, CODE_LENGTH);
export const formatCode = (code: string) => groups(code);
export function normaliseCode(typed: string): string | null {
  const s = crockford(typed);
  return s && s.length === CODE_LENGTH ? s : null;
}
export const hashCode = (normalised: string) => createHash('sha256').update(normalised).digest('hex');

/** A letter first, so a sign-in name never reads as a phone number. */
export const newSignInName = () => randomFrom(LETTERS, 1) + randomFrom(CROCKFORD, 7);
export const formatSignInName = (name: string) => groups(name);
export function normaliseSignInName(typed: string): string | null {
  const s = crockford(typed);
  return s && /^[A-HJKMNP-TV-Z][0-9A-HJKMNP-TV-Z]{7}$/.test(s) ? s : null;
}

const PHONE_PUNCTUATION = /[\s\-.()/]/g;

/**
 * A phone number as stored: E.164 (`+` country code and number). Coordinators
 * write it with its country code; `00` in front is read as `+`.
 */
export function normalisePhone(typed: string): string | null {
  let s = typed.replace(PHONE_PUNCTUATION, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  return /^\+[1-9]\d{6,14}$/.test(s) ? s : null;
}

/** A phone number as typed at sign-in: international (exact match) or national (matched on its end). */
export type PhoneQuery = { kind: 'e164'; phone: string } | { kind: 'national'; digits: string };

export type Identifier =
  | { kind: 'email'; email: string }
  | { kind: 'signInName'; name: string }
  | { kind: 'phone'; query: PhoneQuery }
  | { kind: 'unknown'; text: string };

/** Read a sign-in identifier: an email, a printed sign-in name or a phone number. */
export function parseIdentifier(typed: string): Identifier {
  const text = typed.trim();
  if (text.includes('@')) return { kind: 'email', email: text.toLowerCase() };
  const digits = text.replace(PHONE_PUNCTUATION, '');
  if (/^(\+|00)?\d+$/.test(digits)) {
    const e164 = normalisePhone(digits);
    if (e164) return { kind: 'phone', query: { kind: 'e164', phone: e164 } };
    // National form: the trunk 0 (IL 050…) drops out; DK and LV numbers have none.
    const national = digits.replace(/^0+/, '');
    if (!digits.startsWith('+') && /^\d{6,14}$/.test(national)) {
      return { kind: 'phone', query: { kind: 'national', digits: national } };
    }
    return { kind: 'unknown', text: digits };
  }
  const name = normaliseSignInName(text);
  if (name) return { kind: 'signInName', name };
  return { kind: 'unknown', text: text.toLowerCase() };
}

/** The throttle key of an identifier no account carries, so unknown ones lock like known ones (AUTH-05). */
export function identifierKey(id: Identifier): string {
  switch (id.kind) {
    case 'email':
      return `acct:${id.email}`;
    case 'signInName':
      return `acct:name:${id.name}`;
    case 'phone':
      return `acct:phone:${id.query.kind === 'e164' ? id.query.phone : id.query.digits}`;
    case 'unknown':
      return `acct:other:${id.text.slice(0, 256)}`;
  }
}
