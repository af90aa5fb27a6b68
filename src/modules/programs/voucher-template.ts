/**
 * How a program's vouchers are printed: title, instructions, the fields shown and the language. The
 * database keeps only what a manager set (`voucher_template`); what was never set reads as the defaults.
 * The logo is kept beside it as bytes, checked to be PNG or JPEG by its first bytes.
 */
import type { components } from '../../generated/openapi.js';
import { AppError } from '../../platform/http/errors.js';
import { ForbiddenError } from '../../platform/http/errors.js';
import type { Actor } from './program-store.js';

export type VoucherTemplate = components['schemas']['VoucherTemplate'];
export type VoucherTemplateInput = components['schemas']['VoucherTemplateInput'];
export type VoucherField = components['schemas']['VoucherField'];
export type VoucherLogo = components['schemas']['VoucherLogo'];

/** Every field a voucher can print besides the QR code and the reference, in print order. */
export const VOUCHER_FIELDS: readonly VoucherField[] = ['name', 'program', 'amount', 'validity'];

/** A logo prints small; 200 KB is plenty and keeps each voucher PDF light. */
export const VOUCHER_LOGO_MAX_BYTES = 204_800;

/** What `programs.voucher_template` holds: only what a manager set. */
export interface StoredVoucherTemplate {
  title?: string;
  instructions?: { beneficiary?: string; provider?: string };
  printedFields?: VoucherField[];
  language?: VoucherTemplate['language'];
}

export interface VoucherTemplateRow {
  name: string;
  voucher_template: StoredVoucherTemplate;
  voucher_logo_type: VoucherLogo['mediaType'] | null;
  voucher_logo_size: number | null;
}

export function toVoucherTemplate(row: VoucherTemplateRow): VoucherTemplate {
  const stored = row.voucher_template;
  return {
    title: stored.title ?? row.name,
    instructions: { beneficiary: stored.instructions?.beneficiary ?? '', provider: stored.instructions?.provider ?? '' },
    // Kept in print order whatever order they were sent in.
    printedFields: VOUCHER_FIELDS.filter((field) => (stored.printedFields ?? VOUCHER_FIELDS).includes(field)),
    language: stored.language ?? 'en',
    logo: row.voucher_logo_type && row.voucher_logo_size ? { mediaType: row.voucher_logo_type, sizeBytes: row.voucher_logo_size } : null,
  };
}

/** What is stored from an input the contract has validated: blank instructions are left out. */
export function toStoredVoucherTemplate(input: VoucherTemplateInput): StoredVoucherTemplate {
  const beneficiary = input.instructions?.beneficiary?.trim();
  const provider = input.instructions?.provider?.trim();
  return {
    ...(input.title?.trim() ? { title: input.title.trim() } : {}),
    instructions: { ...(beneficiary ? { beneficiary } : {}), ...(provider ? { provider } : {}) },
    printedFields: VOUCHER_FIELDS.filter((field) => input.printedFields.includes(field)),
    language: input.language,
  };
}

/** The logo's type from its first bytes; the name and the declared type are not trusted. */
export function logoTypeOf(bytes: Uint8Array): VoucherLogo['mediaType'] {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((byte, index) => bytes[index] === byte)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  throw new AppError('ERR_VOUCHER_LOGO_NOT_IMAGE', { detail: 'The file sent is not a PNG or JPEG image.' });
}

export function assertLogoSize(bytes: Uint8Array): void {
  if (bytes.length <= VOUCHER_LOGO_MAX_BYTES) return;
  throw new AppError('ERR_VOUCHER_LOGO_TOO_LARGE', {
    detail: `The logo has ${bytes.length} bytes; a logo may have at most ${VOUCHER_LOGO_MAX_BYTES}.`,
  });
}

/** Only program managers shape what beneficiaries and providers hold in their hands. */
export function assertProgramManager(actor: Actor): void {
  if (!actor.roles.includes('program-manager')) throw new ForbiddenError('Only a program manager may change a voucher template.');
}
