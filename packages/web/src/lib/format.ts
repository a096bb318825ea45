/** Dates and numbers through Intl, in the interface language. */
export const formatDateTime = (iso: string, locale: string, timeZone?: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );

/** Minutes and hours with the unit in the reader's language (Intl handles the plural forms). */
export const formatDuration = (minutes: number, locale: string) =>
  minutes >= 60
    ? new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: 'hour',
        unitDisplay: 'short',
        maximumFractionDigits: 2,
      }).format(minutes / 60)
    : new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(minutes);

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

/** Today in a program's own zone as YYYY-MM-DD: the day a rating or a briefing is given on. */
export const todayIn = (timeZone: string | undefined) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
