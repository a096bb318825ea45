import { APPROVAL_KINDS, APPROVAL_STATUSES } from '../approvals/approval';
import type { AttentionKind } from '../attention/items';
import { ACCOMPANIMENT_TYPES, CONTACT_MODES } from '../contacts/modes';
import { CLOSURE_REASONS, HISTORY_ACTIONS, MENTORSHIP_STATES } from '../lifecycle/states';
import { RISK_SEVERITIES } from '../policy/schema';
import { ROLES } from '../roles';
import type { RefusalCode } from './codes';

/**
 * The shape of one language. Templates use `{name}` for a raw value and
 * `{name|format}` where format is `number`, `date` (a YYYY-MM-DD day), `label`
 * (a translated enum value) or a unit with plural forms (`{hours|hours}` →
 * "3 hours"). Plural forms follow Intl.PluralRules for the locale: Arabic has
 * zero/one/two/few/many/other, Hebrew one/two/other, Latvian zero/one/other.
 * `#` in a form is the formatted number.
 */
export const UNITS = [
  'hours',
  'minutes',
  'visits',
  'days',
  'months',
  'years',
  'goals',
  'meetings',
  'participants',
] as const;
export type Unit = (typeof UNITS)[number];

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

/** Enum values that appear in params and are shown translated. */
export const LABEL_KEYS = [
  ...ROLES,
  ...CONTACT_MODES,
  'virtual',
  ...ACCOMPANIMENT_TYPES,
  ...APPROVAL_KINDS,
  ...APPROVAL_STATUSES,
  ...MENTORSHIP_STATES,
  // The lifecycle's actions and the other steps a mentorship's history shows.
  ...HISTORY_ACTIONS,
  ...CLOSURE_REASONS.filter((r) => r !== 'other'), // 'other' is already an accompaniment type
  ...RISK_SEVERITIES,
] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];

export interface Catalog {
  /** Opening of a refusal: `{ruleId}` is the rule; program rules and platform rules read differently. */
  readonly prefix: { readonly program: string; readonly platform: string };
  /** Sentence for a refusal code this catalog does not know (e.g. from a newer server). */
  readonly generic: string;
  readonly refusals: Readonly<Record<RefusalCode, string>>;
  readonly attention: Readonly<Record<AttentionKind, string>>;
  readonly units: Readonly<Record<Unit, PluralForms>>;
  readonly labels: Readonly<Record<LabelKey, string>>;
  /** REL-08: the e-mail that tells the coordinator of a sign of risk; no details of the person (AUD-05). */
  readonly riskAlertEmail: { readonly subject: string; readonly body: string };
}
