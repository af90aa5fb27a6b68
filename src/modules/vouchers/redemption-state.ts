import { selectOne } from '../../platform/db/sql.js';
import type { VouchersDeps } from './deps.js';
import type { VoucherStatus } from './voucher-rows.js';

export interface VoucherRedemptionState {
  voucherId: string;
  status: VoucherStatus;
  amount: string;
  amountRedeemed: string;
  amountRemaining: string;
  currency: string;
}

/** What has been redeemed of a voucher this service issued, and what remains; undefined for any other id. */
export async function readRedemptionState(deps: VouchersDeps, voucherId: string): Promise<VoucherRedemptionState | undefined> {
  const row = await selectOne<{ status: VoucherStatus; amount: string; redeemed_amount: string; remaining: string; currency: string }>(
    deps.sequelize,
    'SELECT status, amount, redeemed_amount, amount - redeemed_amount AS remaining, currency FROM vouchers WHERE id = :voucherId',
    { voucherId },
  );
  if (!row) return undefined;
  return {
    voucherId,
    status: row.status,
    amount: row.amount,
    amountRedeemed: row.redeemed_amount,
    amountRemaining: row.remaining,
    currency: row.currency,
  };
}
