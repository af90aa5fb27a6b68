import { Router } from 'express';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { listPortalsFor } from '../portals/index.js';
import type { components } from '../../generated/openapi.js';
import type { AccountsService, PreferencesInput } from './service.js';

type CurrentUser = components['schemas']['CurrentUser'];

export function createAccountRoutes(accounts: AccountsService): Router {
  const router = Router();

  router.get('/me', (req, res) => {
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
  });

  router.get('/me/preferences', async (req, res) => {
    res.json(await accounts.readPreferences(requirePrincipal(req).subject));
  });

  router.put('/me/preferences', async (req, res) => {
    const input = req.body as PreferencesInput;
    res.json(await accounts.savePreferences(requirePrincipal(req), input));
  });

  return router;
}
