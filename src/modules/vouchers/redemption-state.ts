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

/** The columns a redemption state is read from (`amount - redeemed_amount AS remaining`). */
export interface RedemptionStateRow {
  status: VoucherStatus;
  amount: string;
  redeemed_amount: string;
  remaining: string;
  currency: string;
}

export function redemptionStateOf(voucherId: string, row: RedemptionStateRow): VoucherRedemptionState {
  return {
    voucherId,
    status: row.status,
    amount: row.amount,
    amountRedeemed: row.redeemed_amount,
    amountRemaining: row.remaining,
    currency: row.currency,
  };
}

/** What has been redeemed of a voucher this service issued, and what remains; undefined for any other id. */
export async function readRedemptionState(deps: VouchersDeps, voucherId: string): Promise<VoucherRedemptionState | undefined> {
  const row = await selectOne<RedemptionStateRow>(
    deps.sequelize,
    'SELECT status, amount, redeemed_amount, amount - redeemed_amount AS remaining, currency FROM vouchers WHERE id = :voucherId',
    { voucherId },
  );
  return row ? redemptionStateOf(voucherId, row) : undefined;
}
