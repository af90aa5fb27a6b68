/**
 * The languages the pages are written in. English is the source: every other catalog translates its keys.
 * Adding a language: add its code here and a catalog `locales/<code>/` with every key of `locales/en/`
 * (`npm run lint` says which are missing), and its direction if it is written right to left.
 */
export const PAGE_LANGUAGES = ['en', 'fr', 'ar'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export const SOURCE_LANGUAGE: PageLanguage = 'en';

const RIGHT_TO_LEFT: ReadonlySet<PageLanguage> = new Set(['ar']);

/** The name of each language in itself, as the language switch shows it. */
export const LANGUAGE_NAMES: Readonly<Record<PageLanguage, string>> = { en: 'English', fr: 'Français', ar: 'العربية' };

export function isPageLanguage(value: unknown): value is PageLanguage {
  return typeof value === 'string' && (PAGE_LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: PageLanguage): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
}
