import { selectRows } from '../../platform/db/sql.js';
import type { VouchersDeps } from './deps.js';
import type { VoucherStatus } from './voucher-rows.js';

export interface RecentVoucher {
  id: string;
  applicationReference: string;
  programId: string;
  status: VoucherStatus;
  amount: string;
  currency: string;
  issuedAt: string;
  validUntil: string;
}

/** The vouchers issued last, newest first, for an officer to open and reprint; no personal data. */
export async function listRecentVouchers(deps: VouchersDeps, limit: number): Promise<RecentVoucher[]> {
  const rows = await selectRows<{
    id: string;
    reference: string;
    program_id: string;
    status: VoucherStatus;
    amount: string;
    currency: string;
    issued_at: Date;
    valid_until: Date;
  }>(
    deps.sequelize,
    `SELECT v.id, a.reference, v.program_id, v.status, v.amount, v.currency, v.issued_at, v.valid_until
     FROM vouchers v JOIN applications a ON a.id = v.application_id
     ORDER BY v.issued_at DESC, v.id LIMIT :limit`,
    { limit },
  );
  return rows.map((row) => ({
    id: row.id,
    applicationReference: row.reference,
    programId: row.program_id,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    issuedAt: row.issued_at.toISOString(),
    validUntil: row.valid_until.toISOString(),
  }));
}
