import type { Problem } from '@tandem/contract';

/** A failed API call, carrying the RFC 9457 problem the server sent. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    readonly retryAfterSeconds: number | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
  /** Field errors keyed by field name (codes, translated by `useFieldErrors`). */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem?.errors ?? []).map((e) => [e.field, e.code]));
  }
}

let csrfToken: string | null = null;
/** AUTH-09: the per-login token the server checks on every state change. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/**
 * `Retry-After` is either seconds or an HTTP date (RFC 9110 §10.2.3); the server
 * sends seconds, but a proxy in front of it may rewrite the header.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return answer<T>(res);
}

async function answer<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const data = isJson ? await res.json() : null;
  if (!res.ok) {
    throw new ApiError(res.status, data as Problem | null, parseRetryAfter(res.headers.get('retry-after')));
  }
  return data as T;
}

/** Upload one file as multipart/form-data (field `file`); the browser writes the boundary. */
export async function apiUpload<T>(
  path: string,
  file: Blob,
  fileName: string,
  headers: Record<string, string> = {},
): Promise<T> {
  const form = new FormData();
  form.append('file', file, fileName);
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}), ...headers },
    body: form,
  });
  return answer<T>(res);
}

/** Any contract response schema: only `parse` is needed, so the web does not depend on zod itself. */
interface ResponseSchema<T> {
  parse(data: unknown): T;
}

/**
 * An API call whose answer is checked against the contract's response schema,
 * which is also where its type comes from: a server that drifts from the
 * contract fails loudly here instead of rendering half a page.
 */
export async function apiParsed<T>(
  schema: ResponseSchema<T>,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  return schema.parse(await api<unknown>(method, path, body, headers));
}
