/**
 * A voucher as a page shows it, to its applicant or an officer: status in words, amount and dates in the
 * page's language and the program's time zone, the QR code drawn as SVG, and where its files are.
 */
import type { Request } from 'express';
import { drawQrSvg, type Voucher } from '../../modules/vouchers/index.js';
import { formatMoment } from '../format-dates.js';
import { formatMoney } from '../money.js';
import { datesOf, localeOf } from '../officer/context.js';
import type { VoucherPagesOptions } from './context.js';

export interface VoucherView {
  id: string;
  reference: string;
  status: Voucher['status'];
  statusWords: string;
  statusReason?: string;
  amount: string;
  validFrom: { iso: string; text: string };
  validUntil: { iso: string; text: string };
  /** Markup of the QR code, from the qrcode package (numbers and paths only). */
  qrSvg: string;
  files: { json: string; png: string; pdf: string };
}

/** `filesBase`: where the portal serves the voucher's files (`/ssp/vouchers` or `/vouchers`). */
export async function presentVoucher(
  req: Request,
  options: VoucherPagesOptions,
  voucher: Voucher,
  filesBase: string,
): Promise<VoucherView> {
  const zones = await options.programs.programTimeZones([voucher.programId]);
  const dates = datesOf(req, zones, voucher.programId);
  const base = `${filesBase}/${voucher.id}`;
  return {
    id: voucher.id,
    reference: voucher.applicationReference,
    status: voucher.status,
    statusWords: req.t(`vouchers.status.${voucher.status}`),
    ...(voucher.statusReason ? { statusReason: voucher.statusReason } : {}),
    amount: formatMoney(voucher.amount, voucher.currency, localeOf(req)),
    validFrom: { iso: voucher.validFrom, text: formatMoment(voucher.validFrom, dates) },
    validUntil: { iso: voucher.validUntil, text: formatMoment(voucher.validUntil, dates) },
    qrSvg: await drawQrSvg(voucher.qrText),
    files: { json: `${base}/voucher.json`, png: `${base}/qr.png`, pdf: `${base}/voucher.pdf` },
  };
}
