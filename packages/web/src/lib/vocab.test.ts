import { INTERESTS, PROFESSIONS, SECTORS, TARGET_GROUPS } from '@tandem/domain/matching/vocabulary';
import { PRESETS } from '@tandem/domain/policy/presets/index';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../locales';

const vocab = CATALOGS.en.vocab as Record<string, Record<string, string>>;

describe('profile codes read as words in every language', () => {
  it('MOH-2, MUNI-1: every support domain of every preset has a label', () => {
    const domains = Object.values(PRESETS).flatMap((p) => p.supportDomains?.domains ?? []);
    expect(domains.length).toBeGreaterThan(10);
    for (const d of domains) expect(vocab.domain, d).toHaveProperty([d]);
  });

  it('MUNI-5 target groups, SIVA-1 professions, MOH-11 sectors and RAMP-2 interests offered by the forms have labels', () => {
    const lists = {
      targetGroup: TARGET_GROUPS,
      profession: PROFESSIONS,
      sector: SECTORS,
      interest: INTERESTS,
    };
    for (const [kind, codes] of Object.entries(lists))
      for (const code of codes) expect(vocab[kind], `${kind}.${code}`).toHaveProperty([code]);
  });
});
