/**
 * The documents panel of the officer's application page: each attached document viewed in place (an image
 * as an image, a PDF in a frame, with a link to open it), who verified or rejected it and when, and for the
 * officer of the current stage a form to mark it verified, or rejected with a reason. htmx swaps the panel
 * in place; without JavaScript the form posts and the page comes back (redirect, or the page with the error).
 */
import { Router, type Request, type Response } from 'express';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { AppError, NotFoundError } from '../../platform/http/errors.js';
import { formatMoment } from '../format-dates.js';
import type { LoadedApplicationPage, PanelUpdate } from './application-view.js';
import { uuidParam, wantsFragment, type OfficerPagesOptions } from './context.js';

const VERDICTS = new Set(['verified', 'rejected']);

export interface DocumentsPanelState {
  update?: PanelUpdate;
  /** What the officer typed in the refused form of one document, and why it was refused. */
  typed?: { documentId: string; reason: string; error: string };
}

/** How the page shows a document's content in place: the browser's own viewers, nothing of ours in between. */
function viewerOf(mediaType: string): 'image' | 'pdf' | 'link' {
  if (mediaType.startsWith('image/')) return 'image';
  return mediaType === 'application/pdf' ? 'pdf' : 'link';
}

export function presentDocumentsPanel(req: Request, loaded: LoadedApplicationPage, state: DocumentsPanelState = {}) {
  const { application, stage, verifications, dates, locale } = loaded;
  const size = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  const items = application.documents.map((d) => {
    const verification = verifications.find((v) => v.documentId === d.documentId);
    const typed = state.typed?.documentId === d.documentId ? state.typed : undefined;
    const words = {
      officer: verification?.recordedBy.displayName ?? '',
      when: verification ? formatMoment(new Date(verification.recordedAt), dates) : '',
    };
    return {
      documentId: d.documentId,
      fileName: d.fileName,
      kindLabel: req.t(`officer.documentKind.${d.kind}`),
      size: size.format(Math.max(1, d.sizeBytes / 1024)),
      href: `/officer/applications/${application.id}/documents/${d.documentId}`,
      action: `/officer/applications/${application.id}/documents/${d.documentId}/verification`,
      viewer: viewerOf(d.mediaType),
      verdict: verification?.verdict,
      verdictWords: verification ? req.t(`officer.documents.${verification.verdict}By`, words) : req.t('officer.documents.notChecked'),
      verdictReason: verification?.reason,
      reason: typed?.reason ?? '',
      error: typed?.error,
    };
  });
  const refused = items.find((item) => item.error);
  return {
    applicationId: application.id,
    items,
    mayVerify: stage?.designated === true,
    update: state.update,
    summary: refused ? [{ message: refused.error, href: `#f-reason-${refused.documentId}` }] : [],
  };
}

export interface DocumentVerificationRoutesOptions {
  pages: OfficerPagesOptions;
  loadPage: (req: Request, id: string) => Promise<LoadedApplicationPage>;
  renderPage: (
    req: Request,
    res: Response,
    loaded: LoadedApplicationPage,
    states: { documents: DocumentsPanelState },
    status: number,
  ) => void;
}

export function createDocumentVerificationRoutes({ pages, loadPage, renderPage }: DocumentVerificationRoutesOptions): Router {
  const router = Router();

  /** The panel (htmx) or the page, read again unless nothing changed since `unchanged` was read. */
  const answer = async (
    req: Request,
    res: Response,
    id: string,
    state: DocumentsPanelState,
    status: number,
    unchanged?: LoadedApplicationPage,
  ) => {
    const loaded = unchanged ?? (await loadPage(req, id));
    if (wantsFragment(req)) {
      res.status(status).render('officer/documents-panel.njk', {
        documentsPanel: presentDocumentsPanel(req, loaded, state),
        csrfToken: res.locals.csrfToken,
      });
    } else {
      renderPage(req, res, loaded, { documents: state }, status);
    }
  };

  router.post('/applications/:applicationId/documents/:documentId/verification', async (req, res) => {
    const principal = requirePrincipal(req);
    const id = uuidParam(req, 'applicationId');
    const documentId = uuidParam(req, 'documentId');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const verdict = typeof body.verdict === 'string' && VERDICTS.has(body.verdict) ? (body.verdict as 'verified' | 'rejected') : undefined;
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    const before = await loadPage(req, id);
    const document = before.application.documents.find((d) => d.documentId === documentId);
    if (!verdict || !document) throw new NotFoundError('There is nothing at this address.');
    const focus = `document-${documentId}`;
    if (verdict === 'rejected' && reason === '') {
      const error = req.t('officer.documents.error.reason', { name: document.fileName });
      const state = { typed: { documentId, reason, error }, update: { announce: error, focus: 'documents-errors' } };
      await answer(req, res, id, state, 400, before);
      return;
    }
    try {
      await pages.approvals.verifyDocument(principal, {
        applicationId: id,
        documentId,
        input: { verdict, ...(reason && verdict === 'rejected' ? { reason } : {}) },
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      const said = `${req.t(`problem.${error.code}.title`)}. ${req.t(`problem.${error.code}.explanation`)}`;
      await answer(
        req,
        res,
        id,
        { typed: { documentId, reason, error: said }, update: { announce: said, focus: 'documents-errors' } },
        error.status,
      );
      return;
    }
    if (!wantsFragment(req)) {
      res.redirect(303, `/officer/applications/${id}#${focus}`);
      return;
    }
    const announce = req.t(`officer.documents.done.${verdict}`, { name: document.fileName });
    await answer(req, res, id, { update: { announce, focus } }, 200);
  });

  return router;
}
