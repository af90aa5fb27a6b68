import { requirePrincipal } from '../../platform/auth/require-role.js';
import { pageOf } from '../../platform/db/sql.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import type { ApprovalsService } from './service.js';

export function createApprovalHandlers(approvals: ApprovalsService): OperationHandlers {
  return {
    async decideStage(req, res) {
      const key = req.headers['idempotency-key'];
      const { decision, replayed } = await approvals.decideStage(requirePrincipal(req), {
        applicationId: req.params.applicationId,
        position: Number(req.params.position),
        input: req.body,
        idempotencyKey: typeof key === 'string' ? key : undefined,
      });
      if (replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(201).json(decision);
    },

    async verifyDocument(req, res) {
      const { applicationId, documentId } = req.params;
      res.json(await approvals.verifyDocument(requirePrincipal(req), { applicationId, documentId, input: req.body }));
    },

    async listDocumentVerifications(req, res) {
      res.json({ items: await approvals.listDocumentVerifications(requirePrincipal(req), req.params.applicationId) });
    },

    async reassignStage(req, res) {
      const { officer, applicationId } = req.body;
      res.json(
        await approvals.reassignStage(requirePrincipal(req), {
          programId: req.params.programId,
          position: Number(req.params.position),
          officer,
          ...(applicationId ? { applicationId } : {}),
        }),
      );
    },

    async getProgramPipeline(req, res) {
      res.json(await approvals.getProgramPipeline(requirePrincipal(req), req.params.programId));
    },

    async listWorkQueue(req, res) {
      const { programId, minWaitHours } = req.query;
      res.json(await approvals.listWorkQueue(requirePrincipal(req), { ...pageOf(req.query), programId, minWaitHours }));
    },
  };
}
