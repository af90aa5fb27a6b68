import { selectRows } from '../../platform/db/sql.js';
import type { VouchersDeps } from './deps.js';
import { VOUCHER_COLUMNS, voucherOf, type Voucher, type VoucherRow } from './voucher-rows.js';

/** Every voucher of `subject`'s applications, oldest first, with its credential and QR text: their own copy (the export). */
export async function listOwnVouchers(deps: VouchersDeps, subject: string): Promise<Voucher[]> {
  const rows = await selectRows<VoucherRow>(
    deps.sequelize,
    `SELECT ${VOUCHER_COLUMNS} FROM vouchers v JOIN applications a ON a.id = v.application_id
     WHERE a.applicant_subject = :subject ORDER BY v.issued_at, v.id`,
    { subject },
  );
  return rows.map(voucherOf);
}
