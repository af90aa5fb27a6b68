import { Router } from 'express';
import { ForbiddenError } from '../../platform/http/errors.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { hasAnyRole, isRole } from '../../platform/auth/principal.js';
import { describePortal } from './catalogue.js';

export function createPortalRoutes(): Router {
  const router = Router();
  router.get('/portals/:portal', (req, res) => {
    const principal = requirePrincipal(req);
    const portalId = req.params.portal;
    // The validator has checked the enum; this narrows the type.
    if (!isRole(portalId)) throw new ForbiddenError('Unknown portal.');
    const portal = describePortal(portalId);
    if (!hasAnyRole(principal, portal.roles)) throw new ForbiddenError(`This portal needs one of the roles: ${portal.roles.join(', ')}.`);
    res.json(portal);
  });
  return router;
}
