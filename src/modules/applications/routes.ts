import { Router, type Response } from 'express';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { pageOf } from '../../platform/db/sql.js';
import type { ApplicationsService, ListApplicationsOptions, Submitted } from './service.js';
import type { ApplicationDraftInput, ApplicationInput } from './models.js';

function sendSubmitted(res: Response, { application, replayed }: Submitted): void {
  if (replayed) res.setHeader('Idempotent-Replayed', 'true');
  res.status(201).location(`/api/v1/applications/${application.id}`).json(application);
}

function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' ? header : undefined;
}

export function createApplicationRoutes(applications: ApplicationsService): Router {
  const router = Router();

  router.get('/applications', async (req, res) => {
    const query = req.query as Partial<ListApplicationsOptions>;
    res.json(
      await applications.listApplications(requirePrincipal(req), { ...pageOf(query), programId: query.programId, status: query.status }),
    );
  });

  router.post('/applications', async (req, res) => {
    sendSubmitted(
      res,
      await applications.submitApplication(
        requirePrincipal(req),
        req.body as ApplicationInput,
        idempotencyKeyOf(req.headers['idempotency-key']),
      ),
    );
  });

  router.get('/applications/:applicationId', async (req, res) => {
    res.json(await applications.getApplication(requirePrincipal(req), req.params.applicationId));
  });

  router.get('/application-drafts', async (req, res) => {
    res.json(await applications.listDrafts(requirePrincipal(req), pageOf(req.query as { page?: number; pageSize?: number })));
  });

  router.post('/application-drafts', async (req, res) => {
    const draft = await applications.startDraft(requirePrincipal(req), req.body as ApplicationDraftInput);
    res.status(201).location(`/api/v1/application-drafts/${draft.id}`).json(draft);
  });

  router.get('/application-drafts/:applicationId', async (req, res) => {
    res.json(await applications.getDraft(requirePrincipal(req), req.params.applicationId));
  });

  router.put('/application-drafts/:applicationId', async (req, res) => {
    res.json(await applications.saveDraft(requirePrincipal(req), req.params.applicationId, req.body as ApplicationDraftInput));
  });

  router.delete('/application-drafts/:applicationId', async (req, res) => {
    await applications.discardDraft(requirePrincipal(req), req.params.applicationId);
    res.status(204).end();
  });

  router.post('/application-drafts/:applicationId/submit', async (req, res) => {
    sendSubmitted(
      res,
      await applications.submitDraft(requirePrincipal(req), req.params.applicationId, idempotencyKeyOf(req.headers['idempotency-key'])),
    );
  });

  return router;
}
