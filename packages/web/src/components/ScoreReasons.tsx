import type { ScorePart } from '@tandem/contract';
import { useTranslation } from 'react-i18next';
import { useVocab } from '../lib/vocab';

/** The codes a part lists ("music, walking"), as the domain joins them. */
const codes = (value: unknown) =>
  String(value ?? '')
    .split(', ')
    .filter(Boolean);

/**
 * Why a pair scores what it does, in the reader's language: "shares Arabic
 * (5/5) · 3 km · 4 common hours". Read from the parts the server computed with
 * the domain's own scoring, never worked out again here. Parts that earned
 * nothing are left out.
 */
export function useScoreReasons() {
  const { t } = useTranslation();
  const vocab = useVocab();
  return (parts: readonly ScorePart[]) =>
    parts
      .filter((p) => p.points > 0)
      .map((p) => {
        const v = p.params;
        switch (p.criterion) {
          case 'language':
            return t('why.language', { language: vocab.language(String(v.language)), level: v.level });
          case 'distance':
            return v.virtual ? t('why.virtual') : t('why.distance', { km: v.km });
          case 'availability':
            return t('why.hours', { count: Number(v.hours) });
          case 'sector':
            return t('why.sector');
          case 'gender':
            return t('why.gender');
          case 'interests':
            return t('why.interests', { shared: vocab.list('interest', codes(v.shared)) });
          case 'domains':
            return t('why.domains', { covered: vocab.list('domain', codes(v.covered)) });
          default:
            return t('why.load', { active: v.activeMentees, capacity: v.capacity });
        }
      })
      .join(' · ');
}
