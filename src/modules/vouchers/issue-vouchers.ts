import type { Principal } from '../../platform/auth/principal.js';
import type { components } from '../../generated/openapi.js';
import type { VouchersDeps } from './deps.js';
import { ISSUE_BATCH_SIZE, issueVoucherBatch } from './issue-voucher.js';
import { requireVoucherRole } from './require-voucher-role.js';

export type VoucherIssuanceItem = components['schemas']['VoucherIssuanceResult']['results'][number];

/**
 * Bulk issuance, in batches of ISSUE_BATCH_SIZE applications a command: one that cannot be issued (not
 * approved, issued meanwhile by a colleague) is reported and the others go on. A fault of our own (the
 * database) stops the bulk operation: it is not an answer about one application, and the batches before it
 * stay issued. `onResult` hears each application's result as its batch commits.
 */
export async function issueVouchers(
  deps: VouchersDeps,
  actor: Principal,
  applicationIds: readonly string[],
  onResult?: (item: VoucherIssuanceItem) => void,
): Promise<VoucherIssuanceItem[]> {
  requireVoucherRole(actor, 'issuing-officer');
  const results: VoucherIssuanceItem[] = [];
  for (let start = 0; start < applicationIds.length; start += ISSUE_BATCH_SIZE) {
    const batch = applicationIds.slice(start, start + ISSUE_BATCH_SIZE);
    const outcomes = await issueVoucherBatch(deps, actor, batch);
    outcomes.forEach((outcome, i) => {
      const applicationId = batch[i] as string;
      const item: VoucherIssuanceItem =
        'voucher' in outcome
          ? { applicationId, outcome: 'issued', voucherId: outcome.voucher.id }
          : { applicationId, outcome: 'refused', code: outcome.refusal.code, detail: outcome.refusal.message };
      results.push(item);
      onResult?.(item);
    });
  }
  return results;
}
