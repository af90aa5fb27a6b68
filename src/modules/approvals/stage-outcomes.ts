import type { Transaction } from '../../platform/db/sql.js';
import { selectRows } from '../../platform/db/sql.js';
import type { StageOutcome } from '../applications/index.js';
import type { ApprovalsDeps } from './deps.js';
import type { DecisionRow } from './models.js';

/** A decision in the applicant's words: the outcome and the program's label of the reason, never who decided. */
export function outcomeOf(row: Pick<DecisionRow, 'decision' | 'reason_label' | 'amount' | 'currency'>): string {
  if (row.decision === 'reject') return `Not approved: ${row.reason_label}`;
  if (row.amount !== null && row.currency !== null) return `Approved, with ${row.amount} ${row.currency} assessed: ${row.reason_label}`;
  return `Approved: ${row.reason_label}`;
}

/** The decided stages of these applications, by application id, in stage order. */
export async function stageOutcomesOf(
  deps: ApprovalsDeps,
  applicationIds: string[],
  transaction?: Transaction,
): Promise<Map<string, StageOutcome[]>> {
  const byApplication = new Map<string, StageOutcome[]>();
  if (applicationIds.length === 0) return byApplication;
  const rows = await selectRows<DecisionRow>(
    deps.sequelize,
    `SELECT application_id, stage_position, decision, decided_at, reason_label, amount, currency FROM application_decisions
     WHERE application_id = ANY (CAST(:ids AS uuid[])) ORDER BY application_id, stage_position`,
    { ids: applicationIds },
    transaction,
  );
  for (const row of rows) {
    const list = byApplication.get(row.application_id) ?? [];
    list.push({
      position: row.stage_position,
      decision: row.decision,
      decidedAt: row.decided_at,
      outcome: outcomeOf(row),
      reason: row.reason_label,
    });
    byApplication.set(row.application_id, list);
  }
  return byApplication;
}
