import { ForbiddenError } from '../../platform/http/errors.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { hasAnyRole } from '../../platform/auth/principal.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import { describePortal } from './catalogue.js';

export function createPortalHandlers(): OperationHandlers {
  return {
    getPortal(req, res) {
      const principal = requirePrincipal(req);
      const portal = describePortal(req.params.portal);
      if (!hasAnyRole(principal, portal.roles)) throw new ForbiddenError(`This portal needs one of the roles: ${portal.roles.join(', ')}.`);
      res.json(portal);
    },
  };
}
