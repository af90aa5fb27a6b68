import type { components } from '../../generated/openapi.js';

type Redemption = components['schemas']['Redemption'];

export interface RedemptionRow {
  id: string;
  voucher_id: string;
  provider_id: string;
  provider_name: string;
  redeemed_by: string;
  amount: string;
  currency: string;
  service: string;
  redeemed_at: Date;
  remaining_after: string;
  claim_id?: string | null;
}

/** `voucherStatus`: the voucher's status right after this redemption (REDEEMED when nothing remained). */
export function redemptionOf(row: RedemptionRow, voucherStatus?: Redemption['voucherStatus']): Redemption {
  return {
    id: row.id,
    voucherId: row.voucher_id,
    providerId: row.provider_id,
    providerName: row.provider_name,
    amount: row.amount,
    currency: row.currency,
    service: row.service,
    redeemedAt: row.redeemed_at.toISOString(),
    remainingAfter: row.remaining_after,
    ...(row.claim_id ? { claimId: row.claim_id } : {}),
    ...(voucherStatus ? { voucherStatus } : {}),
  };
}
