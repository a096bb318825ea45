import type { Locale } from '@tandem/domain';
import { attentionMessage, labelFor, refusalMessage } from '@tandem/domain/messages/format';
import { useTranslation } from 'react-i18next';
import { useVocab } from './vocab';

type Params = Record<string, string | number | boolean | null>;

/**
 * The domain's own sentences — the same the server sends — in the interface
 * language: rule refusals, attention items and translated enum labels. A
 * support domain in a refusal ("the plan needs a goal in the domain …",
 * RAMP-3) is a program's own code, so it reads in the catalog's words for the
 * program's domains rather than as the raw key.
 */
export function useDomainText() {
  const { i18n } = useTranslation();
  const vocab = useVocab();
  const locale = i18n.language as Locale;
  const withDomainLabel = (params: Params): Params =>
    typeof params.domain === 'string' ? { ...params, domain: vocab.label('domain', params.domain) } : params;
  return {
    locale,
    /** A label as it starts a line or a button: first letter capitalised in scripts that have case. */
    label: (value: string) => {
      const l = labelFor(locale, value);
      return l.charAt(0).toLocaleUpperCase(locale) + l.slice(1);
    },
    refusal: (r: { ruleId: string; code: string; params: Params }) =>
      refusalMessage(locale, { ...r, params: withDomainLabel(r.params) }),
    attention: (item: { kind: string; ruleId: string; params: Params }) =>
      attentionMessage(locale, item as Parameters<typeof attentionMessage>[1]),
  };
}
