/**
 * The printable voucher in the reader's words: labels, dates and amount in the page's language (Arabic
 * prints in English for now: the PDF fonts have no Arabic, see voucher-pdf.ts). Kept on its first download.
 */
import type { Request } from 'express';
import { renderVoucherPdf, type Voucher } from '../../modules/vouchers/index.js';
import { DEFAULT_LOCALE, formatMoment } from '../format-dates.js';
import { formatMoney } from '../money.js';
import type { VoucherPagesOptions } from './context.js';

const PRINTABLE_LANGUAGES = new Set(['en', 'fr']);

export function pdfRendererFor(req: Request, options: VoucherPagesOptions) {
  const language = PRINTABLE_LANGUAGES.has(req.language) ? req.language : 'en';
  const t = language === req.language ? req.t : options.messages.translatorFor('en');
  const locale = language === 'en' ? DEFAULT_LOCALE : language;
  return async (voucher: Voucher): Promise<Buffer> => {
    const zones = await options.programs.programTimeZones([voucher.programId]);
    const dates = { locale, timeZone: zones.get(voucher.programId) ?? 'UTC' };
    const subject = voucher.credential.credentialSubject as { name: string };
    return renderVoucherPdf({
      qrText: voucher.qrText,
      title: t('vouchers.pdf.title', { program: voucher.programName }),
      language,
      labels: {
        name: t('vouchers.pdf.name'),
        program: t('vouchers.pdf.program'),
        amount: t('vouchers.pdf.amount'),
        validFrom: t('vouchers.pdf.validFrom'),
        validUntil: t('vouchers.pdf.validUntil'),
        reference: t('vouchers.pdf.reference'),
        forBeneficiary: t('vouchers.pdf.forBeneficiary'),
        forProvider: t('vouchers.pdf.forProvider'),
      },
      fields: {
        name: subject.name,
        program: voucher.programName,
        amount: formatMoney(voucher.amount, voucher.currency, locale),
        validFrom: formatMoment(voucher.validFrom, dates),
        validUntil: formatMoment(voucher.validUntil, dates),
        reference: voucher.applicationReference,
      },
      instructions: { beneficiary: t('vouchers.pdf.beneficiaryText'), provider: t('vouchers.pdf.providerText') },
    });
  };
}
