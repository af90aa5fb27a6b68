/** What the notifications read of the approvals: a decision's coded reason, and what waits for whom. */
import type { Sequelize } from 'sequelize';
import { selectOne, selectRows } from '../../platform/db/sql.js';
import { DECIDING_STATUSES } from './approval-states.js';

/** The program's label of the reason a stage was decided with (never the officer's own words). */
export async function findDecisionReason(sequelize: Sequelize, applicationId: string, position: number): Promise<string | undefined> {
  const row = await selectOne<{ reason_label: string }>(
    sequelize,
    'SELECT reason_label FROM application_decisions WHERE application_id = :applicationId AND stage_position = :position',
    { applicationId, position },
  );
  return row?.reason_label;
}

export interface WaitingCount {
  /** A user by subject, or a group by code, as the application's stage names it. */
  officer: { type: 'user' | 'group'; ref: string };
  count: number;
}

/** How many applications wait at a stage, per designated officer, across every program. */
export async function countWaitingByOfficer(sequelize: Sequelize): Promise<WaitingCount[]> {
  const rows = await selectRows<{ waiting_officer_type: 'user' | 'group'; waiting_officer_ref: string; count: string }>(
    sequelize,
    `SELECT waiting_officer_type, waiting_officer_ref, count(*) AS count FROM applications
     WHERE status = ANY (CAST(:statuses AS varchar[])) AND waiting_officer_ref IS NOT NULL
     GROUP BY waiting_officer_type, waiting_officer_ref ORDER BY waiting_officer_ref`,
    { statuses: `{${DECIDING_STATUSES.join(',')}}` },
  );
  return rows.map((row) => ({ officer: { type: row.waiting_officer_type, ref: row.waiting_officer_ref }, count: Number(row.count) }));
}
