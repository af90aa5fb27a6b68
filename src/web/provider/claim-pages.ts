/**
 * The facility's reimbursement claims in the Service Provider Portal: its claims with their status, and a new
 * claim (its unclaimed redemptions to choose, the total, the invoice as a file). The form is multipart, so it
 * is read before its CSRF token is checked; a refused claim comes back with what was chosen and typed (the
 * file must be chosen again: browsers never refill a file field).
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Claim, ClaimsService, Redemption } from '../../modules/claims/index.js';
import { INVOICE_KIND, uploadDocument, type DocumentStore } from '../../modules/documents/index.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { AppError } from '../../platform/http/errors.js';
import { verifyCsrfToken } from '../../platform/web/csrf.js';
import { formatMoment } from '../format-dates.js';
import { formatMoney } from '../money.js';
import { localeOf, uuidParam } from '../officer/context.js';
import { readUploadForm, uploadFormOf } from '../ssp/upload-form.js';

export interface ProviderClaimPagesOptions {
  claims: ClaimsService;
  documents: DocumentStore;
}

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

interface ClaimForm {
  chosen: string[];
  total: string;
  errors: { redemptions?: string; total?: string; invoice?: string; form?: string };
}

function presentClaim(req: Request, claim: Claim) {
  const dates = { locale: localeOf(req), timeZone: 'UTC' };
  return {
    id: claim.id,
    status: claim.status,
    statusWords: req.t(`provider.claim.status.${claim.status}`),
    total: formatMoney(claim.total, claim.currency, localeOf(req)),
    redemptions: claim.redemptionIds.length,
    submittedAt: { iso: claim.submittedAt, text: formatMoment(claim.submittedAt, dates) },
    decisionReason: claim.decisionReason ?? '',
    paymentReference: claim.paymentReference ?? '',
  };
}

function presentRedemption(req: Request, redemption: Redemption) {
  return {
    id: redemption.id,
    amount: formatMoney(redemption.amount, redemption.currency, localeOf(req)),
    amountValue: redemption.amount,
    service: redemption.service,
    redeemedAt: formatMoment(redemption.redeemedAt, { locale: localeOf(req), timeZone: 'UTC' }),
  };
}

export function createProviderClaimPages(options: ProviderClaimPagesOptions): Router {
  const { claims, documents } = options;
  const router = Router();

  async function renderNew(req: Request, res: Response, form: ClaimForm, status = 200) {
    const unclaimed = await claims.listOwnRedemptions(requirePrincipal(req), { page: 1, pageSize: 100 }, { unclaimed: true });
    res.status(status).render('provider/claim-new.njk', {
      redemptions: unclaimed.items.map((item) => presentRedemption(req, item)),
      form,
    });
  }

  router.get('/claims', async (req, res) => {
    const page = await claims.listClaims(requirePrincipal(req), { page: 1, pageSize: 100 });
    res.render('provider/claims.njk', {
      claims: page.items.map((claim) => presentClaim(req, claim)),
      submitted: req.query.submitted === '1',
    });
  });

  router.get('/claims/new', async (req, res) => renderNew(req, res, { chosen: [], total: '', errors: {} }));

  const verifyUploadCsrf: RequestHandler = (req, res, next) => {
    if (uploadFormOf(req).tooLarge) next();
    else verifyCsrfToken(req, res, next);
  };
  router.post('/claims', readUploadForm(documents.maxBytes), verifyUploadCsrf, async (req, res) => {
    const principal = requirePrincipal(req);
    const upload = uploadFormOf(req);
    const form: ClaimForm = {
      chosen: (upload.values.redemption ?? []).filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
      total: (upload.fields.total ?? '').trim().replace(',', '.'),
      errors: {},
    };
    if (upload.tooLarge) form.errors.invoice = req.t('provider.claim.invoiceTooLarge');
    else if (!upload.file) form.errors.invoice = req.t('provider.claim.invoiceMissing');
    if (form.chosen.length === 0) form.errors.redemptions = req.t('provider.claim.chooseRedemptions');
    if (!MONEY.test(form.total) || Number(form.total) <= 0) form.errors.total = req.t('provider.claim.totalInvalid');
    if (form.errors.invoice || form.errors.redemptions || form.errors.total) return renderNew(req, res, form, upload.tooLarge ? 413 : 400);
    try {
      const invoice = await uploadDocument(documents, {
        uploader: principal,
        kind: INVOICE_KIND,
        fileName: upload.file?.name ?? 'invoice',
        bytes: upload.file?.bytes ?? Buffer.alloc(0),
      });
      const { claim } = await claims.submitClaim(principal, {
        redemptionIds: form.chosen,
        total: form.total,
        invoiceDocumentId: invoice.id,
      });
      res.redirect(303, `/provider/claims/${claim.id}?submitted=1`);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const expected = typeof error.extensions.expectedTotal === 'string' ? error.extensions.expectedTotal : undefined;
      if (error.code === 'ERR_CLAIM_TOTAL_MISMATCH' && expected) form.errors.total = req.t('provider.claim.totalMismatch', { expected });
      else form.errors.form = `${req.t(`problem.${error.code}.title`)}. ${req.t(`problem.${error.code}.explanation`)}`;
      await renderNew(req, res, form, error.status);
    }
  });

  router.get('/claims/:claimId', async (req, res) => {
    const principal = requirePrincipal(req);
    const claimId = uuidParam(req, 'claimId');
    const claim = await claims.getClaim(principal, claimId);
    const redemptions = await claims.listClaimRedemptions(principal, claimId);
    res.render('provider/claim.njk', {
      claim: presentClaim(req, claim),
      redemptions: redemptions.map((item) => presentRedemption(req, item)),
      submitted: req.query.submitted === '1',
    });
  });

  return router;
}
