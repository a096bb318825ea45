import type { AttentionItem } from '../attention/items';
import type { Refusal, RefusalParams } from '../refusal';
import type { Locale } from '../roles';
import { isLocalDate } from '../time/zone';
import { type Catalog, LABEL_KEYS, type LabelKey, UNITS, type Unit } from './catalog';
import { isRefusalCode } from './codes';
import { ar } from './locales/ar';
import { da } from './locales/da';
import { en } from './locales/en';
import { he } from './locales/he';
import { lv } from './locales/lv';

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { en, he, ar, da, lv };

const PLACEHOLDER = /\{(\w+)(?:\|(\w+))?\}/g;

export interface Placeholder {
  readonly name: string;
  readonly format: string | null;
}

/** The `{name|format}` placeholders of a template, in order. */
export function placeholdersOf(template: string): Placeholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1] ?? '', format: m[2] ?? null }));
}

/** One Intl object per locale, built on first use. */
function perLocale<T>(build: (locale: Locale) => T): (locale: Locale) => T {
  const cache = new Map<Locale, T>();
  return (locale) => {
    const hit = cache.get(locale);
    if (hit) return hit;
    const made = build(locale);
    cache.set(locale, made);
    return made;
  };
}

const numberFormat = perLocale((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
const plural = perLocale((locale) => new Intl.PluralRules(locale));
// Latvian month names inflect with the sentence; the numeric form (15.04.2026) reads in any position.
const dateFormat = perLocale(
  (locale) =>
    new Intl.DateTimeFormat(
      locale,
      locale === 'lv'
        ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
        : { dateStyle: 'long', timeZone: 'UTC' },
    ),
);

const isUnit = (f: string): f is Unit => (UNITS as readonly string[]).includes(f);
const isLabel = (v: string): v is LabelKey => (LABEL_KEYS as readonly string[]).includes(v);
const round2 = (n: number) => Math.round(n * 100) / 100;

function formatValue(
  locale: Locale,
  catalog: Catalog,
  value: RefusalParams[string] | undefined,
  format: string | null,
) {
  if (value === null || value === undefined || value === '') return '…';
  if (format === 'date' && typeof value === 'string' && isLocalDate(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return dateFormat(locale)
      .format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)))
      .replace(/\.$/, '');
  }
  if (format === 'label' && typeof value === 'string') {
    return isLabel(value) ? catalog.labels[value] : value.replaceAll('_', ' ');
  }
  if (
    format &&
    (format === 'number' || isUnit(format)) &&
    typeof value === 'number' &&
    Number.isFinite(value)
  ) {
    const n = round2(value);
    const text = numberFormat(locale).format(n);
    if (format === 'number') return text;
    const forms = catalog.units[format];
    return (forms[plural(locale).select(n)] ?? forms.other).replaceAll('#', text);
  }
  // Program keys such as a support domain read better without underscores.
  return typeof value === 'string' && /^[a-z][a-z0-9_]*$/.test(value)
    ? value.replaceAll('_', ' ')
    : String(value);
}

/** Fills a template: plurals by Intl.PluralRules, numbers and dates by Intl, enum values by label. */
export function formatTemplate(locale: Locale, template: string, params: RefusalParams): string {
  const catalog = CATALOGS[locale];
  return template.replace(PLACEHOLDER, (_, name: string, format: string | undefined) =>
    formatValue(locale, catalog, params[name], format ?? null),
  );
}

/** Program rules (MOH-3, RAMP-1, …) read "not allowed by program rule"; platform rules (API-01, PLATFORM-4) do not. */
export const isPlatformRule = (ruleId: string): boolean =>
  /^(API|PLATFORM|REL|PRIV|TEN|AUTH|FILE|AUD|CRY)-/.test(ruleId);

/** The sentence alone, without the rule prefix. */
export function refusalSentence(locale: Locale, refusal: Pick<Refusal, 'code' | 'params'>): string {
  const catalog = CATALOGS[locale];
  const template = isRefusalCode(refusal.code) ? catalog.refusals[refusal.code] : catalog.generic;
  return formatTemplate(locale, template, refusal.params);
}

/**
 * The full sentence a user sees for a refusal, e.g. "Not allowed by program
 * rule MOH-3: the week starting … already has 3 hours of visits …".
 */
export function refusalMessage(locale: Locale, refusal: Pick<Refusal, 'ruleId' | 'code' | 'params'>): string {
  const catalog = CATALOGS[locale];
  const prefix = isPlatformRule(refusal.ruleId) ? catalog.prefix.platform : catalog.prefix.program;
  return formatTemplate(locale, prefix, { ruleId: refusal.ruleId }) + refusalSentence(locale, refusal);
}

/** The sentence for an attention item, followed by its rule ID. */
export function attentionMessage(
  locale: Locale,
  item: Pick<AttentionItem, 'kind' | 'ruleId' | 'params'>,
): string {
  return `${formatTemplate(locale, CATALOGS[locale].attention[item.kind], item.params)} (${item.ruleId})`;
}

/** A translated enum value (role, contact mode, state, action, approval kind, …); unknown values pass through. */
export function labelFor(locale: Locale, value: string): string {
  return isLabel(value) ? CATALOGS[locale].labels[value] : value;
}
