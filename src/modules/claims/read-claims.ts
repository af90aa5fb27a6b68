import type { Principal } from '../../platform/auth/principal.js';
import { selectOne, selectPage, selectRows, type PageRequest } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { CLAIM_COLUMNS, claimOf, type Claim, type ClaimRow, type ClaimStatus } from './claim-rows.js';
import type { ClaimsDeps } from './deps.js';
import { findClaimSignals, type ClaimSignal } from './find-claim-signals.js';
import { mayReadFacilityRecords, requireLinkedProvider } from './providers.js';
import { requireActorRole } from '../../platform/auth/require-role.js';
import type { Redemption } from './redeem-voucher.js';
import { redemptionOf, type RedemptionRow } from './redemption-rows.js';

/**
 * A claim: for the users of its facility and the claims officers; anyone else gets 404. A claims officer's read
 * holds its redemption signals; the facility's own users never see them.
 */
export async function getClaim(deps: ClaimsDeps, reader: Principal, claimId: string): Promise<Claim> {
  requireActorRole(reader, ['service-provider', 'claims-officer']);
  const row = await selectOne<ClaimRow>(deps.sequelize, `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.id = :claimId`, { claimId });
  const mayRead = row !== undefined && (await mayReadFacilityRecords(deps, reader, row.provider_id));
  if (!row || !mayRead) throw new NotFoundError('There is no claim with this id that you may see.');
  if (!reader.roles.includes('claims-officer')) return claimOf(row);
  const signals = await findClaimSignals(deps, [row.id]);
  return { ...claimOf(row), signals: signals.get(row.id) ?? [] };
}

/** The redemption signals of these claims, by claim id (each id asked for is a key); for the claims officers. */
export async function listClaimSignals(
  deps: ClaimsDeps,
  reader: Principal,
  claimIds: readonly string[],
): Promise<Map<string, ClaimSignal[]>> {
  requireActorRole(reader, ['claims-officer']);
  return findClaimSignals(deps, claimIds);
}

/** Claims newest first: a provider user sees their facility's, a claims officer every facility's. */
export async function listClaims(
  deps: ClaimsDeps,
  reader: Principal,
  options: PageRequest & { status?: ClaimStatus },
): Promise<{ items: Claim[]; total: number; page: number; pageSize: number }> {
  requireActorRole(reader, ['service-provider', 'claims-officer']);
  const officer = reader.roles.includes('claims-officer');
  const providerId = officer ? undefined : (await requireLinkedProvider(deps, reader)).id;
  const { rows, total } = await selectPage<ClaimRow>(deps.sequelize, {
    columns: CLAIM_COLUMNS,
    from: 'claims c',
    where:
      '(CAST(:providerId AS uuid) IS NULL OR c.provider_id = CAST(:providerId AS uuid)) ' +
      'AND (CAST(:status AS text) IS NULL OR c.status = :status)',
    orderBy: 'c.submitted_at DESC, c.id',
    replacements: { providerId: providerId ?? null, status: options.status ?? null },
    page: { page: options.page, pageSize: options.pageSize },
  });
  return { items: rows.map(claimOf), total, page: options.page, pageSize: options.pageSize };
}

const CSV_COLUMNS = [
  'claim',
  'facility',
  'status',
  'total',
  'currency',
  'redemptions',
  'submitted',
  'decided',
  'paid',
  'payment reference',
];

/** A CSV field: quoted when it holds a separator, a quote or a line break; a leading formula character neutralised. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Every claim as CSV (RFC 4180, CRLF), newest first, for the claims officers. */
export async function exportClaimsCsv(deps: ClaimsDeps, reader: Principal): Promise<string> {
  requireActorRole(reader, ['claims-officer']);
  const rows = await selectRows<ClaimRow>(deps.sequelize, `SELECT ${CLAIM_COLUMNS} FROM claims c ORDER BY c.submitted_at DESC, c.id`);
  const lines = rows.map((row) =>
    [
      row.id,
      row.provider_name,
      row.status,
      row.total,
      row.currency,
      String(row.redemption_ids.length),
      row.submitted_at.toISOString(),
      row.decided_at?.toISOString() ?? '',
      row.paid_at?.toISOString() ?? '',
      row.payment_reference ?? '',
    ]
      .map(csvField)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

/** Whether a claims officer may read a document: it is the invoice of a claim. */
export async function mayReadInvoice(deps: ClaimsDeps, documentId: string, reader: Principal): Promise<boolean> {
  if (!reader.roles.includes('claims-officer')) return false;
  return (
    (await selectOne(deps.sequelize, 'SELECT 1 FROM claims WHERE invoice_document_id = :documentId LIMIT 1', { documentId })) !== undefined
  );
}

/** The redemptions a claim was made of, oldest first, for whoever may read the claim. */
export async function listClaimRedemptions(deps: ClaimsDeps, reader: Principal, claimId: string): Promise<Redemption[]> {
  const claim = await getClaim(deps, reader, claimId);
  const rows = await selectRows<RedemptionRow>(
    deps.sequelize,
    `SELECT r.*, p.name AS provider_name FROM redemptions r JOIN service_providers p ON p.id = r.provider_id
     WHERE r.id = ANY(CAST(:ids AS uuid[])) ORDER BY r.redeemed_at, r.id`,
    { ids: `{${claim.redemptionIds.join(',')}}` },
  );
  return rows.map((row) => redemptionOf(row));
}
