import { unknownDomainRefusals } from '../plans/plan';
import type { Policy } from '../policy/schema';
import type { Decision, Refusal } from '../refusal';
import { allow, deny, refuse } from '../refusal';
import type { AccompanimentType, ContactMode } from './modes';

/**
 * One entry of the one contact log: a meeting, a call, a message or an
 * accompaniment between a mentor and a participant (capability 6). Notes and
 * their visibility are stored by the server; the rules need none of them.
 */
export interface Contact {
  readonly id?: string;
  readonly startsAt: Date;
  /** 0 is allowed for an attempt that did not reach the participant. */
  readonly durationMinutes: number;
  readonly mode: ContactMode;
  /** Whether the participant was reached (SIVA-2 counts reached contacts only). */
  readonly reached: boolean;
  /** Support domains the contact worked on (MOH-2, MUNI-1, RAMP-3). */
  readonly domains: readonly string[];
  /** Participant's wellbeing 1–5, when asked (SIVA-2). */
  readonly wellbeing?: number | null;
  /** Hours spent on a special activity (MOH-3) still count toward the weekly cap. */
  readonly specialActivity: boolean;
  /** Accompaniment to an authority, doctor, … (MUNI-2). */
  readonly accompanimentType?: AccompanimentType | null;
  /** Reason recorded when the contact was logged over a weekly cap (MOH-3, MOH-7). */
  readonly capOverrideReason?: string | null;
}

export const CONTACT_REFUSAL_CODES = [
  'contact_mode_not_offered',
  'contact_duration_invalid',
  'contact_wellbeing_out_of_range',
  'accompaniment_type_not_offered',
] as const;

const MAX_MINUTES = 24 * 60;

/** Shape rules of one contact against the program's vocabulary. */
export function validateContact(contact: Contact, policy: Policy): Decision<Contact> {
  const refusals: Refusal[] = [];
  if (!policy.contactModes.includes(contact.mode)) {
    refusals.push(refuse('API-01', 'contact_mode_not_offered', { mode: contact.mode }));
  }
  const d = contact.durationMinutes;
  if (!Number.isInteger(d) || d < 0 || d > MAX_MINUTES || (contact.reached && d === 0)) {
    refusals.push(refuse('API-01', 'contact_duration_invalid', { minutes: d, max: MAX_MINUTES }));
  }
  const w = contact.wellbeing;
  if (w !== undefined && w !== null && (!Number.isInteger(w) || w < 1 || w > 5)) {
    refusals.push(refuse('API-01', 'contact_wellbeing_out_of_range', { wellbeing: w, min: 1, max: 5 }));
  }
  const acc = policy.accompaniment;
  if (acc && contact.accompanimentType && !acc.types.includes(contact.accompanimentType)) {
    refusals.push(refuse(acc.ruleId, 'accompaniment_type_not_offered', { type: contact.accompanimentType }));
  }
  refusals.push(...unknownDomainRefusals(contact.domains, policy));
  return refusals.length ? deny(...refusals) : allow(contact);
}

/** The latest contact that reached the participant. */
export function lastReachedAt(contacts: readonly Contact[]): Date | null {
  let last: Date | null = null;
  for (const c of contacts) if (c.reached && (!last || c.startsAt > last)) last = c.startsAt;
  return last;
}
