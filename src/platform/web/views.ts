import nunjucks from 'nunjucks';
import type { Express } from 'express';
import type { Messages } from '../i18n/catalogs.js';
import { directionOf, SOURCE_LANGUAGE } from '../i18n/languages.js';

/**
 * Server-rendered pages with autoescaping on: data never becomes markup by accident. Every page has `t`,
 * `lang` and `dir` from the request's language (page-language.ts); a page rendered before that was chosen
 * (an error in the session middleware) falls back to the source language rather than fail to render.
 */
export function configureViews(app: Express, viewsDir: string, noCache: boolean, messages: Messages): nunjucks.Environment {
  const env = nunjucks.configure(viewsDir, { autoescape: true, express: app, noCache, throwOnUndefined: false });
  env.addGlobal('t', messages.translatorFor(SOURCE_LANGUAGE));
  env.addGlobal('lang', SOURCE_LANGUAGE);
  env.addGlobal('dir', directionOf(SOURCE_LANGUAGE));
  env.addGlobal('languages', []);
  app.set('view engine', 'njk');
  return env;
}
