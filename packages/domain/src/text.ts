/**
 * API-02: text that people type is stored NFC-normalised and may not carry
 * characters that corrupt storage or mislead readers:
 * - C0/C1 controls and NUL (PostgreSQL `text` cannot even store NUL),
 * - lone surrogates (not valid Unicode; break JSON round-trips),
 * - bidi overrides and isolates U+202A–U+202E, U+2066–U+2069 (Trojan Source,
 *   CVE-2021-42574) — Hebrew and Arabic render right-to-left without them.
 * Multi-line fields (notes) may hold tab and newline; names may not.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAKS = /[\t\n\r]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = 'control_character' | 'bidi_control' | 'lone_surrogate';

export function textProblem(value: string, opts: { multiline?: boolean } = {}): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return 'lone_surrogate';
  if (CONTROL.test(value)) return 'control_character';
  if (!opts.multiline && LINE_BREAKS.test(value)) return 'control_character';
  if (BIDI_CONTROL.test(value)) return 'bidi_control';
  return null;
}

export function normaliseText(value: string): string {
  return value.normalize('NFC');
}
