/**
 * The checks of a scanned voucher that read the store, in one round trip for a voucher of ours: its row (what
 * has been redeemed, what remains) and the ETags of its status lists, read together. A list whose ETag is the one
 * this process last read is taken from memory (the ETag is the SHA-256 of the signed list, so the same ETag is
 * the same list); any other is read again. A revocation is seen at once by every instance: the ETag changes in
 * the same transaction as the list.
 */
import { selectOne } from '../../platform/db/sql.js';
import type { StatusPurpose, UnknownCredential } from './credential.js';
import type { VouchersDeps } from './deps.js';
import { statusListUrl } from './qr/type-table.js';
import { redemptionStateOf, type RedemptionStateRow, type VoucherRedemptionState } from './redemption-state.js';
import { verifyVoucher, type FetchStatusList, type VerifyVoucherResult } from './verify-voucher.js';

export interface CheckedScan {
  result: VerifyVoucherResult;
  /** What has been redeemed and what remains, when the credential's id is a voucher of ours. */
  state?: VoucherRedemptionState;
}

const URN_UUID = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

interface StateRow extends RedemptionStateRow {
  lists: Array<{ listNumber: number; purpose: StatusPurpose; etag: string }> | null;
}

/** The last copy of each status list this process read, by URL. */
export type StatusListMemory = Map<string, { etag: string; credential: UnknownCredential }>;

export interface CheckScanOptions {
  fetchStatusList: (url: string) => Promise<{ credential: UnknownCredential; etag: string } | undefined>;
  memory: StatusListMemory;
  isTrustedIssuer: (issuer: string) => boolean;
}

export async function checkScan(
  deps: VouchersDeps,
  options: CheckScanOptions,
  credential: UnknownCredential,
  signatureValid: boolean,
): Promise<CheckedScan> {
  const voucherId = typeof credential.id === 'string' ? URN_UUID.exec(credential.id)?.[1] : undefined;
  const row = voucherId
    ? await selectOne<StateRow>(
        deps.sequelize,
        `SELECT v.status, v.amount, v.redeemed_amount, v.amount - v.redeemed_amount AS remaining, v.currency,
           (SELECT json_agg(json_build_object('listNumber', s.list_number, 'purpose', s.purpose, 'etag', s.etag))
              FROM status_lists s WHERE s.list_number = v.status_list) AS lists
         FROM vouchers v WHERE v.id = :voucherId`,
        { voucherId },
      )
    : undefined;
  const current = new Map((row?.lists ?? []).map((list) => [statusListUrl(deps.publicUrl, list.listNumber, list.purpose), list.etag]));
  const fetchStatusList: FetchStatusList = async (url) => {
    const remembered = options.memory.get(url);
    if (remembered && current.get(url) === remembered.etag) return remembered.credential;
    const read = await options.fetchStatusList(url);
    if (read) options.memory.set(url, read);
    return read?.credential;
  };
  const result = await verifyVoucher({
    credential,
    documentLoader: deps.documentLoader,
    isTrustedIssuer: options.isTrustedIssuer,
    fetchStatusList,
    now: deps.now,
    signatureValid,
  });
  return row && voucherId ? { result, state: redemptionStateOf(voucherId, row) } : { result };
}
