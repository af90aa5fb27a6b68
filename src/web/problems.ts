import { Router } from 'express';
import { problemTypeFor } from '../platform/http/problem.js';
import type { ErrorCode } from '../platform/http/errors.js';

/** What each problem `type` means, so the URI in every error document leads somewhere useful. */
const PROBLEM_TYPES: Record<ErrorCode, string> = {
  ERR_VALIDATION: 'A field is missing, unknown or has a value the API does not accept; `errors` names each one.',
  ERR_MALFORMED_JSON: 'The body is not well-formed JSON.',
  ERR_UNSUPPORTED_MEDIA_TYPE: 'The body has a content type this endpoint does not take (send application/json).',
  ERR_PAYLOAD_TOO_LARGE: 'The body is larger than the endpoint accepts.',
  ERR_NOT_FOUND: 'Nothing exists at this address, or you may not know it exists.',
  ERR_METHOD_NOT_ALLOWED: 'The address exists but not with this HTTP method.',
  ERR_AUTH_REQUIRED: 'No access token was sent.',
  ERR_AUTH_TOKEN_INVALID: 'The token is malformed, forged, from another issuer, or meant for another audience.',
  ERR_AUTH_TOKEN_EXPIRED: 'The token has expired; get a new one.',
  ERR_FORBIDDEN_ROLE: 'You are signed in, but none of your roles allows this.',
  ERR_CSRF: 'A page form was sent without its anti-forgery token, usually because the page is old.',
  ERR_CONFLICT: 'The resource changed or already exists; reload it and try again.',
  ERR_RATE_LIMITED: 'Too many requests in a short time; wait and retry.',
  ERR_SERVICE_UNAVAILABLE: 'A service this one depends on is not answering; retry later.',
  ERR_INTERNAL: 'An error on our side; the request id identifies it in our logs.',
};

export function createProblemTypeRoutes(): Router {
  const router = Router();
  const types = Object.entries(PROBLEM_TYPES).map(([code, meaning]) => ({ code, meaning, href: problemTypeFor(code as ErrorCode) }));
  router.get('/problems', (_req, res) => {
    res.render('problems.njk', { types });
  });
  router.get('/problems/:slug', (req, res, next) => {
    const found = types.find((t) => t.href === `/problems/${req.params.slug}`);
    if (!found) {
      next();
      return;
    }
    res.render('problems.njk', { types: [found] });
  });
  return router;
}
