/** Dates and numbers through Intl, in the interface language. */
export const formatDateTime = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export const formatDate = (isoDate: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );

/** Language codes as names in the reader's language, listed the way that language lists them. */
export const formatLanguages = (codes: string[], locale: string) => {
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  return new Intl.ListFormat(locale, { style: 'short', type: 'unit' }).format(
    codes.map((c) => names.of(c) ?? c),
  );
};
