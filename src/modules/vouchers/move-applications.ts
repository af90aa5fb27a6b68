import { execute, type Transaction } from '../../platform/db/sql.js';
import type { VouchersDeps } from './deps.js';

/**
 * Moves the applications of these vouchers from one status to the next as their redemptions are claimed and
 * reimbursed (REDEEMED → CLAIMED → REIMBURSED, CLAIMED → REDEEMED when a claim is rejected); an application
 * at another status stays where it is.
 */
export async function moveApplications(
  deps: VouchersDeps,
  transaction: Transaction,
  voucherIds: readonly string[],
  from: string,
  to: string,
  at: Date,
): Promise<void> {
  if (voucherIds.length === 0) return;
  await execute(
    deps.sequelize,
    `UPDATE applications SET status = :to, updated_at = :at, version = version + 1
     WHERE status = :from AND id IN (SELECT application_id FROM vouchers WHERE id = ANY(CAST(:ids AS uuid[])))`,
    { to, from, at, ids: `{${voucherIds.join(',')}}` },
    transaction,
  );
}
