/// <reference types="vite/client" />
import { LOCALES, type Locale } from '@tandem/domain';

/**
 * The catalogs, one file per feature and language (`locales/<lng>/<feature>.json`),
 * merged into one namespace per language. Each top-level section (`nav`,
 * `groups`, …) lives in exactly one file, so features add strings without
 * touching each other's files; a section defined twice is a mistake and throws.
 */
const files = import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' });

export type CatalogTree = Record<string, unknown>;

function merge(): Record<Locale, CatalogTree> {
  const out = Object.fromEntries(LOCALES.map((l) => [l, {}])) as Record<Locale, CatalogTree>;
  const origin = new Map<string, string>();
  for (const [path, sections] of Object.entries(files)) {
    const lng = path.split('/')[1] as Locale;
    const catalog = out[lng];
    if (!catalog) throw new Error(`catalog for an unsupported language: ${path}`);
    for (const [section, value] of Object.entries(sections)) {
      const key = `${lng}:${section}`;
      const first = origin.get(key);
      if (first) throw new Error(`section "${section}" is defined in ${first} and ${path}`);
      origin.set(key, path);
      catalog[section] = value;
    }
  }
  return out;
}

export const CATALOGS = merge();

/** Which feature file defines a section, per language (for the completeness test). */
export function sectionFiles(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, sections] of Object.entries(files)) {
    const [, lng, file] = path.split('/');
    for (const section of Object.keys(sections)) {
      const list = out[section] ?? [];
      list.push(`${lng}/${file}`);
      out[section] = list;
    }
  }
  return out;
}
