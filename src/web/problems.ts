import { Router, type Request } from 'express';
import { problemTypeFor } from '../platform/http/problem.js';
import { ERROR_CODES, type ErrorCode } from '../platform/http/error-codes.js';

/** The page each problem `type` leads to: the code's title and explanation, in the page's language. */
export function createProblemTypeRoutes(): Router {
  const router = Router();
  const codes = Object.keys(ERROR_CODES) as ErrorCode[];
  const describe = (req: Request, code: ErrorCode) => ({
    code,
    href: problemTypeFor(code),
    status: ERROR_CODES[code].status,
    title: req.t(`problem.${code}.title`),
    explanation: req.t(`problem.${code}.explanation`),
  });
  router.get('/problems', (req, res) => {
    res.render('problems.njk', { types: codes.map((code) => describe(req, code)) });
  });
  router.get('/problems/:slug', (req, res, next) => {
    const found = codes.find((code) => problemTypeFor(code) === `/problems/${req.params.slug}`);
    if (!found) {
      next();
      return;
    }
    res.render('problems.njk', { types: [describe(req, found)], single: true });
  });
  return router;
}
