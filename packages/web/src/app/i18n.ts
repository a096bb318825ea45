import { isRtl, LOCALES, type Locale } from '@tandem/domain';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOGS } from '../locales';

export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  he: 'עברית',
  ar: 'العربية',
  da: 'Dansk',
  lv: 'Latviešu',
};

const STORAGE_KEY = 'tandem.locale';

export function storedLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  const browser = globalThis.navigator?.language?.slice(0, 2);
  return browser && (LOCALES as readonly string[]).includes(browser) ? (browser as Locale) : 'en';
}

/** Switch the interface language and the document's direction (Hebrew and Arabic read right to left). */
export function applyLocale(locale: Locale) {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = isRtl(locale) ? 'rtl' : 'ltr';
  return i18n.changeLanguage(locale);
}

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(CATALOGS).map(([lng, catalog]) => [lng, { common: catalog }])),
  lng: storedLocale(),
  // Every language is complete (a test checks the catalogs); no English shows through.
  fallbackLng: false,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
