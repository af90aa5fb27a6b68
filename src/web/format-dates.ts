/**
 * Every date and time a page shows is written here, in the reader's language and the program's time
 * zone, never in UTC unless the program runs in UTC. Two kinds of value:
 * - an instant (submitted at, decided at, last saved): a point in time, shown as the date and clock time
 *   where the program runs, with the zone's name so nobody has to guess;
 * - a calendar date (a birth date): a day, the same everywhere; no zone applies.
 * The locale is an argument: `dateLocaleOf` gives the one for a page's language.
 */
import type { PageLanguage } from '../platform/i18n/languages.js';

export interface DateFormatOptions {
  /** A BCP 47 language tag, such as `en-GB`. */
  locale: string;
  /** An IANA time zone name, such as `Africa/Nairobi`: the program's. */
  timeZone: string;
}

/** The locale of the English pages: day before month, as the pages have always written it. */
export const DEFAULT_LOCALE = 'en-GB';

const DATE_LOCALES: Readonly<Record<PageLanguage, string>> = { en: DEFAULT_LOCALE, fr: 'fr', ar: 'ar' };

/** The locale a page in `language` writes its dates in. */
export function dateLocaleOf(language: PageLanguage): string {
  return DATE_LOCALES[language];
}

type Style = 'moment' | 'calendar';

const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  // The zone's long name ("East Africa Time", "heure normale du Pérou"): ICU translates it, an abbreviation
  // such as "GMT+3" tells a reader little.
  moment: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'long' },
  calendar: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
};

// Formatters are costly to build and never change: one per locale, zone and style, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(style: Style, locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${style}|${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, ...STYLES[style] });
    formatters.set(key, formatter);
  }
  return formatter;
}

function toDate(value: Date | string): Date | undefined {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A zone stored on a program is checked when saved, but another Node release may not know it: the
 * page then shows UTC, named as such, rather than failing.
 */
function format(style: Style, date: Date, { locale, timeZone }: DateFormatOptions): string {
  try {
    return formatterFor(style, locale, timeZone).format(date);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return formatterFor(style, locale, 'UTC').format(date);
  }
}

/** An instant as a date and time where the program runs: `4 March 2026 at 01:30 East Africa Time`. */
export function formatMoment(value: Date | string, options: DateFormatOptions): string {
  const date = toDate(value);
  return date ? format('moment', date, options) : String(value);
}

/** A calendar date (`1990-02-14`, a birth date) as `14 February 1990`; anything else as it is. */
export function formatCalendarDate(value: string | undefined, { locale }: Pick<DateFormatOptions, 'locale'>): string {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value.slice(0, 10)) ? toDate(`${value.slice(0, 10)}T00:00:00Z`) : undefined;
  return date ? format('calendar', date, { locale, timeZone: 'UTC' }) : value;
}
