/**
 * The voucher template's preview: a sketch of the printed voucher in black and white, in the voucher's
 * own language, with sample values for the fields chosen. It follows what is typed, saved or not, so a
 * too-long title shows as typed; the form says what is wrong with it.
 */
import type { Program, VoucherField, VoucherTemplate } from '../../modules/programs/index.js';
import { VOUCHER_FIELDS } from '../../modules/programs/index.js';
import type { Translate } from '../../platform/i18n/catalogs.js';
import { directionOf, isPageLanguage, LANGUAGE_NAMES, PAGE_LANGUAGES, type PageLanguage } from '../../platform/i18n/languages.js';
import { formatMoney } from '../money.js';
import type { VoucherTemplateFormValues } from './forms.js';

/** The words a voucher is printed in, for each language it may be printed in. */
export type PrintWords = (language: PageLanguage) => Translate;

export interface VoucherPreview {
  lang: PageLanguage;
  dir: 'ltr' | 'rtl';
  title: string;
  /** Where the preview takes the logo from; absent when there is none. */
  logoSrc?: string;
  fields: Array<{ key: VoucherField; label: string; value: string }>;
  beneficiary: string;
  provider: string;
  labels: { qr: string; reference: string; beneficiary: string; provider: string; logo: string };
}

function fieldsOf(values: VoucherTemplateFormValues): VoucherField[] {
  return VOUCHER_FIELDS.filter((field) => values.printedFields.includes(field));
}

export function voucherPreview(
  program: Pick<Program, 'id' | 'name' | 'maxAmount' | 'currency' | 'voucherValidityDays'>,
  values: VoucherTemplateFormValues,
  logo: VoucherTemplate['logo'],
  printWords: PrintWords,
): VoucherPreview {
  const lang: PageLanguage = isPageLanguage(values.language) ? values.language : 'en';
  const t = printWords(lang);
  const samples: Record<VoucherField, { label: string; value: string }> = {
    name: { label: t('admin.voucher.print.name'), value: t('admin.voucher.sample.name') },
    program: { label: t('admin.voucher.print.program'), value: program.name },
    amount: { label: t('admin.voucher.print.amount'), value: formatMoney(program.maxAmount, program.currency, lang) },
    validity: {
      label: t('admin.voucher.print.validity'),
      value: t('admin.voucher.sample.validity', { days: program.voucherValidityDays }),
    },
  };
  return {
    lang,
    dir: directionOf(lang),
    title: values.title || program.name,
    ...(logo ? { logoSrc: `/admin/programs/${program.id}/voucher-template/logo` } : {}),
    fields: fieldsOf(values).map((key) => ({ key, ...samples[key] })),
    beneficiary: values.beneficiaryInstructions,
    provider: values.providerInstructions,
    labels: {
      qr: t('admin.voucher.print.qr'),
      reference: t('admin.voucher.print.reference'),
      beneficiary: t('admin.voucher.print.beneficiary'),
      provider: t('admin.voucher.print.provider'),
      logo: t('admin.voucher.print.logo'),
    },
  };
}

/** The checkboxes and the language choices of the form, in the page's words. */
export function voucherFormChoices(t: Translate) {
  const fieldLabels: Record<VoucherField, string> = {
    name: t('admin.voucher.field.name'),
    program: t('admin.voucher.field.program'),
    amount: t('admin.voucher.field.amount'),
    validity: t('admin.voucher.field.validity'),
  };
  return {
    fields: VOUCHER_FIELDS.map((code) => ({ code, label: fieldLabels[code] })),
    languages: PAGE_LANGUAGES.map((code) => ({ code, name: LANGUAGE_NAMES[code] })),
  };
}
