import { zCreateUserRequest, zLoginRequest } from '@tandem/contract';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../locales';
import { parseRetryAfter } from './api';
import { contractErrorCodes } from './forms';

const user = { displayName: 'Lea Mizrahi', email: 'lea@example.org', role: 'mentor', locale: 'he' };

describe('form errors from contract schemas', () => {
  it('a valid request has no errors', () => {
    expect(contractErrorCodes(zCreateUserRequest, user)).toEqual({});
  });

  it('an empty field reads "required", whatever zod calls it', () => {
    expect(contractErrorCodes(zLoginRequest, { email: '', password: '' })).toEqual({
      email: 'required',
      password: 'required',
    });
  });

  it('names each field with the code the server sends in errors[].code', () => {
    expect(contractErrorCodes(zCreateUserRequest, { ...user, email: 'not-an-email' })).toEqual({
      email: 'invalid_format',
    });
    expect(contractErrorCodes(zCreateUserRequest, { ...user, displayName: 'x'.repeat(121) })).toEqual({
      displayName: 'too_big',
    });
    expect(contractErrorCodes(zCreateUserRequest, { ...user, role: 'owner' })).toEqual({
      role: 'invalid_value',
    });
  });

  it('API-02: a name with a hidden direction override gets the domain’s own code', () => {
    expect(contractErrorCodes(zCreateUserRequest, { ...user, displayName: 'Lea\u202eMizrahi' })).toEqual({
      displayName: 'bidi_control',
    });
  });

  it('every code a form can show has a sentence in the catalog', () => {
    const codes = [
      contractErrorCodes(zLoginRequest, { email: '', password: '' }),
      contractErrorCodes(zCreateUserRequest, { ...user, email: 'x', displayName: 'a\u0007', role: 'owner' }),
    ].flatMap((c) => Object.values(c));
    const fields = (CATALOGS.en.errors as { fields: Record<string, string> }).fields;
    for (const code of codes) expect(fields, code).toHaveProperty([code]);
  });
});

describe('Retry-After', () => {
  it('reads seconds, as the server sends them', () => {
    expect(parseRetryAfter('900')).toBe(900);
  });
  it('reads an HTTP date, as a proxy may rewrite it', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:15:00 GMT', now)).toBe(900);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
