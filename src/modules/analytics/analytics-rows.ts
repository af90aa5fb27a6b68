/**
 * The minimised rows the analytics are made of, read from PostgreSQL: the indexing projects them into
 * OpenSearch documents, and the dashboards without OpenSearch aggregate the very same rows, so both paths
 * count from one definition. Every row carries the applicant facets of its application (program,
 * treatment type, region, gender, age band, submission time) and nothing that names or identifies anyone.
 */
import type { Sequelize } from 'sequelize';
import { selectRows, type Replacements } from '../../platform/db/sql.js';

/** Which applications a read covers: some by id (indexing), or those a dashboard's filters select. */
export type ApplicationScope = { ids: readonly string[] } | { where: string; replacements: Replacements };

export const GENDERS = ['female', 'male', 'other', 'undisclosed', 'unknown'] as const;
export const AGE_BANDS = ['0-17', '18-29', '30-44', '45-59', '60+', 'unknown'] as const;
/** A claim that counts as claimed: not (yet) refused. */
const CLAIMED = "('SUBMITTED', 'APPROVED', 'PAID')";
/** Statuses an application has only once its last stage approved it. */
const APPROVED = "('APPROVED', 'VOUCHER_ISSUED', 'REDEEMED', 'CLAIMED', 'REIMBURSED', 'REVOKED', 'EXPIRED')";

/** The facets of application `a` (joined to its program `p`); an erased or missing value is `unknown`. */
const FACETS = `
  p.code AS program,
  COALESCE(a.treatment_type, 'unknown') AS treatment_type,
  CASE WHEN a.snapshot->'applicant'->>'gender' IN ('female', 'male', 'other', 'undisclosed')
       THEN a.snapshot->'applicant'->>'gender' ELSE 'unknown' END AS gender,
  CASE WHEN COALESCE(a.snapshot->'applicant'->'address'->>'region', 'erased') IN ('erased', '')
       THEN 'unknown' ELSE a.snapshot->'applicant'->'address'->>'region' END AS region,
  CASE WHEN jsonb_typeof(a.snapshot->'applicant'->'age') IS DISTINCT FROM 'number' THEN 'unknown'
       WHEN (a.snapshot->'applicant'->>'age')::numeric < 18 THEN '0-17'
       WHEN (a.snapshot->'applicant'->>'age')::numeric < 30 THEN '18-29'
       WHEN (a.snapshot->'applicant'->>'age')::numeric < 45 THEN '30-44'
       WHEN (a.snapshot->'applicant'->>'age')::numeric < 60 THEN '45-59'
       ELSE '60+' END AS age_band,
  a.submitted_at`;

function scopeSql(scope: ApplicationScope): { sql: string; replacements: Replacements } {
  if ('ids' in scope) return { sql: 'a.id = ANY(CAST(:ids AS uuid[]))', replacements: { ids: [...scope.ids] } };
  return { sql: scope.where, replacements: scope.replacements };
}

/** `facts`: one row per submitted application in scope, with its facets. */
function factsCte(scope: ApplicationScope): { sql: string; replacements: Replacements } {
  const where = scopeSql(scope);
  return {
    sql: `facts AS (
      SELECT a.id, a.status, a.currency, a.estimated_cost, a.assessed_amount, ${FACETS}
        FROM applications a JOIN programs p ON p.id = a.program_id
       WHERE a.status <> 'DRAFT' AND a.submitted_at IS NOT NULL AND ${where.sql})`,
    replacements: where.replacements,
  };
}

export interface ApplicantFacets {
  program: string;
  treatment_type: string;
  region: string;
  gender: string;
  age_band: string;
  submitted_at: Date;
}

export interface ApplicationRow extends ApplicantFacets {
  id: string;
  status: string;
  currency: string | null;
  requested_amount: string | null;
  approved_amount: string | null;
  issued_amount: string | null;
  redeemed_amount: string | null;
  claimed_amount: string | null;
  paid_amount: string | null;
  reviewed: boolean;
  approved: boolean;
  voucher_issued: boolean;
  redeemed: boolean;
  claimed: boolean;
  reimbursed: boolean;
  decided_at: Date | null;
}

export function applicationRowsSql(scope: ApplicationScope): { sql: string; replacements: Replacements } {
  const facts = factsCte(scope);
  return {
    sql: `WITH ${facts.sql}
      SELECT f.*, f.estimated_cost AS requested_amount,
             CASE WHEN f.status IN ${APPROVED} THEN f.assessed_amount END AS approved_amount,
             v.issued AS issued_amount, r.redeemed AS redeemed_amount, r.claimed AS claimed_amount, r.paid AS paid_amount,
             d.decisions > 0 AS reviewed, f.status IN ${APPROVED} AS approved, v.issued IS NOT NULL AS voucher_issued,
             r.redeemed IS NOT NULL AS redeemed, r.claimed IS NOT NULL AS claimed, r.paid IS NOT NULL AS reimbursed,
             CASE WHEN f.status = 'REJECTED' OR f.status IN ${APPROVED} THEN d.last_decided_at END AS decided_at
        FROM facts f
        CROSS JOIN LATERAL (SELECT count(*) AS decisions, max(decided_at) AS last_decided_at
                              FROM application_decisions WHERE application_id = f.id) d
        CROSS JOIN LATERAL (SELECT sum(amount) AS issued FROM vouchers WHERE application_id = f.id) v
        CROSS JOIN LATERAL (
          SELECT sum(r.amount) AS redeemed,
                 sum(r.amount) FILTER (WHERE c.status IN ${CLAIMED}) AS claimed,
                 sum(r.amount) FILTER (WHERE c.status = 'PAID') AS paid
            FROM redemptions r JOIN vouchers v ON v.id = r.voucher_id LEFT JOIN claims c ON c.id = r.claim_id
           WHERE v.application_id = f.id) r`,
    replacements: facts.replacements,
  };
}

export interface DecisionRow extends ApplicantFacets {
  id: string;
  stage_position: number;
  stage_kind: string;
  decision: string;
  reason_code: string;
  decided_at: Date;
  /** From entering the stage (the previous decision, or the submission) to this decision, in whole seconds. */
  wait_seconds: string;
}

export function decisionRowsSql(scope: ApplicationScope): { sql: string; replacements: Replacements } {
  const facts = factsCte(scope);
  return {
    sql: `WITH ${facts.sql}
      SELECT d.id::text AS id, f.program, f.treatment_type, f.region, f.gender, f.age_band, f.submitted_at,
             d.stage_position, d.stage_kind, d.decision, d.reason_code, d.decided_at,
             GREATEST(0, floor(EXTRACT(EPOCH FROM d.decided_at - COALESCE(
               lag(d.decided_at) OVER (PARTITION BY d.application_id ORDER BY d.stage_position), f.submitted_at))))::bigint AS wait_seconds
        FROM facts f JOIN application_decisions d ON d.application_id = f.id`,
    replacements: facts.replacements,
  };
}

export interface VoucherRow extends ApplicantFacets {
  id: string;
  status: string;
  currency: string;
  amount: string;
  redeemed_amount: string;
  issued_at: Date;
  seconds_submission_to_issue: string;
}

export function voucherRowsSql(scope: ApplicationScope): { sql: string; replacements: Replacements } {
  const facts = factsCte(scope);
  return {
    sql: `WITH ${facts.sql}
      SELECT v.id, f.program, f.treatment_type, f.region, f.gender, f.age_band, f.submitted_at,
             v.status, v.currency, v.amount, v.redeemed_amount, v.issued_at,
             GREATEST(0, floor(EXTRACT(EPOCH FROM v.issued_at - f.submitted_at)))::bigint AS seconds_submission_to_issue
        FROM facts f JOIN vouchers v ON v.application_id = f.id`,
    replacements: facts.replacements,
  };
}

export interface RedemptionRow extends ApplicantFacets {
  id: string;
  currency: string;
  amount: string;
  redeemed_at: Date;
  /** The status of the claim it is in, or `UNCLAIMED`. */
  claim_status: string;
  claim_id: string | null;
}

export function redemptionRowsSql(scope: ApplicationScope): { sql: string; replacements: Replacements } {
  const facts = factsCte(scope);
  return {
    sql: `WITH ${facts.sql}
      SELECT r.id, f.program, f.treatment_type, f.region, f.gender, f.age_band, f.submitted_at,
             r.currency, r.amount, r.redeemed_at, COALESCE(c.status, 'UNCLAIMED') AS claim_status, r.claim_id
        FROM facts f JOIN vouchers v ON v.application_id = f.id JOIN redemptions r ON r.voucher_id = v.id
        LEFT JOIN claims c ON c.id = r.claim_id`,
    replacements: facts.replacements,
  };
}

export interface ClaimRow {
  id: string;
  status: string;
  currency: string;
  total: string;
  programs: string[];
  redemption_count: number;
  submitted_at: Date;
  decided_at: Date | null;
  paid_at: Date | null;
}

export async function readClaimRows(sequelize: Sequelize, claimIds: readonly string[]): Promise<ClaimRow[]> {
  if (claimIds.length === 0) return [];
  return selectRows<ClaimRow>(
    sequelize,
    `SELECT c.id, c.status, c.currency, c.total, cardinality(c.redemption_ids) AS redemption_count,
            c.submitted_at, c.decided_at, c.paid_at,
            ARRAY(SELECT DISTINCT p.code FROM redemptions r JOIN vouchers v ON v.id = r.voucher_id
                    JOIN programs p ON p.id = v.program_id WHERE r.id = ANY(c.redemption_ids) ORDER BY p.code) AS programs
       FROM claims c WHERE c.id = ANY(CAST(:ids AS uuid[]))`,
    { ids: [...claimIds] },
  );
}

/** Rows of one kind for the applications in scope. */
export async function readRows<T extends object>(
  sequelize: Sequelize,
  build: (scope: ApplicationScope) => { sql: string; replacements: Replacements },
  scope: ApplicationScope,
): Promise<T[]> {
  const { sql, replacements } = build(scope);
  return selectRows<T>(sequelize, sql, replacements);
}
