import { requirePrincipal } from '../../platform/auth/require-role.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import { listPortalsFor } from '../portals/index.js';
import type { components } from '../../generated/openapi.js';
import type { AccountsService } from './service.js';

type CurrentUser = components['schemas']['CurrentUser'];

export function createAccountHandlers(accounts: AccountsService): OperationHandlers {
  return {
    getCurrentUser(req, res) {
      const principal = requirePrincipal(req);
      const body: CurrentUser = {
        subject: principal.subject,
        username: principal.username,
        displayName: principal.displayName,
        roles: principal.roles,
        portals: listPortalsFor(principal.roles),
      };
      if (principal.email) body.email = principal.email;
      res.json(body);
    },

    async getMyPreferences(req, res) {
      res.json(await accounts.readPreferences(requirePrincipal(req).subject));
    },

    async putMyPreferences(req, res) {
      res.json(await accounts.savePreferences(requirePrincipal(req), req.body));
    },
  };
}
