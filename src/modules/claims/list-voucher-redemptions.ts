import { selectRows } from '../../platform/db/sql.js';
import type { ClaimsDeps } from './deps.js';

/** A redemption as the voucher's holder sees it: what, how much, when and at which facility, not by which provider user. */
export interface HolderRedemption {
  voucherId: string;
  amount: string;
  currency: string;
  service: string;
  redeemedAt: string;
  facilityName: string;
}

/** The redemptions of these vouchers, oldest first: for their holder's own copy of their data (the export). */
export async function listVoucherRedemptions(deps: ClaimsDeps, voucherIds: readonly string[]): Promise<HolderRedemption[]> {
  if (voucherIds.length === 0) return [];
  const rows = await selectRows<{ voucher_id: string; amount: string; currency: string; service: string; redeemed_at: Date; name: string }>(
    deps.sequelize,
    `SELECT r.voucher_id, r.amount, r.currency, r.service, r.redeemed_at, p.name
     FROM redemptions r JOIN service_providers p ON p.id = r.provider_id
     WHERE r.voucher_id = ANY (CAST(:ids AS uuid[])) ORDER BY r.redeemed_at, r.id`,
    { ids: [...voucherIds] },
  );
  return rows.map((row) => ({
    voucherId: row.voucher_id,
    amount: row.amount,
    currency: row.currency,
    service: row.service,
    redeemedAt: row.redeemed_at.toISOString(),
    facilityName: row.name,
  }));
}
