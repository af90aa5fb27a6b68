/**
 * The printable voucher as its program's template says: title, instructions, printed fields, logo and
 * language (Arabic prints in English for now: the PDF fonts have no Arabic, see voucher-pdf.ts). Kept on
 * its first download, so every reprint is the same paper.
 */
import { renderVoucherPdf, type Voucher } from '../../modules/vouchers/index.js';
import { DEFAULT_LOCALE, formatMoment } from '../format-dates.js';
import { formatMoney } from '../money.js';
import type { VoucherPagesOptions } from './context.js';

const PRINTABLE_LANGUAGES = new Set(['en', 'fr']);

export function pdfRendererFor(options: VoucherPagesOptions) {
  return async (voucher: Voucher): Promise<Buffer> => {
    const { template, logo } = await options.programs.readPrintableVoucherTemplate(voucher.programId);
    const language = PRINTABLE_LANGUAGES.has(template.language) ? (template.language as 'en' | 'fr') : 'en';
    const t = options.messages.translatorFor(language);
    const locale = language === 'en' ? DEFAULT_LOCALE : language;
    const zones = await options.programs.programTimeZones([voucher.programId]);
    const dates = { locale, timeZone: zones.get(voucher.programId) ?? 'UTC' };
    const subject = voucher.credential.credentialSubject as { name: string };
    return renderVoucherPdf({
      qrText: voucher.qrText,
      title: template.title,
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
      printedFields: [
        ...template.printedFields.flatMap((field) => (field === 'validity' ? (['validFrom', 'validUntil'] as const) : [field])),
        'reference',
      ],
      instructions: {
        beneficiary: template.instructions.beneficiary || t('vouchers.pdf.beneficiaryText'),
        provider: template.instructions.provider || t('vouchers.pdf.providerText'),
      },
      ...(logo ? { logo: logo.bytes } : {}),
    });
  };
}
