/** The dashboards' figures computed in PostgreSQL, from the same rows the indexing writes to OpenSearch. */
import type { Sequelize } from 'sequelize';
import { selectOne, selectRows, type Replacements } from '../../platform/db/sql.js';
import { applicationRowsSql, decisionRowsSql, redemptionRowsSql, type ApplicationScope } from './analytics-rows.js';
import type { DashboardFilters } from './dashboard-filters.js';
import { shapeFigures, type DashboardFigures } from './dashboard-figures.js';
import type { FunnelStep } from './analytics-documents.js';

function scopeOf(filters: DashboardFilters): ApplicationScope {
  return {
    where: `a.submitted_at >= CAST(:from AS date)::timestamp AT TIME ZONE 'UTC'
            AND a.submitted_at < (CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'UTC'
            AND (CAST(:program AS text) IS NULL OR p.code = :program)`,
    replacements: { from: filters.from, to: filters.to, program: filters.program ?? null },
  };
}

/** Rows of one kind in scope, narrowed by the facet filters (computed columns, so filtered outside). */
function filtered(build: (scope: ApplicationScope) => { sql: string; replacements: Replacements }, filters: DashboardFilters) {
  const { sql, replacements } = build(scopeOf(filters));
  return {
    from: `(SELECT * FROM (${sql}) rows
             WHERE (CAST(:region AS text) IS NULL OR rows.region = :region)
               AND (CAST(:gender AS text) IS NULL OR rows.gender = :gender)
               AND (CAST(:ageBand AS text) IS NULL OR rows.age_band = :ageBand)) x`,
    replacements: { ...replacements, region: filters.region ?? null, gender: filters.gender ?? null, ageBand: filters.ageBand ?? null },
  };
}

export async function readFiguresFromPostgres(sequelize: Sequelize, filters: DashboardFilters): Promise<DashboardFigures> {
  const applications = filtered(applicationRowsSql, filters);
  const decisions = filtered(decisionRowsSql, filters);
  const redemptions = filtered(redemptionRowsSql, filters);
  const [perDay, funnel, amounts, stages, reasons, pending] = await Promise.all([
    selectRows<{ day: string; count: number }>(
      sequelize,
      `SELECT to_char(x.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS count FROM ${applications.from} GROUP BY 1`,
      applications.replacements,
    ),
    selectOne<Record<string, number>>(
      sequelize,
      `SELECT count(*)::int AS "submitted", count(*) FILTER (WHERE x.reviewed)::int AS "reviewed",
              count(*) FILTER (WHERE x.approved)::int AS "approved", count(*) FILTER (WHERE x.voucher_issued)::int AS "voucher-issued",
              count(*) FILTER (WHERE x.redeemed)::int AS "redeemed", count(*) FILTER (WHERE x.claimed)::int AS "claimed",
              count(*) FILTER (WHERE x.reimbursed)::int AS "reimbursed"
         FROM ${applications.from}`,
      applications.replacements,
    ),
    selectRows<{ currency: string; approved: string; issued: string; redeemed: string; claimed: string; paid: string }>(
      sequelize,
      `SELECT x.currency, COALESCE(sum(x.approved_amount), 0) AS approved, COALESCE(sum(x.issued_amount), 0) AS issued,
              COALESCE(sum(x.redeemed_amount), 0) AS redeemed, COALESCE(sum(x.claimed_amount), 0) AS claimed,
              COALESCE(sum(x.paid_amount), 0) AS paid
         FROM ${applications.from} WHERE x.currency IS NOT NULL GROUP BY x.currency`,
      applications.replacements,
    ),
    selectRows<{ stage: number; decided: number; approved: number; rejected: number; average_wait_seconds: number }>(
      sequelize,
      `SELECT x.stage_position AS stage, count(*)::int AS decided, count(*) FILTER (WHERE x.decision = 'approve')::int AS approved,
              count(*) FILTER (WHERE x.decision = 'reject')::int AS rejected, avg(x.wait_seconds)::float8 AS average_wait_seconds
         FROM ${decisions.from} GROUP BY x.stage_position`,
      decisions.replacements,
    ),
    selectRows<{ reason_code: string; count: number }>(
      sequelize,
      `SELECT x.reason_code, count(*)::int AS count FROM ${decisions.from} WHERE x.decision = 'reject' GROUP BY x.reason_code`,
      decisions.replacements,
    ),
    selectRows<{ currency: string; redemptions: number; amount: string }>(
      sequelize,
      `SELECT x.currency, count(*)::int AS redemptions, sum(x.amount) AS amount
         FROM ${redemptions.from} WHERE x.claim_status IN ('SUBMITTED', 'APPROVED') GROUP BY x.currency`,
      redemptions.replacements,
    ),
  ]);
  return shapeFigures(filters, {
    perDay: new Map(perDay.map((row) => [row.day, row.count])),
    funnel: (funnel ?? {}) as Partial<Record<FunnelStep, number>>,
    stages: stages.map((row) => ({ ...row, averageWaitSeconds: row.average_wait_seconds })),
    reasons: reasons.map((row) => ({ reasonCode: row.reason_code, count: row.count })),
    amounts: amounts.map((row) => ({
      currency: row.currency,
      approved: Number(row.approved),
      issued: Number(row.issued),
      redeemed: Number(row.redeemed),
      claimed: Number(row.claimed),
      paid: Number(row.paid),
    })),
    pending: pending.map((row) => ({ currency: row.currency, redemptions: row.redemptions, amount: Number(row.amount) })),
  });
}
