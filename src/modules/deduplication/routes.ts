import { requirePrincipal } from '../../platform/auth/require-role.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import type { DeduplicationService } from './service.js';

export function createDeduplicationHandlers(deduplication: DeduplicationService): OperationHandlers {
  return {
    async listDuplicateCandidates(req, res) {
      res.json(await deduplication.listDuplicateCandidates(requirePrincipal(req), req.params.applicationId));
    },

    async resolveDuplicateCandidate(req, res) {
      const resolution = await deduplication.resolveDuplicate(requirePrincipal(req), {
        applicationId: req.params.applicationId,
        input: req.body,
      });
      res.status(201).json(resolution);
    },
  };
}
