/**
 * What a scanner needs to verify our vouchers without reaching us: the issuer's DIDs (current and retired
 * keys), the CBOR-LD type table of our QR codes, and every status list a voucher names, each signed. The
 * scanner page keeps the last copy it read and verifies with it when the network is gone; `generatedAt` says
 * how old the statuses it holds are. Nothing in it is personal: DIDs, URLs and bit lists.
 */
import { selectRows } from '../../platform/db/sql.js';
import type { StatusPurpose, UnknownCredential } from './credential.js';
import type { VouchersDeps } from './deps.js';
import { readStatusList } from './publish-status-list.js';

export interface TrustBundle {
  generatedAt: string;
  /** The did:key of every issuer key, current first. */
  issuers: string[];
  /** Registry entry id → the type table as nested objects (CBOR-LD's maps of maps). */
  typeTables: Record<string, Record<string, Record<string, number>>>;
  statusLists: UnknownCredential[];
}

const PURPOSES: readonly StatusPurpose[] = ['revocation', 'suspension'];

export async function readTrustBundle(deps: VouchersDeps): Promise<TrustBundle> {
  const generatedAt = deps.now().toISOString();
  const used = await selectRows<{ status_list: number }>(
    deps.sequelize,
    // The distinct list numbers, one index probe each (a loose index scan), however many vouchers there are.
    `WITH RECURSIVE lists (n) AS (
       SELECT min(status_list) FROM vouchers
       UNION ALL
       SELECT (SELECT min(status_list) FROM vouchers WHERE status_list > n) FROM lists WHERE n IS NOT NULL
     )
     SELECT n AS status_list FROM lists WHERE n IS NOT NULL`,
    {},
  );
  const statusLists: UnknownCredential[] = [];
  for (const { status_list: listNumber } of used) {
    for (const purpose of PURPOSES) {
      const list = await readStatusList(deps, listNumber, purpose);
      if (list) statusLists.push(list.credential);
    }
  }
  const typeTables = Object.fromEntries(
    [...deps.typeTables].map(([entryId, table]) => [
      String(entryId),
      Object.fromEntries([...table].map(([kind, values]) => [kind, Object.fromEntries(values)])),
    ]),
  );
  return { generatedAt, issuers: deps.keys.keys.map((key) => key.did), typeTables, statusLists };
}
