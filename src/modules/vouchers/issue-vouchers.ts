import type { Principal } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/http/errors.js';
import type { components } from '../../generated/openapi.js';
import type { VouchersDeps } from './deps.js';
import { issueVoucher } from './issue-voucher.js';
import { requireVoucherRole } from './require-voucher-role.js';

export type VoucherIssuanceItem = components['schemas']['VoucherIssuanceResult']['results'][number];

/**
 * Bulk issuance: each application on its own command, so one that cannot be issued (not approved,
 * issued meanwhile by a colleague) is reported and the others go on. A fault of our own (the database)
 * stops the batch: it is not an answer about one application.
 */
export async function issueVouchers(
  deps: VouchersDeps,
  actor: Principal,
  applicationIds: readonly string[],
  onResult?: (item: VoucherIssuanceItem) => void,
): Promise<VoucherIssuanceItem[]> {
  requireVoucherRole(actor, 'issuing-officer');
  const results: VoucherIssuanceItem[] = [];
  for (const applicationId of applicationIds) {
    let item: VoucherIssuanceItem;
    try {
      const voucher = await issueVoucher(deps, actor, applicationId);
      item = { applicationId, outcome: 'issued', voucherId: voucher.id };
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      item = { applicationId, outcome: 'refused', code: error.code, detail: error.message };
    }
    results.push(item);
    onResult?.(item);
  }
  return results;
}
