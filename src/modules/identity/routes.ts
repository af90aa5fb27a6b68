import { requirePrincipal } from '../../platform/auth/require-role.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import type { IdentityService } from './service.js';

export function createIdentityHandlers(identity: IdentityService): OperationHandlers {
  return {
    async verifyMyId(req, res) {
      res.json(await identity.linkVerifiedId(requirePrincipal(req), req.body));
    },
    async getMyVerifiedId(req, res) {
      const principal = requirePrincipal(req);
      const linked = await identity.readLinkedId(principal.subject);
      if (!linked) throw new NotFoundError('Your account is linked to no verified ID yet.');
      res.json(linked);
    },
    async listIdIssuers(req, res) {
      res.json(await identity.listIdIssuers(requirePrincipal(req)));
    },
    async createIdIssuer(req, res) {
      res.status(201).json(await identity.createIdIssuer(requirePrincipal(req), req.body));
    },
    async getIdIssuer(req, res) {
      res.json(await identity.getIdIssuer(requirePrincipal(req), req.params.issuerId));
    },
    async updateIdIssuer(req, res) {
      res.json(await identity.updateIdIssuer(requirePrincipal(req), req.params.issuerId, req.body));
    },
    async deleteIdIssuer(req, res) {
      await identity.deleteIdIssuer(requirePrincipal(req), req.params.issuerId);
      res.status(204).end();
    },
  };
}
