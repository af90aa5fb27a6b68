/** The OpenSearch documents of the analytics rows: what each index holds, in its mapping's field names. */
import type { Sequelize } from 'sequelize';
import { selectRows } from '../../platform/db/sql.js';
import type { OutboxEvent } from '../../platform/outbox/consumer.js';
import {
  applicationRowsSql,
  decisionRowsSql,
  readClaimRows,
  readRows,
  redemptionRowsSql,
  voucherRowsSql,
  type ApplicantFacets,
  type ApplicationRow,
  type DecisionRow,
  type RedemptionRow,
  type VoucherRow,
} from './analytics-rows.js';
import type { AnalyticsIndex } from './index-mappings.js';

export interface AnalyticsDocument {
  index: AnalyticsIndex;
  /** The row's own key: writing the same document again replaces it. */
  id: string;
  /** `create` for a document that never changes (an event): a second write is refused, not repeated. */
  op: 'index' | 'create';
  source: Record<string, unknown>;
}

const FUNNEL_FLAGS = ['reviewed', 'approved', 'voucher_issued', 'redeemed', 'claimed', 'reimbursed'] as const;
export const FUNNEL_STEPS = ['submitted', 'reviewed', 'approved', 'voucher-issued', 'redeemed', 'claimed', 'reimbursed'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

function money(value: string | null): number | null {
  return value === null ? null : Number(value);
}

function facetsOf(row: ApplicantFacets) {
  return {
    program: row.program,
    treatmentType: row.treatment_type,
    region: row.region,
    gender: row.gender,
    ageBand: row.age_band,
    submittedAt: row.submitted_at.toISOString(),
  };
}

function secondsBetween(from: Date, to: Date | null): number | null {
  return to === null ? null : Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));
}

export function applicationDocument(row: ApplicationRow): AnalyticsDocument {
  return {
    index: 'applications',
    id: row.id,
    op: 'index',
    source: {
      ...facetsOf(row),
      status: row.status,
      reached: ['submitted', ...FUNNEL_FLAGS.filter((flag) => row[flag]).map((flag) => flag.replace('_', '-'))],
      currency: row.currency,
      requestedAmount: money(row.requested_amount),
      approvedAmount: money(row.approved_amount),
      issuedAmount: money(row.issued_amount),
      redeemedAmount: money(row.redeemed_amount),
      claimedAmount: money(row.claimed_amount),
      paidAmount: money(row.paid_amount),
      decidedAt: row.decided_at?.toISOString() ?? null,
      secondsToDecision: secondsBetween(row.submitted_at, row.decided_at),
    },
  };
}

function decisionDocument(row: DecisionRow): AnalyticsDocument {
  return {
    index: 'decisions',
    id: row.id,
    op: 'index',
    source: {
      ...facetsOf(row),
      stagePosition: row.stage_position,
      stageKind: row.stage_kind,
      decision: row.decision,
      reasonCode: row.reason_code,
      decidedAt: row.decided_at.toISOString(),
      waitSeconds: Number(row.wait_seconds),
    },
  };
}

function voucherDocument(row: VoucherRow): AnalyticsDocument {
  return {
    index: 'vouchers',
    id: row.id,
    op: 'index',
    source: {
      ...facetsOf(row),
      status: row.status,
      currency: row.currency,
      amount: Number(row.amount),
      redeemedAmount: Number(row.redeemed_amount),
      issuedAt: row.issued_at.toISOString(),
      secondsSubmissionToIssue: Number(row.seconds_submission_to_issue),
    },
  };
}

function redemptionDocument(row: RedemptionRow): AnalyticsDocument {
  return {
    index: 'redemptions',
    id: row.id,
    op: 'index',
    source: {
      ...facetsOf(row),
      currency: row.currency,
      amount: Number(row.amount),
      redeemedAt: row.redeemed_at.toISOString(),
      claimStatus: row.claim_status,
    },
  };
}

export function eventDocument(event: OutboxEvent): AnalyticsDocument {
  return {
    index: 'events',
    id: event.id,
    op: 'create',
    source: { type: event.type, aggregateType: event.aggregateType, occurredAt: event.occurredAt.toISOString() },
  };
}

/** Every document about these applications: the application, its decisions, vouchers and redemptions. */
export async function applicationDocuments(sequelize: Sequelize, applicationIds: readonly string[]): Promise<AnalyticsDocument[]> {
  if (applicationIds.length === 0) return [];
  const scope = { ids: applicationIds };
  const [applications, decisions, vouchers, redemptions] = await Promise.all([
    readRows<ApplicationRow>(sequelize, applicationRowsSql, scope),
    readRows<DecisionRow>(sequelize, decisionRowsSql, scope),
    readRows<VoucherRow>(sequelize, voucherRowsSql, scope),
    readRows<RedemptionRow>(sequelize, redemptionRowsSql, scope),
  ]);
  return [
    ...applications.map(applicationDocument),
    ...decisions.map(decisionDocument),
    ...vouchers.map(voucherDocument),
    ...redemptions.map(redemptionDocument),
  ];
}

export async function claimDocuments(sequelize: Sequelize, claimIds: readonly string[]): Promise<AnalyticsDocument[]> {
  return (await readClaimRows(sequelize, claimIds)).map((row) => ({
    index: 'claims',
    id: row.id,
    op: 'index',
    source: {
      status: row.status,
      currency: row.currency,
      total: Number(row.total),
      programs: row.programs,
      redemptionCount: row.redemption_count,
      submittedAt: row.submitted_at.toISOString(),
      decidedAt: row.decided_at?.toISOString() ?? null,
      paidAt: row.paid_at?.toISOString() ?? null,
      secondsToDecision: secondsBetween(row.submitted_at, row.decided_at),
      secondsToPayment: secondsBetween(row.submitted_at, row.paid_at),
    },
  }));
}

/**
 * The applications (and claims) whose documents these events change, read once each however many of the events
 * touch them; other aggregates change none.
 */
export async function documentsChangedBy(sequelize: Sequelize, events: readonly OutboxEvent[]): Promise<AnalyticsDocument[]> {
  const lookups: Record<string, string> = {
    application: 'SELECT id FROM applications WHERE id = ANY(CAST(:ids AS uuid[]))',
    voucher: 'SELECT application_id AS id FROM vouchers WHERE id = ANY(CAST(:ids AS uuid[]))',
    redemption: `SELECT v.application_id AS id FROM redemptions r JOIN vouchers v ON v.id = r.voucher_id
                  WHERE r.id = ANY(CAST(:ids AS uuid[]))`,
    claim: `SELECT DISTINCT v.application_id AS id FROM claims c JOIN redemptions r ON r.id = ANY(c.redemption_ids)
              JOIN vouchers v ON v.id = r.voucher_id WHERE c.id = ANY(CAST(:ids AS uuid[]))`,
    // An erasure rewrites the person's applications (their facets become `unknown`): index them again.
    'erasure-request': `SELECT a.id FROM erasure_requests e JOIN applications a ON a.applicant_subject = e.subject
                         WHERE e.id = ANY(CAST(:ids AS uuid[])) AND e.status = 'COMPLETED' AND a.status <> 'DRAFT'`,
  };
  const aggregates = new Map<string, Set<string>>();
  for (const event of events) {
    if (!(event.aggregateType in lookups) || !UUID.test(event.aggregateId)) continue;
    const ids = aggregates.get(event.aggregateType) ?? new Set<string>();
    aggregates.set(event.aggregateType, ids.add(event.aggregateId));
  }
  const applicationIds = new Set<string>();
  for (const [aggregateType, ids] of aggregates) {
    const lookup = lookups[aggregateType];
    if (!lookup) continue;
    const rows = await selectRows<{ id: string }>(sequelize, lookup, { ids: `{${[...ids].join(',')}}` });
    for (const row of rows) applicationIds.add(row.id);
  }
  const claimIds = [...(aggregates.get('claim') ?? [])];
  return [...(await applicationDocuments(sequelize, [...applicationIds])), ...(await claimDocuments(sequelize, claimIds))];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
