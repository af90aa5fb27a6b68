/**
 * The officer's application page (`/officer/applications/:id`, shown by application-view.ts): the
 * snapshot taken at submission, its documents (viewed in place and verified: document-verification-panel.ts),
 * its fraud signals (signals-panel.ts), its likely duplicates for the first-stage officer (duplicates-panel.ts),
 * the decisions so far, the registry changes the applicant proposed
 * (decided by the first-stage officer), and the decision form of the stage waiting for this officer, with
 * the stage's checklist. A decision goes through the approvals service with the form's Idempotency-Key, so
 * a double submit records one decision; then the officer is sent back to their queue with a notice.
 */
import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { Application } from '../../modules/applications/index.js';
import { readDocumentContent } from '../../modules/documents/index.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { AppError, NotFoundError } from '../../platform/http/errors.js';
import { formatMoney } from '../money.js';
import {
  loadApplicationPage,
  presentProposals,
  renderApplicationPage,
  type LoadedApplicationPage,
  type PageStates,
  type PanelUpdate,
} from './application-view.js';
import { checkChecklistAnswers, explainChecklistRefusal, readChecklistAnswers, toChecklistInput } from './checklist-form.js';
import { uuidParam, wantsFragment, type OfficerPagesOptions } from './context.js';
import { checkDecisionForm, explainRefusal, readDecisionForm, toDecisionInput } from './decision-form.js';
import { createDocumentVerificationRoutes } from './document-verification-panel.js';
import { keepQueueNotice } from './notices.js';
import { createSignalsRoutes } from './signals-panel.js';
import { createDuplicatesRoutes } from './duplicates-panel.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;
const PROPOSAL_DECISIONS = new Set(['accept', 'keep']);

export function createApplicationPage(options: OfficerPagesOptions): Router {
  const { applications, approvals } = options;
  const router = Router();

  const loadPage = (req: Request, id: string) => loadApplicationPage(options, req, requirePrincipal(req), id);
  const renderPage = (req: Request, res: Response, loaded: LoadedApplicationPage, states: PageStates, status: number) =>
    renderApplicationPage(req, res, loaded, states, status);

  router.get('/applications/:applicationId', async (req, res) => {
    renderApplicationPage(req, res, await loadPage(req, uuidParam(req, 'applicationId')));
  });

  router.post('/applications/:applicationId/stages/:position/decision', async (req, res) => {
    const principal = requirePrincipal(req);
    const id = uuidParam(req, 'applicationId');
    const position = Number(req.params.position);
    if (!Number.isInteger(position) || position < 1 || position > 32767) throw new NotFoundError('There is nothing at this address.');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = readDecisionForm(body);
    const key = typeof body.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(body.idempotencyKey) ? body.idempotencyKey : randomUUID();
    const stage = await approvals.findStageToDecide(principal, id);
    const items = stage?.checklist ?? [];
    const checklist = readChecklistAnswers(body, items);
    const errors = checkDecisionForm(values, stage?.kind === 'assessment', req.t);
    const checked = checkChecklistAnswers(checklist, items, values, req.t);
    if (checked.reasonText && !errors.reasonText) errors.reasonText = checked.reasonText;
    if (Object.keys(errors).length > 0 || Object.keys(checked.items).length > 0) {
      const decision = { values, errors, checklist, checklistErrors: checked.items, idempotencyKey: key };
      renderPage(req, res, await loadPage(req, id), { decision }, 400);
      return;
    }
    try {
      const { decision } = await approvals.decideStage(principal, {
        applicationId: id,
        position,
        input: { ...toDecisionInput(values), ...(items.length > 0 ? { checklist: toChecklistInput(checklist) } : {}) },
        idempotencyKey: key,
      });
      const reference = (await approvals.findReferences(principal, [id])).get(id) ?? '';
      await keepQueueNotice(req, { kind: 'decided', reference, decision: decision.decision });
      res.redirect(303, '/officer#queue-notice');
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      const loaded = await loadPage(req, id);
      const limits = {
        maximum: loaded.terms ? formatMoney(loaded.terms.maxAmount, loaded.terms.currency, loaded.locale) : '',
        estimatedCost: formatMoney(loaded.application.treatment.estimatedCost, loaded.application.treatment.currency, loaded.locale),
      };
      const onChecklist = explainChecklistRefusal(error, items, req.t);
      const explained = onChecklist
        ? { fields: onChecklist.reasonText ? { reasonText: onChecklist.reasonText } : {}, general: undefined }
        : explainRefusal(error, limits, req.t);
      // A refused decision recorded nothing: the next attempt is a new request with a new key.
      const decision = {
        values,
        errors: explained.fields,
        checklist,
        checklistErrors: onChecklist?.items ?? {},
        general: explained.general,
        idempotencyKey: randomUUID(),
      };
      renderPage(req, res, loaded, { decision }, error.status);
    }
  });

  // The first-stage officer accepts a proposed registry change, or keeps the registry's value.
  router.post('/applications/:applicationId/proposals/:field', async (req, res) => {
    const principal = requirePrincipal(req);
    const id = uuidParam(req, 'applicationId');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const decision =
      typeof body.decision === 'string' && PROPOSAL_DECISIONS.has(body.decision) ? (body.decision as 'accept' | 'keep') : undefined;
    const loadedBefore = await loadPage(req, id);
    const proposal = loadedBefore.application.registryProposals?.find((p) => p.field === req.params.field);
    if (!decision || !proposal) throw new NotFoundError('There is nothing at this address.');
    let update: PanelUpdate;
    try {
      await applications.decideRegistryProposal(principal, { applicationId: id, field: proposal.field, decision });
      const fieldName = req.t(`officer.proposals.field.${proposal.field}`);
      update = { announce: req.t(`officer.proposals.done.${decision}`, { field: fieldName }), focus: `proposal-${proposal.field}` };
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      update = { announce: req.t(`problem.${error.code}.title`), focus: `proposal-${proposal.field}` };
    }
    if (!wantsFragment(req)) {
      res.redirect(303, `/officer/applications/${id}#proposal-${proposal.field}`);
      return;
    }
    const loaded = await loadPage(req, id);
    res.render('officer/proposals-panel.njk', { proposals: presentProposals(req, loaded, update), csrfToken: res.locals.csrfToken });
  });

  // A document of the application, shown in the browser's own viewer: only to officers who may read it.
  router.get('/applications/:applicationId/documents/:documentId', async (req, res) => {
    const principal = requirePrincipal(req);
    const id = uuidParam(req, 'applicationId');
    const documentId = uuidParam(req, 'documentId');
    const application: Application = await applications.getApplication(principal, id);
    if (!application.documents.some((d) => d.documentId === documentId)) throw new NotFoundError('There is nothing at this address.');
    const { document, bytes } = await readDocumentContent(options.documents, {
      documentId,
      reader: principal,
      policy: options.documentReadPolicy,
    });
    // inline() is not in Express: attachment() encodes the name (ASCII and UTF-8 forms), then the type is made inline.
    res.attachment(document.fileName);
    res.setHeader('Content-Disposition', String(res.getHeader('Content-Disposition')).replace(/^attachment/, 'inline'));
    res.setHeader('Content-Type', document.mediaType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Personal (often medical) data: kept by no cache; no script runs in it. The application page frames
    // it (a PDF in place), and only that page's own origin may (docs/decisions.md).
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; object-src 'self'; frame-ancestors 'self'");
    res.send(bytes);
  });

  router.use(createDocumentVerificationRoutes({ pages: options, loadPage, renderPage }));
  router.use(createSignalsRoutes({ pages: options, loadPage, renderPage }));
  router.use(createDuplicatesRoutes({ pages: options, loadPage, renderPage }));
  return router;
}
