/**
 * Erasure requests (`/admin/erasure-requests`, role program-manager): the pending requests, and completing
 * one, asked then confirmed, each a plain form. A refusal (a voucher still in force, a request no longer
 * pending) is told on the page in plain words. Requests are shown by user name and date: the reason the
 * person gave is theirs to tell the program, and is shown too, as it may say what to do first.
 */
import { Router, type Request, type Response } from 'express';
import type { ErasureRequest, ErasureService } from '../../modules/privacy/index.js';
import { AppError, NotFoundError } from '../../platform/http/errors.js';
import { dateLocaleOf, formatMoment } from '../format-dates.js';
import { actorOf } from './context.js';
import { text, type FormBody } from './forms.js';
import { isUuid } from '../../platform/http/uuid.js';

export type ErasureOperations = Pick<ErasureService, 'listPendingErasureRequests' | 'completeErasure'>;

interface ErasureListView {
  notice?: string;
  alert?: string;
  /** The request the manager asked to complete: the page asks to confirm. */
  completing?: ErasureRequest;
}

/** The refusals a manager can act on, in the page's words. */
function refusalOf(error: unknown, req: Request): { status: number; message: string } | undefined {
  if (error instanceof AppError && error.code === 'ERR_ERASURE_VOUCHER_IN_FORCE') {
    return { status: error.status, message: req.t('admin.erasure.refused.voucherInForce') };
  }
  if (error instanceof AppError && error.code === 'ERR_ERASURE_NOT_PENDING') {
    return { status: error.status, message: req.t('admin.erasure.refused.notPending') };
  }
  if (error instanceof NotFoundError) return { status: 404, message: req.t('admin.erasure.refused.notPending') };
  return undefined;
}

export function createErasureRequestPages(erasure: ErasureOperations): Router {
  const router = Router();

  async function render(req: Request, res: Response, view: ErasureListView, status = 200): Promise<void> {
    const requests = await erasure.listPendingErasureRequests(actorOf(req));
    const dates = { locale: dateLocaleOf(req.language), timeZone: 'UTC' };
    const shown = (request: ErasureRequest) => ({ ...request, requestedAtShown: formatMoment(request.requestedAt, dates) });
    res.status(status).render('admin/erasure-requests.njk', {
      ...view,
      rows: requests.map(shown),
      completing: view.completing && shown(view.completing),
    });
  }

  router.get('/erasure-requests', async (req, res) => {
    await render(req, res, { notice: req.query.notice === 'completed' ? req.t('admin.erasure.notice.completed') : undefined });
  });

  // The row's button asks (`step` absent); the confirmation's button completes (`step=confirm`).
  router.post('/erasure-requests/:requestId/completion', async (req, res) => {
    const requestId = req.params.requestId;
    const pending = isUuid(requestId)
      ? (await erasure.listPendingErasureRequests(actorOf(req))).find((request) => request.id === requestId)
      : undefined;
    if (!pending) {
      await render(req, res, { alert: req.t('admin.erasure.refused.notPending') }, 409);
      return;
    }
    if (text(req.body as FormBody, 'step') !== 'confirm') {
      await render(req, res, { completing: pending });
      return;
    }
    try {
      await erasure.completeErasure(actorOf(req), pending.id);
    } catch (error) {
      const refused = refusalOf(error, req);
      if (!refused) throw error;
      await render(req, res, { alert: refused.message }, refused.status);
      return;
    }
    res.redirect(303, '/admin/erasure-requests?notice=completed');
  });

  return router;
}
