/**
 * The language of an API answer: the best match of the request's Accept-Language among the page languages,
 * English when none matches. Problem documents are written in it (title, and the detail in the code's words).
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Messages, Translate } from '../i18n/catalogs.js';
import { directionOf, isPageLanguage, LANGUAGE_NAMES, PAGE_LANGUAGES, SOURCE_LANGUAGE, type PageLanguage } from '../i18n/languages.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The language this request is answered in (set first for every request; the pages' choice may change it). */
    language: PageLanguage;
    t: Translate;
  }
}

export function acceptedLanguage(req: Request): PageLanguage {
  const match = req.acceptsLanguages(...PAGE_LANGUAGES);
  return isPageLanguage(match) ? match : SOURCE_LANGUAGE;
}

/** Sets the request's language from Accept-Language; the answer says which it is, and that it depends on the header. */
export function useAcceptedLanguage(messages: Messages): RequestHandler {
  return (req, res, next) => {
    setRequestLanguage(req, res, messages, acceptedLanguage(req));
    next();
  };
}

/** The request's language, and the templates' `t`, `lang`, `dir` and the languages for the switch. */
export function setRequestLanguage(req: Request, res: Response, messages: Messages, language: PageLanguage): void {
  req.language = language;
  req.t = messages.translatorFor(language);
  res.locals.t = req.t;
  res.locals.lang = language;
  res.locals.dir = directionOf(language);
  res.locals.languages = PAGE_LANGUAGES.map((code) => ({ code, name: LANGUAGE_NAMES[code], current: code === language }));
  res.setHeader('Content-Language', language);
  res.vary('Accept-Language');
}
