/**
 * The Service Provider Portal (`/provider`, role `service-provider`): scan a voucher (camera, a photo or the
 * pasted text; the page decodes the image in the browser), see at once whether it is valid and what it
 * entitles to, redeem it for what was given, and keep the receipt; the facility's redemptions. Every POST is
 * CSRF-checked; every read and change goes through the services as the signed-in provider user.
 */
import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { ClaimsService, Redemption } from '../../modules/claims/index.js';
import type { DocumentStore } from '../../modules/documents/index.js';
import type { VerificationService } from '../../modules/verification/index.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { AppError } from '../../platform/http/errors.js';
import { verifyCsrfToken } from '../../platform/web/csrf.js';
import { requirePageRole } from '../../platform/web/page-guard.js';
import { formatMoment } from '../format-dates.js';
import { localeOf, uuidParam } from '../officer/context.js';
import { moneyOf, presentScan } from '../scan/present-scan.js';
import { createProviderClaimPages } from './claim-pages.js';

export interface ProviderPagesOptions {
  verification: VerificationService;
  claims: ClaimsService;
  /** Where the claims' invoices are kept. */
  documents: DocumentStore;
}

const CODE_LIMIT = 8000;
const SERVICE_LIMIT = 500;
const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

interface RedeemForm {
  amount: string;
  service: string;
  /** One per form shown: a second press of the button, or a retried post, redeems once. */
  idempotencyKey: string;
  errors: { amount?: string; service?: string; form?: string };
}

function presentRedemption(req: Request, redemption: Redemption) {
  return {
    id: redemption.id,
    voucherId: redemption.voucherId,
    providerName: redemption.providerName,
    amount: moneyOf(req, redemption.amount, redemption.currency),
    remainingAfter: moneyOf(req, redemption.remainingAfter, redemption.currency),
    service: redemption.service,
    redeemedAt: { iso: redemption.redeemedAt, text: formatMoment(redemption.redeemedAt, { locale: localeOf(req), timeZone: 'UTC' }) },
  };
}

export function createProviderPages(options: ProviderPagesOptions): Router {
  const { verification, claims } = options;
  const router = Router();
  router.use(requirePageRole('service-provider'));
  // The claim form is multipart: it checks its own token once it is read.
  router.use(createProviderClaimPages({ claims, documents: options.documents }));
  router.use(verifyCsrfToken);

  const renderScan = (res: Response, code: string, error: string, status = 200) =>
    res.status(status).render('provider/scan.njk', { code, error });

  /** The result of a scan, with the redeem form when the voucher can be redeemed by this user's facility. */
  async function renderResult(req: Request, res: Response, code: string, form: RedeemForm | undefined, status = 200) {
    const principal = requirePrincipal(req);
    const scan = await verification.verifyScan({ text: code }, principal);
    const facility = await claims.providerOf(principal).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'ERR_PROVIDER_NOT_LINKED') return undefined;
      throw error;
    });
    const remaining = scan.redemption?.amountRemaining;
    const redeemable = scan.verified && facility !== undefined && remaining !== undefined && Number(remaining) > 0;
    res.status(status).render('provider/result.njk', {
      code,
      scan: presentScan(req, scan),
      facility,
      redeemable,
      form: form ?? { amount: remaining ?? '', service: '', idempotencyKey: randomUUID(), errors: {} },
    });
  }

  router.get('/', (_req, res) => renderScan(res, '', ''));

  router.post('/scan', async (req, res) => {
    const code = typeof req.body?.code === 'string' ? req.body.code.trim() : '';
    if (code === '') return renderScan(res, '', req.t('provider.scan.codeMissing'), 400);
    if (code.length > CODE_LIMIT) return renderScan(res, code.slice(0, CODE_LIMIT), req.t('provider.scan.codeTooLong'), 400);
    await renderResult(req, res, code, undefined);
  });

  router.post('/redeem', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
    const code = text('code').slice(0, CODE_LIMIT);
    const voucherId = text('voucherId');
    const form: RedeemForm = {
      amount: text('amount').replace(',', '.'),
      service: text('service'),
      idempotencyKey: /^[A-Za-z0-9-]{8,64}$/.test(text('idempotencyKey')) ? text('idempotencyKey') : randomUUID(),
      errors: {},
    };
    if (!MONEY.test(form.amount) || Number(form.amount) <= 0) form.errors.amount = req.t('provider.redeem.amountInvalid');
    if (form.service === '') form.errors.service = req.t('provider.redeem.serviceMissing');
    if (form.service.length > SERVICE_LIMIT) form.errors.service = req.t('provider.redeem.serviceTooLong', { limit: SERVICE_LIMIT });
    if (code === '' || !/^[0-9a-f-]{36}$/i.test(voucherId)) return renderScan(res, code, req.t('provider.scan.codeMissing'), 400);
    if (form.errors.amount || form.errors.service) return renderResult(req, res, code, form, 400);
    try {
      const { redemption } = await claims.redeemVoucher(
        requirePrincipal(req),
        { voucherId, amount: form.amount, service: form.service },
        form.idempotencyKey,
      );
      res.redirect(303, `/provider/redemptions/${redemption.id}?redeemed=1`);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      form.errors.form = `${req.t(`problem.${error.code}.title`)}. ${req.t(`problem.${error.code}.explanation`)}`;
      // The same key would replay nothing (the refusal was not kept): a fresh one for the next try.
      form.idempotencyKey = randomUUID();
      await renderResult(req, res, code, form, error.status === 404 ? 404 : 422);
    }
  });

  router.get('/redemptions', async (req, res) => {
    const principal = requirePrincipal(req);
    const page = await claims.listOwnRedemptions(principal, { page: 1, pageSize: 100 }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'ERR_PROVIDER_NOT_LINKED') return undefined;
      throw error;
    });
    res.render('provider/redemptions.njk', {
      linked: page !== undefined,
      redemptions: (page?.items ?? []).map((item) => presentRedemption(req, item)),
      total: page?.total ?? 0,
    });
  });

  router.get('/redemptions/:redemptionId', async (req, res) => {
    const redemption = await claims.getRedemption(requirePrincipal(req), uuidParam(req, 'redemptionId'));
    res.render('provider/receipt.njk', { redemption: presentRedemption(req, redemption), redeemed: req.query.redeemed === '1' });
  });

  return router;
}
