import { requirePrincipal } from '../../platform/auth/require-role.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import type { SignalsService } from './service.js';

export function createSignalHandlers(signals: SignalsService): OperationHandlers {
  return {
    async listSignals(req, res) {
      res.json(await signals.listSignals(requirePrincipal(req), req.params.applicationId));
    },

    async reviewSignal(req, res) {
      const review = await signals.reviewSignal(requirePrincipal(req), {
        applicationId: req.params.applicationId,
        signalKey: req.params.signalKey,
        input: req.body,
      });
      res.status(201).json(review);
    },
  };
}
