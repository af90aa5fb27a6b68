/**
 * Redemption anomalies of claims, for the claims officer: computed when read, from the redemptions as they are,
 * with no table of their own. Each one names the claim's redemptions it concerns. Signals inform, never decide.
 * The windows end at the claim's sending, so what the officer reads does not shift with redemptions made later.
 *
 * The look-ups read the vouchers, applications and registry tables (vouchers → applications → registrant), as
 * the fraud signals do: a join in one query, where a call per redemption through the modules would be a loop.
 */
import { selectRows } from '../../platform/db/sql.js';
import type { components } from '../../generated/openapi.js';
import type { ClaimsDeps } from './deps.js';

export type ClaimSignal = components['schemas']['ClaimSignal'];
export type ClaimSignalKind = ClaimSignal['kind'];

/** A beneficiary with this many redemptions or more (any voucher, any facility) in the window is a signal. */
export const BENEFICIARY_REDEMPTIONS_THRESHOLD = 3;
/** The beneficiary's redemptions are counted in this many days up to the claim's sending. */
export const BENEFICIARY_WINDOW_DAYS = 30;
/**
 * A facility with at least this many redemptions in the window, each taking its voucher's whole value in one go,
 * is a signal: fewer say little, as many vouchers are spent at once on one treatment.
 */
export const MAXIMUM_AMOUNT_THRESHOLD = 5;
/**
 * The facility's redemptions are looked at in this many days up to the claim's sending: longer than a
 * beneficiary's, as a facility's way of billing shows over months where a person's run of redemptions shows in weeks.
 */
export const MAXIMUM_AMOUNT_WINDOW_DAYS = 90;

const KIND_ORDER: readonly ClaimSignalKind[] = ['many-redemptions-one-beneficiary', 'always-maximum-amount', 'outside-voucher-region'];

// The claims `c` asked for, each redemption they were made of `r` with its voucher `v`, application `a` and registrant `reg`.
const CLAIMED_REDEMPTIONS = `claims c
  JOIN redemptions r ON r.id = ANY(c.redemption_ids)
  JOIN vouchers v ON v.id = r.voucher_id
  JOIN applications a ON a.id = v.application_id
  JOIN registrants reg ON reg.id = a.registrant_id`;

interface ClaimedRow {
  claim_id: string;
  redemption_ids: string[];
  first_redeemed_at: Date;
}

const idsOf = (claimIds: readonly string[]) => `{${claimIds.join(',')}}`;
const days = (count: number) => `CAST('${count} days' AS interval)`;

/** Beneficiaries of a claim's redemptions with at least the threshold of redemptions in the window. */
async function findManyRedemptionsOfOneBeneficiary(
  deps: ClaimsDeps,
  claimIds: readonly string[],
): Promise<Array<ClaimedRow & { redemption_count: number }>> {
  return selectRows(
    deps.sequelize,
    `SELECT claimed.claim_id, claimed.redemption_ids, claimed.first_redeemed_at, counted.redemption_count
     FROM (
       SELECT c.id AS claim_id, c.submitted_at, a.registrant_id,
         array_agg(r.id ORDER BY r.redeemed_at, r.id) AS redemption_ids, min(r.redeemed_at) AS first_redeemed_at
       FROM ${CLAIMED_REDEMPTIONS}
       WHERE c.id = ANY(CAST(:ids AS uuid[]))
       GROUP BY c.id, c.submitted_at, a.registrant_id
     ) claimed
     CROSS JOIN LATERAL (
       SELECT CAST(count(*) AS integer) AS redemption_count
       FROM applications oa
       JOIN vouchers ov ON ov.application_id = oa.id
       JOIN redemptions o ON o.voucher_id = ov.id
       WHERE oa.registrant_id = claimed.registrant_id AND oa.status <> 'DRAFT'
         AND o.redeemed_at > claimed.submitted_at - ${days(BENEFICIARY_WINDOW_DAYS)} AND o.redeemed_at <= claimed.submitted_at
     ) counted
     WHERE counted.redemption_count >= :threshold`,
    { ids: idsOf(claimIds), threshold: BENEFICIARY_REDEMPTIONS_THRESHOLD },
  );
}

/**
 * Claims whose facility made at least the threshold of redemptions in the window, every one for its voucher's
 * whole value (so nothing remained after it). A last draw that empties a voucher another facility had begun is
 * ordinary; always billing the whole assessed amount is what is worth a look.
 */
async function findAlwaysMaximumAmount(
  deps: ClaimsDeps,
  claimIds: readonly string[],
): Promise<Array<ClaimedRow & { redemption_count: number }>> {
  return selectRows(
    deps.sequelize,
    `SELECT c.id AS claim_id, counted.redemption_count,
       (SELECT array_agg(r.id ORDER BY r.redeemed_at, r.id) FROM redemptions r WHERE r.id = ANY(c.redemption_ids)) AS redemption_ids,
       (SELECT min(r.redeemed_at) FROM redemptions r WHERE r.id = ANY(c.redemption_ids)) AS first_redeemed_at
     FROM claims c
     CROSS JOIN LATERAL (
       SELECT CAST(count(*) AS integer) AS redemption_count, bool_and(o.amount = ov.amount) AS every_one_whole
       FROM redemptions o JOIN vouchers ov ON ov.id = o.voucher_id
       WHERE o.provider_id = c.provider_id
         AND o.redeemed_at > c.submitted_at - ${days(MAXIMUM_AMOUNT_WINDOW_DAYS)} AND o.redeemed_at <= c.submitted_at
     ) counted
     WHERE c.id = ANY(CAST(:ids AS uuid[])) AND counted.redemption_count >= :threshold AND counted.every_one_whole`,
    { ids: idsOf(claimIds), threshold: MAXIMUM_AMOUNT_THRESHOLD },
  );
}

/** Each redemption of a claim made at a facility whose region is not the beneficiary's (trimmed, any case). */
async function findOutsideVoucherRegion(
  deps: ClaimsDeps,
  claimIds: readonly string[],
): Promise<Array<ClaimedRow & { provider_region: string; beneficiary_region: string }>> {
  return selectRows(
    deps.sequelize,
    `SELECT c.id AS claim_id, ARRAY[r.id] AS redemption_ids, r.redeemed_at AS first_redeemed_at,
       trim(p.region) AS provider_region, trim(reg.region) AS beneficiary_region
     FROM ${CLAIMED_REDEMPTIONS}
     JOIN service_providers p ON p.id = r.provider_id
     WHERE c.id = ANY(CAST(:ids AS uuid[])) AND lower(trim(p.region)) <> lower(trim(reg.region))`,
    { ids: idsOf(claimIds) },
  );
}

interface FoundSignal {
  claimId: string;
  firstRedeemedAt: Date;
  signal: ClaimSignal;
}

/**
 * The signals of each claim asked for (every id is a key, with an empty list when it has none), in the order of
 * the kinds, then of the first redemption each concerns. The caller checks who may read them.
 */
export async function findClaimSignals(deps: ClaimsDeps, claimIds: readonly string[]): Promise<Map<string, ClaimSignal[]>> {
  const found = new Map<string, ClaimSignal[]>(claimIds.map((id) => [id, []]));
  if (claimIds.length === 0) return found;
  const [beneficiaries, maximums, regions] = await Promise.all([
    findManyRedemptionsOfOneBeneficiary(deps, claimIds),
    findAlwaysMaximumAmount(deps, claimIds),
    findOutsideVoucherRegion(deps, claimIds),
  ]);
  const signals: FoundSignal[] = [
    ...beneficiaries.map((row) => ({
      claimId: row.claim_id,
      firstRedeemedAt: row.first_redeemed_at,
      signal: {
        kind: 'many-redemptions-one-beneficiary' as const,
        explanation:
          `The beneficiary of ${row.redemption_ids.length === 1 ? 'this redemption' : 'these redemptions'} had ` +
          `${row.redemption_count} redemptions, at any facility, in the ${BENEFICIARY_WINDOW_DAYS} days before the claim was sent.`,
        redemptionIds: row.redemption_ids,
        evidence: {
          redemptionCount: row.redemption_count,
          threshold: BENEFICIARY_REDEMPTIONS_THRESHOLD,
          windowDays: BENEFICIARY_WINDOW_DAYS,
        },
      },
    })),
    ...maximums.map((row) => ({
      claimId: row.claim_id,
      firstRedeemedAt: row.first_redeemed_at,
      signal: {
        kind: 'always-maximum-amount' as const,
        explanation:
          `Each of the facility's ${row.redemption_count} redemptions in the ${MAXIMUM_AMOUNT_WINDOW_DAYS} days before the ` +
          `claim was sent took the voucher's whole value.`,
        redemptionIds: row.redemption_ids,
        evidence: { redemptionCount: row.redemption_count, threshold: MAXIMUM_AMOUNT_THRESHOLD, windowDays: MAXIMUM_AMOUNT_WINDOW_DAYS },
      },
    })),
    ...regions.map((row) => ({
      claimId: row.claim_id,
      firstRedeemedAt: row.first_redeemed_at,
      signal: {
        kind: 'outside-voucher-region' as const,
        explanation: `The facility's region is ${row.provider_region}; the beneficiary's region is ${row.beneficiary_region}.`,
        redemptionIds: row.redemption_ids,
        evidence: { providerRegion: row.provider_region, beneficiaryRegion: row.beneficiary_region },
      },
    })),
  ];
  signals.sort(
    (x, y) =>
      KIND_ORDER.indexOf(x.signal.kind) - KIND_ORDER.indexOf(y.signal.kind) ||
      x.firstRedeemedAt.getTime() - y.firstRedeemedAt.getTime() ||
      (x.signal.redemptionIds[0] ?? '').localeCompare(y.signal.redemptionIds[0] ?? ''),
  );
  for (const { claimId, signal } of signals) found.get(claimId)?.push(signal);
  return found;
}
