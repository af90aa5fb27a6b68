/** A scan's result as a page says it (the Service Provider Portal and the public scanner page): each check in the page's language. */
import type { Request } from 'express';
import type { ScanVerification } from '../../modules/verification/index.js';
import { formatMoment } from '../format-dates.js';
import { formatMoney } from '../money.js';
import { localeOf } from '../officer/context.js';

export function moneyOf(req: Request, amount: string | undefined, currency: string | undefined): string {
  return formatMoney(amount, currency, localeOf(req));
}

/** The scan result as the page says it: each check in the page's language. */
export function presentScan(req: Request, scan: ScanVerification) {
  const voucher = scan.voucher;
  const dates = { locale: localeOf(req), timeZone: 'UTC' };
  return {
    verified: scan.verified,
    checks: scan.checks.map((check) => ({
      name: req.t(`provider.check.${check.check}`),
      passed: check.passed,
      reason: check.code ? req.t(`problem.${check.code}.title`) : '',
      advice: check.code ? req.t(`problem.${check.code}.explanation`) : '',
    })),
    voucher: voucher && {
      id: voucher.id,
      name: voucher.name,
      program: voucher.program,
      treatmentType: voucher.treatmentType,
      reference: voucher.applicationReference,
      amount: moneyOf(req, voucher.amount, voucher.currency),
      validUntil: Date.parse(voucher.validUntil) ? formatMoment(voucher.validUntil, dates) : voucher.validUntil,
    },
    redemption: scan.redemption && {
      status: req.t(`vouchers.status.${scan.redemption.status}`),
      redeemed: moneyOf(req, scan.redemption.amountRedeemed, scan.redemption.currency),
      remaining: moneyOf(req, scan.redemption.amountRemaining, scan.redemption.currency),
      remainingValue: scan.redemption.amountRemaining,
      currency: scan.redemption.currency,
    },
  };
}
