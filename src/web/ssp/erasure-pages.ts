/**
 * "Erase my data" (`/ssp/my-data/erasure`): what erasure does and does not do, an optional reason, a
 * confirmation, then the request's state on every later visit. Plain forms: no script is needed. The request
 * is the signed-in person's own, found by their subject; the program manager completes it.
 */
import { Router, type Request, type Response } from 'express';
import type { ErasureService } from '../../modules/privacy/index.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { verifyCsrfToken } from '../../platform/web/csrf.js';
import { dateLocaleOf, formatMoment } from '../format-dates.js';

/** As the contract's `ErasureRequestInput.reason`. */
const REASON_MAX = 500;
/** Where the page is, under the portal's router (`/ssp`). */
const PAGE = '/my-data/erasure';

interface FormView {
  reason: string;
  error?: string;
  /** The person pressed "Continue": the page asks to confirm. */
  confirming?: boolean;
}

export function createErasurePages(erasure: Pick<ErasureService, 'requestErasure' | 'findOwnErasureRequest'>): Router {
  const router = Router();

  async function render(req: Request, res: Response, form: FormView, status = 200): Promise<void> {
    const request = await erasure.findOwnErasureRequest(requirePrincipal(req));
    const dates = { locale: dateLocaleOf(req.language), timeZone: 'UTC' };
    res.status(status).render('ssp/erasure.njk', {
      request: request && {
        ...request,
        requestedAtShown: formatMoment(request.requestedAt, dates),
        completedAtShown: request.completedAt ? formatMoment(request.completedAt, dates) : '',
      },
      form,
      reasonMax: REASON_MAX,
      errorList: form.error ? [{ message: form.error, href: '#f-reason' }] : [],
      notice: req.query.notice === 'requested' && request?.status === 'PENDING' ? req.t('ssp.erasure.requested') : '',
    });
  }

  router.get(PAGE, async (req, res) => {
    await render(req, res, { reason: '' });
  });

  // "Continue" (no `step`) asks to confirm; "Change the reason" (`step=edit`) goes back with what was typed;
  // "Yes, erase my data" (`step=confirm`) sends the request.
  router.post(PAGE, verifyCsrfToken, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const reason = typeof body.reason === 'string' ? body.reason : '';
    const step = typeof body.step === 'string' ? body.step : '';
    if ([...reason.trim()].length > REASON_MAX) {
      await render(req, res, { reason, error: req.t('ssp.erasure.reasonTooLong', { max: REASON_MAX }) }, 422);
      return;
    }
    if (step === 'edit') {
      await render(req, res, { reason });
      return;
    }
    if (step !== 'confirm') {
      await render(req, res, { reason, confirming: true });
      return;
    }
    await erasure.requestErasure(requirePrincipal(req), reason.trim() || undefined);
    res.redirect(303, `/ssp${PAGE}?notice=requested`);
  });

  return router;
}
