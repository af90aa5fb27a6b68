/** A voucher row as stored, and the API's view of it. */
import type { components } from '../../generated/openapi.js';
import type { UnknownCredential } from './credential.js';

export type Voucher = components['schemas']['Voucher'];
export type VoucherStatus = components['schemas']['VoucherStatus'];

export interface VoucherRow {
  id: string;
  application_id: string;
  application_reference: string;
  applicant_subject: string;
  program_id: string;
  program_name: string;
  status: VoucherStatus;
  status_reason: string | null;
  status_list: number;
  status_index: number;
  amount: string;
  currency: string;
  valid_from: Date;
  valid_until: Date;
  issuer: string;
  issued_at: Date;
  credential: UnknownCredential;
  qr_text: string;
  pdf_document_id: string | null;
}

/** Selects a VoucherRow from vouchers `v` joined with applications `a`. */
export const VOUCHER_COLUMNS = `v.id, v.application_id, a.reference AS application_reference, a.applicant_subject, v.program_id,
  (SELECT p.name FROM programs p WHERE p.id = v.program_id) AS program_name,
  v.status, v.status_reason, v.status_list, v.status_index, v.amount, v.currency, v.valid_from, v.valid_until, v.issuer,
  v.issued_at, v.credential, v.qr_text, v.pdf_document_id`;

export function voucherOf(row: VoucherRow): Voucher {
  return {
    id: row.id,
    applicationId: row.application_id,
    applicationReference: row.application_reference,
    programId: row.program_id,
    programName: row.program_name,
    status: row.status,
    ...(row.status_reason ? { statusReason: row.status_reason } : {}),
    amount: row.amount,
    currency: row.currency,
    validFrom: row.valid_from.toISOString(),
    validUntil: row.valid_until.toISOString(),
    issuer: row.issuer,
    issuedAt: row.issued_at.toISOString(),
    credential: row.credential,
    qrText: row.qr_text,
  };
}
