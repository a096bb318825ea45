import { isPresetId, PRESETS } from './presets';
import { type Policy, zPolicy } from './schema';

/** A field of the merged policy that failed validation; `path` is dotted (`weeklyCap.maxHours`). */
export interface PolicyFieldError {
  readonly path: string;
  readonly message: string;
}

export type PolicyResolution = { ok: true; policy: Policy } | { ok: false; errors: PolicyFieldError[] };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/**
 * Overrides merge into the preset key by key. Objects merge deeply; arrays and
 * values replace; `null` removes an optional section (the program does not have
 * that rule).
 */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete out[key];
    else out[key] = deepMerge(base[key], value);
  }
  return out;
}

/**
 * The policy a program runs: its preset with the program's overrides, validated.
 * Field errors come back as values so the server can refuse and audit the change.
 */
export function resolvePolicy(presetId: string, overrides: unknown = {}): PolicyResolution {
  if (!isPresetId(presetId)) return { ok: false, errors: [{ path: 'presetId', message: 'unknown preset' }] };
  if (overrides !== undefined && overrides !== null && !isPlainObject(overrides)) {
    return { ok: false, errors: [{ path: '', message: 'overrides must be an object' }] };
  }
  const merged = deepMerge(structuredClone(PRESETS[presetId]), overrides ?? {});
  const parsed = zPolicy.safeParse(merged);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  };
}
