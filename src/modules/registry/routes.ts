import { requirePrincipal } from '../../platform/auth/require-role.js';
import { pageOf } from '../../platform/db/sql.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import type { RegistryService } from './service.js';

export function createRegistryHandlers(registry: RegistryService): OperationHandlers {
  return {
    async searchRegistrants(req, res) {
      const { idType, idValue, name, region, after } = req.query;
      res.json(await registry.searchRegistrants(requirePrincipal(req), { ...pageOf(req.query), idType, idValue, name, region, after }));
    },

    async createRegistrant(req, res) {
      const registrant = await registry.createRegistrant(requirePrincipal(req), req.body);
      res.status(201).location(`/api/v1/registrants/${registrant.id}`).json(registrant);
    },

    async getRegistrant(req, res) {
      res.json(await registry.getRegistrant(requirePrincipal(req), req.params.registrantId));
    },

    async updateRegistrant(req, res) {
      res.json(await registry.updateRegistrant(requirePrincipal(req), req.params.registrantId, req.body));
    },

    async listRegistrantChanges(req, res) {
      res.json({ items: await registry.listChanges(requirePrincipal(req), req.params.registrantId) });
    },

    async listRegistrantDuplicates(req, res) {
      res.json(await registry.listDuplicates(requirePrincipal(req), req.params.registrantId));
    },

    async getMyRegistrant(req, res) {
      const principal = requirePrincipal(req);
      if (!principal.nationalId) throw new ForbiddenError('Your account carries no verified national ID.', 'ERR_IDENTITY_UNVERIFIED');
      const registrant = await registry.findByIdentity('NATIONAL_ID', principal.nationalId);
      if (!registrant) throw new NotFoundError('You are not in the registry yet; it happens with your first application.');
      res.json(registrant);
    },
  };
}
