/**
 * Claims review (`/claims`, role `claims-officer`): the queue of claims by status, each claim with its
 * facility, redemptions and invoice, the decision (approve, or reject with a reason: what was typed is kept
 * when the form is refused) and the payment with its reference, and the export of every claim as CSV. The
 * redemption signals show as a count in the queue and, on the claim, in plain words next to their redemptions.
 */
import { Router, type Request, type Response } from 'express';
import type { Claim, ClaimSignal, ClaimsService, ClaimStatus } from '../../modules/claims/index.js';
import { readDocumentContent, type DocumentReadPolicy, type DocumentStore } from '../../modules/documents/index.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { verifyCsrfToken } from '../../platform/web/csrf.js';
import { requirePageRole } from '../../platform/web/page-guard.js';
import { formatMoment } from '../format-dates.js';
import { formatMoney } from '../money.js';
import { localeOf, uuidParam } from '../officer/context.js';

export interface ClaimsPagesOptions {
  claims: ClaimsService;
  documents: DocumentStore;
  documentReadPolicy: DocumentReadPolicy;
}

const STATUSES: readonly ClaimStatus[] = ['SUBMITTED', 'APPROVED', 'PAID', 'REJECTED'];
const REASON_LIMIT = 2000;
const REFERENCE_LIMIT = 200;

interface ClaimForms {
  decision?: 'approve' | 'reject';
  reason: string;
  paymentReference: string;
  errors: { decision?: string; payment?: string };
}

function presentClaim(req: Request, claim: Claim) {
  const dates = { locale: localeOf(req), timeZone: 'UTC' };
  return {
    id: claim.id,
    status: claim.status,
    statusWords: req.t(`claims.status.${claim.status}`),
    providerName: claim.providerName,
    total: formatMoney(claim.total, claim.currency, localeOf(req)),
    redemptions: claim.redemptionIds.length,
    submittedAt: { iso: claim.submittedAt, text: formatMoment(claim.submittedAt, dates) },
    decisionReason: claim.decisionReason ?? '',
    paymentReference: claim.paymentReference ?? '',
  };
}

/** A signal's explanation in the reader's language, from its kind and figures. */
function explanationOf(req: Request, signal: ClaimSignal): string {
  const { evidence } = signal;
  switch (signal.kind) {
    case 'many-redemptions-one-beneficiary':
    case 'always-maximum-amount':
      return req.t(`claims.signals.explain.${signal.kind}`, { count: evidence.redemptionCount ?? 0, days: evidence.windowDays ?? 0 });
    case 'outside-voucher-region':
      return req.t('claims.signals.explain.outside-voucher-region', {
        facilityRegion: evidence.providerRegion ?? '',
        beneficiaryRegion: evidence.beneficiaryRegion ?? '',
      });
  }
}

interface PresentedRedemption {
  id: string;
  anchor: string;
  amount: string;
  service: string;
  redeemedAt: string;
}

/** Each signal with what it concerns, and each redemption with the signals that concern it (anchors link the two). */
function presentSignals(req: Request, signals: readonly ClaimSignal[], redemptions: readonly PresentedRedemption[]) {
  const items = signals.map((signal, index) => ({
    kind: signal.kind,
    anchor: `signal-${index + 1}`,
    title: req.t(`claims.signals.kind.${signal.kind}`),
    explanation: explanationOf(req, signal),
    redemptions: redemptions
      .filter((redemption) => signal.redemptionIds.includes(redemption.id))
      .map((redemption) => ({ anchor: redemption.anchor, words: `${redemption.redeemedAt}: ${redemption.amount}` })),
  }));
  return {
    items,
    redemptions: redemptions.map((redemption) => ({
      ...redemption,
      signals: items
        .filter((item) => item.redemptions.some((concerned) => concerned.anchor === redemption.anchor))
        .map((item) => ({ anchor: item.anchor, title: item.title })),
    })),
  };
}

export function createClaimsPages(options: ClaimsPagesOptions): Router {
  const { claims } = options;
  const router = Router();
  router.use(requirePageRole('claims-officer'));
  router.use(verifyCsrfToken);

  router.get('/', async (req, res) => {
    const status = (STATUSES as readonly unknown[]).includes(req.query.status) ? (req.query.status as ClaimStatus) : 'SUBMITTED';
    const principal = requirePrincipal(req);
    const page = await claims.listClaims(principal, { page: 1, pageSize: 100, status });
    const signals = await claims.listClaimSignals(
      principal,
      page.items.map((claim) => claim.id),
    );
    res.render('claims/queue.njk', {
      status,
      tabs: STATUSES.map((code) => ({ code, words: req.t(`claims.status.${code}`), current: code === status })),
      claims: page.items.map((claim) => ({ ...presentClaim(req, claim), signals: signals.get(claim.id)?.length ?? 0 })),
      total: page.total,
    });
  });

  router.get('/export.csv', async (req, res) => {
    const csv = await claims.exportClaimsCsv(requirePrincipal(req));
    res.type('text/csv; charset=utf-8').attachment('claims.csv').send(csv);
  });

  async function renderClaim(req: Request, res: Response, claimId: string, forms: ClaimForms, status = 200) {
    const principal = requirePrincipal(req);
    const claim = await claims.getClaim(principal, claimId);
    const redemptions = await claims.listClaimRedemptions(principal, claimId);
    const signals = presentSignals(
      req,
      claim.signals ?? [],
      redemptions.map((item, index) => ({
        id: item.id,
        anchor: `redemption-${index + 1}`,
        amount: formatMoney(item.amount, item.currency, localeOf(req)),
        service: item.service,
        redeemedAt: formatMoment(item.redeemedAt, { locale: localeOf(req), timeZone: 'UTC' }),
      })),
    );
    res.status(status).render('claims/claim.njk', {
      claim: presentClaim(req, claim),
      signals: signals.items,
      redemptions: signals.redemptions,
      forms,
      changed: typeof req.query.changed === 'string' ? req.query.changed : '',
    });
  }

  router.get('/:claimId', async (req, res) =>
    renderClaim(req, res, uuidParam(req, 'claimId'), { reason: '', paymentReference: '', errors: {} }),
  );

  router.get('/:claimId/invoice', async (req, res) => {
    const principal = requirePrincipal(req);
    const claim = await claims.getClaim(principal, uuidParam(req, 'claimId'));
    const { document, bytes } = await readDocumentContent(options.documents, {
      documentId: claim.invoiceDocumentId,
      reader: principal,
      policy: options.documentReadPolicy,
    });
    res.attachment(document.fileName);
    res.setHeader('Content-Type', document.mediaType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.send(bytes);
  });

  router.post('/:claimId/decision', async (req, res) => {
    const claimId = uuidParam(req, 'claimId');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const decision = body.decision === 'approve' || body.decision === 'reject' ? body.decision : undefined;
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    const forms: ClaimForms = { decision, reason, paymentReference: '', errors: {} };
    if (!decision) forms.errors.decision = req.t('claims.decision.choose');
    else if (decision === 'reject' && reason === '') forms.errors.decision = req.t('claims.decision.reasonMissing');
    else if (reason.length > REASON_LIMIT) forms.errors.decision = req.t('claims.decision.reasonTooLong', { limit: REASON_LIMIT });
    if (forms.errors.decision || !decision) return renderClaim(req, res, claimId, forms, 400);
    await claims.decideClaim(requirePrincipal(req), claimId, { decision, ...(reason ? { reason } : {}) });
    res.redirect(303, `/claims/${claimId}?changed=${decision}`);
  });

  router.post('/:claimId/payment', async (req, res) => {
    const claimId = uuidParam(req, 'claimId');
    const reference = typeof req.body?.paymentReference === 'string' ? req.body.paymentReference.trim() : '';
    const forms: ClaimForms = { reason: '', paymentReference: reference, errors: {} };
    if (reference === '') forms.errors.payment = req.t('claims.payment.referenceMissing');
    else if (reference.length > REFERENCE_LIMIT)
      forms.errors.payment = req.t('claims.payment.referenceTooLong', { limit: REFERENCE_LIMIT });
    if (forms.errors.payment) return renderClaim(req, res, claimId, forms, 400);
    await claims.payClaim(requirePrincipal(req), claimId, reference);
    res.redirect(303, `/claims/${claimId}?changed=paid`);
  });

  return router;
}
