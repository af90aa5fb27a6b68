/**
 * The language of each page: the one the person chose (kept in their preferences when signed in, in a
 * cookie otherwise), else the best match of the browser's Accept-Language, else English. The templates get
 * `t` (the translator), `lang`, `dir` and the languages for the switch; `POST /language` is the switch.
 */
import { Router, type Request, type RequestHandler } from 'express';
import type { Principal } from '../auth/principal.js';
import { safeReturnPath } from '../auth/web-sign-in.js';
import type { Messages } from '../i18n/catalogs.js';
import { isPageLanguage, type PageLanguage } from '../i18n/languages.js';
import { acceptedLanguage, setRequestLanguage } from '../http/request-language.js';
import { verifyCsrfToken } from './csrf.js';
import { saveSession } from './session.js';

export const LANGUAGE_COOKIE = 'iaod.lang';
const COOKIE_MAX_AGE_MS = 365 * 24 * 3600_000;

declare module 'express-session' {
  interface SessionData {
    /** The signed-in person's saved language (null: none saved), read once per session. */
    language: PageLanguage | null;
  }
}

export interface LanguagePreferences {
  /** The person's saved language if it is one the pages are written in; undefined when none is saved. */
  read(subject: string): Promise<PageLanguage | undefined>;
  save(principal: Principal, language: PageLanguage): Promise<void>;
}

export interface PageLanguageOptions {
  messages: Messages;
  preferences: LanguagePreferences;
  secureCookie: boolean;
}

function cookieLanguage(req: Request): PageLanguage | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === LANGUAGE_COOKIE && isPageLanguage(value)) return value;
  }
  return undefined;
}

async function chooseLanguage(req: Request, preferences: LanguagePreferences): Promise<PageLanguage> {
  const principal = req.session?.principal;
  if (principal) {
    if (req.session.language === undefined) req.session.language = (await preferences.read(principal.subject)) ?? null;
    if (req.session.language) return req.session.language;
  }
  return cookieLanguage(req) ?? acceptedLanguage(req);
}

export function usePageLanguage(options: PageLanguageOptions): RequestHandler {
  return async (req, res, next) => {
    try {
      const language = await chooseLanguage(req, options.preferences);
      setRequestLanguage(req, res, options.messages, language);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The switch on every page: remembered in a cookie, and in the person's preferences when signed in. */
export function createLanguageRoutes(options: PageLanguageOptions): Router {
  const router = Router();
  // Signed in, the choice is saved to the person's preferences, so the form carries the session's CSRF token;
  // signed out, it only sets a cookie on this browser and there is no session (nor token) to check.
  const verifyWhenSignedIn: RequestHandler = (req, res, next) => (req.session?.principal ? verifyCsrfToken(req, res, next) : next());
  router.post('/language', verifyWhenSignedIn, async (req, res) => {
    const body = req.body as Record<string, unknown> | undefined;
    const chosen = body?.language;
    const returnTo = safeReturnPath(body?.returnTo);
    if (!isPageLanguage(chosen)) {
      res.redirect(303, returnTo);
      return;
    }
    res.cookie(LANGUAGE_COOKIE, chosen, {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookie,
      maxAge: COOKIE_MAX_AGE_MS,
      path: '/',
    });
    const principal = req.session?.principal;
    if (principal) {
      await options.preferences.save(principal, chosen);
      req.session.language = chosen;
      // Stored before the redirect is sent: express-session sends the headers before it saves, and a browser
      // that follows the redirect at once would otherwise read the old language from the session.
      await saveSession(req);
    }
    res.redirect(303, returnTo);
  });
  return router;
}
