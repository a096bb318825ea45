import type { Policy } from '../policy/schema';
import { allow, type Decision, deny, refuse } from '../refusal';
import type { AccompanimentType, ContactMode } from './modes';

/**
 * What a contact records in one program, read from its policy: the modes it
 * logs (SIVA-5: e-mail, phone, messenger), its support domains (MOH-2,
 * MUNI-1, RAMP-3), its kinds of accompaniment (MUNI-2) and the modes whose
 * hours go toward the weekly cap, where special activities are tracked
 * (MOH-3). The contact form offers exactly this, so it never offers what
 * `validateContact` would refuse.
 */
export interface ContactTerms {
  readonly modes: readonly ContactMode[];
  /** The program's first mode: where in-person meetings are not logged (SIVA-5) it is not "in person". */
  readonly defaultMode: ContactMode;
  readonly domains: readonly string[];
  readonly domainsRuleId: string | null;
  readonly accompanimentTypes: readonly AccompanimentType[];
  readonly accompanimentRuleId: string | null;
  /** Modes counted by the weekly cap; a special activity (MOH-3) is marked on these only. */
  readonly specialActivityModes: readonly ContactMode[];
  readonly specialActivityRuleId: string | null;
}

export function contactTerms(policy: Policy): ContactTerms {
  return {
    modes: policy.contactModes,
    defaultMode: policy.contactModes[0]!,
    domains: policy.supportDomains?.domains ?? [],
    domainsRuleId: policy.supportDomains?.ruleId ?? null,
    accompanimentTypes: policy.accompaniment?.types ?? [],
    accompanimentRuleId: policy.accompaniment?.ruleId ?? null,
    specialActivityModes: policy.weeklyCap?.countedModes ?? [],
    specialActivityRuleId: policy.weeklyCap?.ruleId ?? null,
  };
}

/** The mode to log when the one chosen is not one this program logs (e.g. after choosing another mentee). */
export const modeWithin = (terms: ContactTerms, chosen: ContactMode | null): ContactMode =>
  chosen && terms.modes.includes(chosen) ? chosen : terms.defaultMode;

/** RAMP-5: whether this program lets each pair agree its own contact interval. */
export const agreesOwnRhythm = (policy: Policy): boolean => policy.contactRhythm?.kind === 'agreed';

export const RHYTHM_REFUSAL_CODES = ['rhythm_set_by_program'] as const;

/**
 * RAMP-5: a pair records its own contact interval only where the program lets
 * it. Elsewhere the program's rhythm (daily, weekly) or none applies, and an
 * interval stored anyway would silently change nothing; the refusal names the
 * rule that sets the rhythm instead. `null` clears an agreed interval (back to
 * the program default).
 */
export function agreeRhythm(everyDays: number | null, policy: Policy): Decision<number | null> {
  if (agreesOwnRhythm(policy)) return allow(everyDays);
  const rhythm = policy.contactRhythm;
  return deny(
    refuse(rhythm?.ruleId ?? 'RAMP-5', 'rhythm_set_by_program', { rhythm: rhythm?.kind ?? 'none' }),
  );
}
