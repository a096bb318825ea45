import type { Locale } from '@tandem/domain';
import { attentionMessage, labelFor, refusalMessage } from '@tandem/domain/messages/format';
import { useTranslation } from 'react-i18next';

/**
 * The domain's own sentences — the same the server sends — in the interface
 * language: rule refusals, attention items and translated enum labels.
 */
export function useDomainText() {
  const { i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return {
    locale,
    /** A label as it starts a line or a button: first letter capitalised in scripts that have case. */
    label: (value: string) => {
      const l = labelFor(locale, value);
      return l.charAt(0).toLocaleUpperCase(locale) + l.slice(1);
    },
    refusal: (r: {
      ruleId: string;
      code: string;
      params: Record<string, string | number | boolean | null>;
    }) => refusalMessage(locale, r),
    attention: (item: {
      kind: string;
      ruleId: string;
      params: Record<string, string | number | boolean | null>;
    }) => attentionMessage(locale, item as Parameters<typeof attentionMessage>[1]),
  };
}
