import type { Principal } from '../../platform/auth/principal.js';
import { selectOne, selectPage, type PageRequest } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { ClaimsDeps } from './deps.js';
import { mayReadFacilityRecords, requireLinkedProvider } from './providers.js';
import type { Redemption } from './redeem-voucher.js';
import { redemptionOf, type RedemptionRow } from './redemption-rows.js';
import { requireActorRole } from '../../platform/auth/require-role.js';

const COLUMNS = 'r.*, p.name AS provider_name';
const FROM = 'redemptions r JOIN service_providers p ON p.id = r.provider_id';

/** A redemption (its receipt): for the users of its facility and the claims officers; anyone else gets 404. */
export async function getRedemption(deps: ClaimsDeps, reader: Principal, redemptionId: string): Promise<Redemption> {
  requireActorRole(reader, ['service-provider', 'claims-officer']);
  const row = await selectOne<RedemptionRow>(deps.sequelize, `SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = :redemptionId`, {
    redemptionId,
  });
  const mayRead = row !== undefined && (await mayReadFacilityRecords(deps, reader, row.provider_id));
  if (!row || !mayRead) throw new NotFoundError('There is no redemption with this id that you may see.');
  return redemptionOf(row);
}

/** The redemptions of the reader's facility, newest first; `unclaimed`: only those in no claim. */
export async function listOwnRedemptions(
  deps: ClaimsDeps,
  reader: Principal,
  page: PageRequest,
  options: { unclaimed?: boolean } = {},
): Promise<{ items: Redemption[]; total: number; page: number; pageSize: number }> {
  const provider = await requireLinkedProvider(deps, reader);
  const { rows, total } = await selectPage<RedemptionRow>(deps.sequelize, {
    columns: COLUMNS,
    from: FROM,
    where: options.unclaimed ? 'r.provider_id = :providerId AND r.claim_id IS NULL' : 'r.provider_id = :providerId',
    orderBy: 'r.redeemed_at DESC, r.id',
    replacements: { providerId: provider.id },
    page,
  });
  return { items: rows.map((row) => redemptionOf(row)), total, ...page };
}
