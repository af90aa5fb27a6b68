import nunjucks from 'nunjucks';
import type { Express } from 'express';

/** Server-rendered pages with autoescaping on: data never becomes markup by accident. */
export function configureViews(app: Express, viewsDir: string, noCache: boolean): nunjucks.Environment {
  const env = nunjucks.configure(viewsDir, { autoescape: true, express: app, noCache, throwOnUndefined: false });
  app.set('view engine', 'njk');
  return env;
}
