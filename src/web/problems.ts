import { Router } from 'express';
import { problemTypeFor } from '../platform/http/problem.js';
import { ERROR_CODES, type ErrorCode } from '../platform/http/error-codes.js';

/** The page each problem `type` leads to: the code's title and explanation from the table of error codes. */
export function createProblemTypeRoutes(): Router {
  const router = Router();
  const types = (Object.keys(ERROR_CODES) as ErrorCode[]).map((code) => ({ code, href: problemTypeFor(code), ...ERROR_CODES[code] }));
  router.get('/problems', (_req, res) => {
    res.render('problems.njk', { types });
  });
  router.get('/problems/:slug', (req, res, next) => {
    const found = types.find((t) => t.href === `/problems/${req.params.slug}`);
    if (!found) {
      next();
      return;
    }
    res.render('problems.njk', { types: [found], single: true });
  });
  return router;
}
