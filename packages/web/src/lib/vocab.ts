import { useTranslation } from 'react-i18next';

/** The kinds of code a profile holds; each has its labels in the `vocab` section of the catalogs. */
export type VocabKind = 'sector' | 'profession' | 'targetGroup' | 'interest' | 'domain';

/** A code nobody has translated yet still reads as words: "social_work_student" → "social work student". */
const asWords = (code: string) => code.replaceAll('_', ' ');

/**
 * Profile codes in the reader's language: sectors, professions, target groups,
 * interests and support domains from the catalogs, languages by name through
 * Intl. A code outside the lists (from an import, or a program's own) shows as
 * words rather than disappearing.
 */
export function useVocab() {
  const { t, i18n } = useTranslation();
  const names = new Intl.DisplayNames([i18n.language], { type: 'language', fallback: 'code' });
  const label = (kind: VocabKind, code: string) =>
    t(`vocab.${kind}.${code}`, { defaultValue: asWords(code) });
  return {
    label,
    /** Select options: the offered codes, plus any the record already holds. */
    options: (kind: VocabKind, codes: readonly string[], held: readonly (string | null)[] = []) =>
      [...new Set([...codes, ...held.filter((c): c is string => !!c)])].map((value) => ({
        value,
        label: label(kind, value),
      })),
    language: (code: string) => names.of(code) ?? code,
    /** Several codes as one phrase, listed the way the language lists things. */
    list: (kind: VocabKind, codes: readonly string[]) =>
      new Intl.ListFormat(i18n.language, { style: 'short', type: 'unit' }).format(
        codes.map((c) => label(kind, c)),
      ),
  };
}
