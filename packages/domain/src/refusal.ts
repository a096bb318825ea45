/**
 * The one value every blocked action returns instead of throwing.
 *
 * The same Refusal drives the API error (problem+json with `ruleId`) and the
 * sentence the UI shows, so the server and the screen never disagree about why
 * something was refused. `code` keys the translated sentence; `params` fill it.
 */
export type RefusalParams = Record<string, string | number | boolean | null>;

export interface Refusal {
  readonly kind: 'refusal';
  /** Program or platform rule, e.g. "MOH-3" or "AUTH-03". */
  readonly ruleId: string;
  /** Stable machine key of the sentence, e.g. "weekly_hours_cap_exceeded". */
  readonly code: string;
  readonly params: RefusalParams;
}

export function refuse(ruleId: string, code: string, params: RefusalParams = {}): Refusal {
  return { kind: 'refusal', ruleId, code, params };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'refusal';
}

/** Either the allowed result or the reasons it is not allowed. */
export type Decision<T = true> = { ok: true; value: T } | { ok: false; refusals: Refusal[] };

export const allow = <T>(value: T): Decision<T> => ({ ok: true, value });
export const deny = (...refusals: Refusal[]): Decision<never> => ({ ok: false, refusals });
