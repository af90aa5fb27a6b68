import { Router } from 'express';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { pageOf } from '../../platform/db/sql.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import type { RegistryService, SearchRegistrantsOptions } from './service.js';
import type { RegistrantInput, RegistrantPatch } from './models.js';

export function createRegistryRoutes(registry: RegistryService): Router {
  const router = Router();

  router.get('/registrants', async (req, res) => {
    const query = req.query as Partial<SearchRegistrantsOptions>;
    res.json(
      await registry.searchRegistrants(requirePrincipal(req), {
        ...pageOf(query),
        idType: query.idType,
        idValue: query.idValue,
        name: query.name,
        region: query.region,
      }),
    );
  });

  router.post('/registrants', async (req, res) => {
    const registrant = await registry.createRegistrant(requirePrincipal(req), req.body as RegistrantInput);
    res.status(201).location(`/api/v1/registrants/${registrant.id}`).json(registrant);
  });

  router.get('/registrants/:registrantId', async (req, res) => {
    res.json(await registry.getRegistrant(requirePrincipal(req), req.params.registrantId));
  });

  router.patch('/registrants/:registrantId', async (req, res) => {
    res.json(await registry.updateRegistrant(requirePrincipal(req), req.params.registrantId, req.body as RegistrantPatch));
  });

  router.get('/registrants/:registrantId/changes', async (req, res) => {
    res.json({ items: await registry.listChanges(requirePrincipal(req), req.params.registrantId) });
  });

  router.get('/me/registrant', async (req, res) => {
    const principal = requirePrincipal(req);
    if (!principal.nationalId) throw new ForbiddenError('Your account carries no verified national ID.', 'ERR_IDENTITY_UNVERIFIED');
    const registrant = await registry.findByIdentity('NATIONAL_ID', principal.nationalId);
    if (!registrant) throw new NotFoundError('You are not in the registry yet; it happens with your first application.');
    res.json(registrant);
  });

  return router;
}
