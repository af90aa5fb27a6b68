/**
 * Pages count against their caller's rate limit (see platform/http/rate-limits.ts): a signed-in person by
 * subject, anyone else by client address, and the sign-in steps by address on a tighter count of their
 * own. Mounted after the static assets, so loading a page's scripts and styles costs nothing. Over the
 * limit, the error page explains it in plain words and `Retry-After` says when to try again.
 */
import type { RequestHandler } from 'express';
import type { RateLimits } from '../http/rate-limits.js';

const SIGN_IN_PATHS = new Set(['/auth/login', '/auth/callback']);

export function limitPageRequests(limits: RateLimits): RequestHandler {
  return (req, _res, next) => {
    const subject = req.session.principal?.subject;
    const charged = SIGN_IN_PATHS.has(req.path)
      ? limits.chargeSignIn(req.ip)
      : subject !== undefined
        ? limits.chargeUser(subject)
        : limits.chargeAnonymous(req.ip);
    charged.then(() => next(), next);
  };
}
