/**
 * Guards for pages: a visitor who is not signed in is sent to sign-in (and back afterwards); a
 * signed-in user without the role sees a plain-language 403 page. Sets `req.principal` for the page.
 */
import type { RequestHandler } from 'express';
import { ForbiddenError } from '../http/errors.js';
import { hasAnyRole, type Role } from '../auth/principal.js';

export function requirePageRole(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    const principal = req.session.principal;
    if (!principal) {
      if (req.headers['hx-request']) {
        // htmx cannot follow a redirect to another site; ask it to load the sign-in page fully.
        res.setHeader('HX-Redirect', `/auth/login?returnTo=${encodeURIComponent(req.originalUrl)}`);
        res.status(401).end();
        return;
      }
      res.redirect(`/auth/login?returnTo=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    if (roles.length > 0 && !hasAnyRole(principal, roles)) {
      next(new ForbiddenError(`This page is for: ${roles.join(', ')}.`));
      return;
    }
    req.principal = principal;
    next();
  };
}
