import { LOCALES } from '@tandem/domain';
import { describe, expect, it } from 'vitest';
import { CATALOGS, sectionFiles } from '.';

const en = CATALOGS.en;
const PLURAL = /_(zero|one|two|few|many|other)$/;
/**
 * Values that may equal the English on purpose: the product name, symbols, and
 * words Danish and Latvian share with English (cognates such as "Mentor", "Video").
 */
const SAME_EVERYWHERE = new Set([
  'Tandem',
  '—',
  'Mentor',
  'Status',
  'Video',
  'Menu',
  'Administrator',
  'Evaluator',
  'Organisation',
  'Program',
  'Person',
  'Reference: {{id}}',
]);

function flatten(obj: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

const english = flatten(en);
const baseKeys = (flat: Record<string, string>) =>
  new Set(Object.keys(flat).map((k) => k.replace(PLURAL, '')));
const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('web catalogs (every visible string in all five languages)', () => {
  it('there is a catalog for every supported language', () => {
    expect(Object.keys(CATALOGS).sort()).toEqual([...LOCALES].sort());
  });

  it('each section lives in the same feature file in every language', () => {
    const files = sectionFiles();
    expect(Object.keys(files).length).toBeGreaterThan(5);
    for (const [section, paths] of Object.entries(files)) {
      const names = new Set(paths.map((p) => p.split('/')[1]));
      expect(names.size, `${section}: ${paths.join(', ')}`).toBe(1);
      expect(paths.length, `${section} in every language`).toBe(LOCALES.length);
    }
  });

  for (const lng of LOCALES.filter((l) => l !== 'en')) {
    const flat = flatten(CATALOGS[lng]);

    it(`${lng}: has exactly the keys of English`, () => {
      expect([...baseKeys(flat)].sort()).toEqual([...baseKeys(english)].sort());
    });

    it(`${lng}: every plural key has each CLDR form the language uses`, () => {
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
      const plurals = [
        ...new Set(
          Object.keys(english)
            .filter((k) => PLURAL.test(k))
            .map((k) => k.replace(PLURAL, '')),
        ),
      ];
      expect(plurals.length).toBeGreaterThan(0);
      for (const base of plurals) {
        for (const c of categories) expect(flat, `${base}_${c}`).toHaveProperty([`${base}_${c}`]);
      }
    });

    it(`${lng}: keeps every placeholder and leaves no English behind`, () => {
      for (const [key, value] of Object.entries(flat)) {
        const englishValue = english[key] ?? english[`${key.replace(PLURAL, '')}_other`];
        expect(englishValue, key).toBeDefined();
        // A plural form may spell its number out ("בעוד דקה" — in a minute); others keep every placeholder.
        if (PLURAL.test(key))
          for (const p of placeholders(value)) expect(placeholders(englishValue!), key).toContain(p);
        else expect(placeholders(value), key).toEqual(placeholders(englishValue!));
        if (!SAME_EVERYWHERE.has(value))
          expect(value, `${lng} ${key} is untranslated`).not.toBe(englishValue);
      }
    });
  }
});
