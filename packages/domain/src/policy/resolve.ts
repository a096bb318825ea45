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
 * Resolved policies by preset and overrides. A program's policy is resolved on
 * every request that applies a rule, and validation (zod, time-zone checks) is
 * the costly part, so the last few hundred distinct inputs are kept. Callers
 * treat a policy as a value and never change it.
 */
const resolved = new Map<string, PolicyResolution>();
const RESOLVED_KEPT = 256;

/**
 * The policy a program runs: its preset with the program's overrides, validated.
 * Field errors come back as values so the server can refuse and audit the change.
 */
export function resolvePolicy(presetId: string, overrides: unknown = {}): PolicyResolution {
  let key: string;
  try {
    key = `${presetId}\u0000${JSON.stringify(overrides ?? {})}`;
  } catch {
    return resolveUncached(presetId, overrides);
  }
  const hit = resolved.get(key);
  if (hit) return hit;
  const result = resolveUncached(presetId, overrides);
  if (resolved.size >= RESOLVED_KEPT) resolved.clear();
  resolved.set(key, result);
  return result;
}

function resolveUncached(presetId: string, overrides: unknown): PolicyResolution {
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
