import nunjucks from 'nunjucks';
import type { Express } from 'express';

/**
 * Server-rendered pages with autoescaping on: data never becomes markup by accident. Every page gets `t`,
 * `lang` and `dir` from the request's language (request-language.ts, page-language.ts) in its context, not
 * as globals: a macro file imported without `with context` then fails loudly instead of speaking English.
 */
export function configureViews(app: Express, viewsDir: string, noCache: boolean): nunjucks.Environment {
  const env = nunjucks.configure(viewsDir, { autoescape: true, express: app, noCache, throwOnUndefined: false });
  app.set('view engine', 'njk');
  return env;
}
