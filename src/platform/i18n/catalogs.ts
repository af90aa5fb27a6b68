/**
 * Message catalogs: one folder per language in `locales/`, flat maps from key to an ICU message
 * (plurals, selects, numbers and dates: https://formatjs.github.io/docs/core-concepts/icu-syntax). Each
 * message is compiled once, on first use, and kept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { ERROR_CODES } from '../http/error-codes.js';
import { PAGE_LANGUAGES, SOURCE_LANGUAGE, type PageLanguage } from './languages.js';

export type MessageValues = Record<string, PrimitiveType | Date>;
export type Catalog = Readonly<Record<string, string>>;

/** A key that the source catalog does not have: a mistake in the code or a template, not in the request. */
export class UnknownMessageError extends Error {
  constructor(readonly key: string) {
    super(`No message "${key}" in locales/${SOURCE_LANGUAGE}/`);
    this.name = 'UnknownMessageError';
  }
}

/**
 * The English of each error code is written once, in the table of error codes (src/platform/http/error-codes.ts);
 * the source catalog takes it from there as `problem.<CODE>.title` and `problem.<CODE>.explanation`, and the
 * other catalogs translate those keys like any other.
 */
export function problemMessages(): Catalog {
  return Object.fromEntries(
    Object.entries(ERROR_CODES).flatMap(([code, entry]) => [
      [`problem.${code}.title`, entry.title],
      [`problem.${code}.explanation`, entry.explanation],
    ]),
  );
}

/** The catalog of one language as the pages see it: its file, and for English the error codes' own words too. */
export function readCatalog(localesDir: string, language: PageLanguage): Catalog {
  const file = readCatalogFile(localesDir, language);
  return language === SOURCE_LANGUAGE ? { ...problemMessages(), ...file } : file;
}

/**
 * A language's catalog is the files of its folder (`locales/<code>/*.json`, one per part of the product, so
 * parts are translated and merged separately), read as one map: a key may be in one file only.
 */
function readCatalogFile(localesDir: string, language: PageLanguage): Catalog {
  const folder = path.join(localesDir, language);
  const merged: Record<string, string> = {};
  for (const name of readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    const where = `locales/${language}/${name}`;
    const parsed: unknown = JSON.parse(readFileSync(path.join(folder, name), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new TypeError(`${where} must be one object of key → message`);
    for (const [key, message] of Object.entries(parsed)) {
      if (typeof message !== 'string') throw new TypeError(`${where}: "${key}" must be a string`);
      if (Object.hasOwn(merged, key)) throw new TypeError(`${where}: "${key}" is also in another file of locales/${language}/`);
      merged[key] = message;
    }
  }
  return merged;
}

export type Translate = (key: string, values?: MessageValues) => string;

export interface Messages {
  /** A translator for one language; a key its catalog lacks is said in English rather than not at all. */
  translatorFor(language: PageLanguage): Translate;
  /** Whether the language's own catalog has this key (the source catalog has every key there is). */
  has(language: PageLanguage, key: string): boolean;
}

/** Loads every catalog once and checks each message compiles, so a broken translation stops the start, not a page. */
export function loadMessages(localesDir: string): Messages {
  const catalogs = Object.fromEntries(PAGE_LANGUAGES.map((language) => [language, readCatalog(localesDir, language)])) as Record<
    PageLanguage,
    Catalog
  >;
  const compiled = new Map<string, IntlMessageFormat>();
  const source = catalogs[SOURCE_LANGUAGE];

  function compile(language: PageLanguage, key: string, message: string): IntlMessageFormat {
    const id = `${language}\u0000${key}`;
    let format = compiled.get(id);
    if (!format) {
      try {
        format = new IntlMessageFormat(message, language, undefined, { ignoreTag: true });
      } catch (cause) {
        throw new TypeError(`locales/${language}: "${key}" is not a valid ICU message`, { cause });
      }
      compiled.set(id, format);
    }
    return format;
  }
  for (const language of PAGE_LANGUAGES) {
    for (const [key, message] of Object.entries(catalogs[language])) compile(language, key, message);
  }

  return {
    translatorFor(language) {
      const catalog = catalogs[language];
      return (key, values) => {
        const own = catalog[key];
        const message = own ?? source[key];
        if (message === undefined) throw new UnknownMessageError(key);
        const format = compile(own === undefined ? SOURCE_LANGUAGE : language, key, message);
        return String(format.format(values));
      };
    },
    has(language, key) {
      return Object.hasOwn(catalogs[language], key);
    },
  };
}
