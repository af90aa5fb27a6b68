/**
 * The issuing officer's page (`/vouchers`): approved applications waiting for their voucher, oldest
 * approval first, to issue one, a selection or the whole page; and the vouchers issued last, to open and
 * reprint. Without script the form posts once and the page lists each result; with script (vouchers.js)
 * the same route is called a few items at a time and the page shows the progress as it goes.
 */
import { Router, type Request } from 'express';
import type { VoucherIssuanceItem } from '../../modules/vouchers/index.js';
import { hasAnyRole } from '../../platform/auth/principal.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { requirePageRole } from '../../platform/web/page-guard.js';
import { formatMoment } from '../format-dates.js';
import { formatMoney } from '../money.js';
import { datesOf, isUuid, localeOf } from '../officer/context.js';
import type { VoucherPagesOptions } from './context.js';
import { keepIssuanceNotice, takeIssuanceNotice, type IssuanceItemResult } from './issuance-notice.js';

const PAGE_SIZE = 50;
const RECENT = 20;

function pageNumber(value: unknown): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 && page <= 100_000 ? page : 1;
}

function describeResult(req: Request, result: IssuanceItemResult) {
  return {
    ...result,
    issued: result.refusedWith === undefined,
    words: result.refusedWith ? req.t(`problem.${result.refusedWith}.title`) : req.t('vouchers.issuance.issued'),
  };
}

export function createIssuancePage(options: VoucherPagesOptions): Router {
  const { vouchers, programs } = options;
  const router = Router();

  // Program managers and auditors see the vouchers issued last; only issuing officers the applications to issue.
  router.get('/', async (req, res) => {
    const page = pageNumber(req.query.page);
    const canIssue = hasAnyRole(requirePrincipal(req), ['issuing-officer']);
    const [issuable, recent] = await Promise.all([
      canIssue ? vouchers.listIssuable({ page, pageSize: PAGE_SIZE }) : { items: [], total: 0 },
      vouchers.listRecentVouchers(RECENT),
    ]);
    const zones = await programs.programTimeZones([...new Set([...issuable.items, ...recent].map((item) => item.programId))]);
    const locale = localeOf(req);
    const pages = Math.max(1, Math.ceil(issuable.total / PAGE_SIZE));
    const notice = takeIssuanceNotice(req);
    res.render('vouchers/issuance.njk', {
      canIssue,
      items: issuable.items.map((item) => ({
        ...item,
        amountText: formatMoney(item.amount, item.currency, locale),
        approved: formatMoment(item.approvedAt, datesOf(req, zones, item.programId)),
      })),
      total: issuable.total,
      recent: recent.map((voucher) => ({
        ...voucher,
        statusWords: req.t(`vouchers.status.${voucher.status}`),
        amountText: formatMoney(voucher.amount, voucher.currency, locale),
        issued: formatMoment(voucher.issuedAt, datesOf(req, zones, voucher.programId)),
      })),
      notice: notice && {
        summary: req.t('vouchers.issuance.summary', {
          issued: notice.filter((r) => !r.refusedWith).length,
          refused: notice.filter((r) => r.refusedWith).length,
        }),
        results: notice.map((result) => describeResult(req, result)),
      },
      chooseError: req.query.none !== undefined ? req.t('vouchers.issuance.chooseError') : '',
      paging: {
        page,
        pages,
        previous: page > 1 ? `/vouchers?page=${page - 1}` : undefined,
        next: page < pages ? `/vouchers?page=${page + 1}` : undefined,
      },
    });
  });

  // Each chosen application on its own: a refusal of one is reported and the others go on.
  router.post('/issue', requirePageRole('issuing-officer'), async (req, res) => {
    const principal = requirePrincipal(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const chosen = [
      ...new Set(
        ([] as unknown[])
          .concat(body.items ?? [])
          .filter(isUuid)
          .map((id) => id.toLowerCase()),
      ),
    ].slice(0, PAGE_SIZE);
    const wantsJson = req.accepts(['html', 'json']) === 'json';
    if (chosen.length === 0) {
      if (wantsJson) res.status(400).json({ results: [], error: req.t('vouchers.issuance.chooseError') });
      else res.redirect(303, '/vouchers?none#issue-form');
      return;
    }
    const issued: VoucherIssuanceItem[] = await vouchers.issueVouchers(principal, chosen);
    const references = await vouchers.findApplicationReferences(chosen);
    const results: IssuanceItemResult[] = issued.map((item) => ({
      applicationId: item.applicationId,
      reference: references.get(item.applicationId) ?? '—',
      ...(item.voucherId ? { voucherId: item.voucherId } : {}),
      ...(item.code ? { refusedWith: item.code } : {}),
    }));
    if (wantsJson) {
      res.json({ results: results.map((result) => describeResult(req, result)) });
      return;
    }
    await keepIssuanceNotice(req, results);
    res.redirect(303, '/vouchers#issue-notice');
  });

  return router;
}
