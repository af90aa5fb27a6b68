import type { Response } from 'express';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { pageOf } from '../../platform/db/sql.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import type { ApplicationsService, Submitted } from './service.js';

function sendSubmitted(res: Response, { application, replayed }: Submitted): void {
  if (replayed) res.setHeader('Idempotent-Replayed', 'true');
  res.status(201).location(`/api/v1/applications/${application.id}`).json(application);
}

function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' ? header : undefined;
}

export function createApplicationHandlers(applications: ApplicationsService): OperationHandlers {
  return {
    async listApplications(req, res) {
      const { programId, status } = req.query;
      res.json(await applications.listApplications(requirePrincipal(req), { ...pageOf(req.query), programId, status }));
    },

    async submitApplication(req, res) {
      sendSubmitted(
        res,
        await applications.submitApplication(requirePrincipal(req), req.body, idempotencyKeyOf(req.headers['idempotency-key'])),
      );
    },

    async getApplication(req, res) {
      res.json(await applications.getApplication(requirePrincipal(req), req.params.applicationId));
    },

    async listRegistryProposals(req, res) {
      res.json({ items: await applications.listRegistryProposals(requirePrincipal(req), req.params.applicationId) });
    },

    async decideRegistryProposal(req, res) {
      const { proposal, replayed } = await applications.decideRegistryProposal(requirePrincipal(req), {
        applicationId: req.params.applicationId,
        field: req.params.field,
        decision: req.body.decision,
        idempotencyKey: idempotencyKeyOf(req.headers['idempotency-key']),
      });
      if (replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.json(proposal);
    },

    async listApplicationDrafts(req, res) {
      res.json(await applications.listDrafts(requirePrincipal(req), pageOf(req.query)));
    },

    async startApplicationDraft(req, res) {
      const draft = await applications.startDraft(requirePrincipal(req), req.body);
      res.status(201).location(`/api/v1/application-drafts/${draft.id}`).json(draft);
    },

    async getApplicationDraft(req, res) {
      res.json(await applications.getDraft(requirePrincipal(req), req.params.applicationId));
    },

    async saveApplicationDraft(req, res) {
      res.json(await applications.saveDraft(requirePrincipal(req), req.params.applicationId, req.body));
    },

    async discardApplicationDraft(req, res) {
      await applications.discardDraft(requirePrincipal(req), req.params.applicationId);
      res.status(204).end();
    },

    async submitApplicationDraft(req, res) {
      sendSubmitted(
        res,
        await applications.submitDraft(requirePrincipal(req), req.params.applicationId, idempotencyKeyOf(req.headers['idempotency-key'])),
      );
    },
  };
}
