/**
 * Whether a page is really in the language it says: its `lang`, no English sentence of the catalogs left on it,
 * and no common English word outside what people typed (names, program texts: pass them as `data`) or what is
 * marked as written in another language (`lang`).
 */
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { loadMessages, readCatalog } from '../../src/platform/i18n/catalogs.js';
import type { PageLanguage } from '../../src/platform/i18n/languages.js';

const english = readCatalog('locales', 'en');
const messages = loadMessages('locales');

/** Words that never appear in a French or Arabic sentence of ours, and always in an English one of any length. */
const ENGLISH_WORDS = /\b(the|your|you|and|with|this|not|has|have|from|will|for|what|when|which)\b/gi;

/** The English sentences of the catalog whose translation differs (names of things like "PDF" are the same everywhere). */
function englishSentences(language: PageLanguage): string[] {
  const t = messages.translatorFor(language);
  return Object.entries(english)
    .filter(([, message]) => !message.includes('{') && message.length >= 12)
    .filter(([key, message]) => t(key) !== message)
    .map(([, message]) => message);
}

export interface TranslatedOptions {
  /** Text on the page that people or fixtures wrote (program names, descriptions, person names): not ours to translate. */
  data?: string[];
}

/** Fails with the English left on a page that should be in `language`. */
export async function expectTranslated(
  page: Page,
  language: Exclude<PageLanguage, 'en'>,
  state: string,
  options: TranslatedOptions = {},
): Promise<void> {
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe(language);
  let text = await page.locator('body').innerText();
  for (const value of options.data ?? []) text = text.replaceAll(value, ' ');
  // Text marked as another language is meant to be in it (the voucher preview shows the voucher's language).
  // Line by line: the block's line breaks need not match the page's around it.
  const foreign = await page.locator(`body [lang]:not([lang="${language}"])`).allInnerTexts();
  for (const line of foreign.flatMap((value) => value.split('\n'))) if (line.trim()) text = text.replaceAll(line.trim(), ' ');
  // Codes and addresses are the same in every language.
  text = text.replace(/\b[A-Z][A-Z0-9_-]{2,}\b/g, ' ').replace(/\S+\/\S+/g, ' ');
  const sentences = englishSentences(language).filter((sentence) => text.includes(sentence));
  const words = [...new Set([...text.matchAll(ENGLISH_WORDS)].map((match) => match[0].toLowerCase()))];
  expect({ state, englishSentences: sentences, englishWords: words }).toEqual({ state, englishSentences: [], englishWords: [] });
}
