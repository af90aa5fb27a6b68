import { requirePrincipal } from '../../platform/auth/require-role.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { ErasureService } from './erasure-service.js';

export function createErasureHandlers(erasure: ErasureService): OperationHandlers {
  return {
    async getOwnErasureRequest(req, res) {
      const request = await erasure.findOwnErasureRequest(requirePrincipal(req));
      if (!request) throw new NotFoundError('You have not asked for erasure.');
      res.json(request);
    },

    async requestErasure(req, res) {
      const { request, created } = await erasure.requestErasure(requirePrincipal(req), req.body?.reason);
      res.status(created ? 201 : 200).json(request);
    },

    async listErasureRequests(req, res) {
      res.json({ items: await erasure.listPendingErasureRequests(requirePrincipal(req)) });
    },

    async completeErasure(req, res) {
      res.json(await erasure.completeErasure(requirePrincipal(req), req.params.erasureRequestId));
    },
  };
}
