import type { Refusal } from '@tandem/domain';

/**
 * Errors are typed values rendered once, by the problem plugin (DESIGN.md §5):
 * a kind → status map, not an instanceof ladder. Services throw `AppError`; the
 * domain returns a `Refusal`, which services raise with `refused()`.
 */
export const STATUS_OF = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  refused: 422,
  precondition_required: 428,
  rate_limited: 429,
  unavailable: 503,
} as const;
export type ErrorKind = keyof typeof STATUS_OF;

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly extra: {
      detail?: string;
      ruleId?: string;
      params?: Record<string, unknown>;
      errors?: FieldError[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(extra.detail ?? code);
    this.name = 'AppError';
  }
}

export const notFound = (entity = 'resource') =>
  new AppError('not_found', 'not_found', { params: { entity } });
/** A referenced record that is not there (or not the caller's): 404 naming the body field that pointed at it. */
export const fieldNotFound = (field: string, entity: string) =>
  new AppError('not_found', 'not_found', {
    params: { entity },
    errors: [{ field, code: 'not_found', message: `No such ${entity}` }],
  });
export const forbidden = (code = 'forbidden') => new AppError('forbidden', code);
export const conflict = (code: string, detail?: string) =>
  new AppError('conflict', code, detail === undefined ? {} : { detail });
export const unauthenticated = () => new AppError('unauthenticated', 'unauthenticated');

/** A domain refusal as the API carries it in lists and problem params: the rule, the sentence's key and its values. */
export const ruleRefusal = (r: Refusal) => ({ ruleId: r.ruleId, code: r.code, params: { ...r.params } });

/** A domain refusal as an error: 422 carrying the rule ID (e.g. MOH-3). */
export function refused(refusal: Refusal, detail?: string): AppError {
  return new AppError('refused', refusal.code, {
    ruleId: refusal.ruleId,
    params: refusal.params,
    ...(detail === undefined ? {} : { detail }),
  });
}
