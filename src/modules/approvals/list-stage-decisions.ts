/**
 * The decided stages of one application as its officers see them: who decided, when, the reason code and
 * the reason in words, and the answers to the stage's checklist in its words. For the officer pages; the
 * applicant's view (stage-outcomes.ts) never names the officer.
 */
import type { Principal } from '../../platform/auth/principal.js';
import { selectOne, selectRows } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { visibility, type StageSnapshot } from '../applications/index.js';
import type { ApprovalsDeps } from './deps.js';
import type { DecisionRow } from './models.js';

export interface OfficerStageDecision {
  position: number;
  stageKind: 'review' | 'assessment';
  decision: 'approve' | 'reject';
  officerDisplayName: string;
  decidedAt: Date;
  reasonCode: string;
  reasonLabel: string;
  reasonText?: string;
  amount?: string;
  currency?: string;
  overrideReason?: string;
  /** Each item of the stage's checklist (as the snapshot words it) with the officer's answer; empty when it had none. */
  checklist: Array<{ code: string; label: string; answer: boolean }>;
}

/** An application the actor may not see answers like a missing one (404), as everywhere. */
export async function listStageDecisions(deps: ApprovalsDeps, actor: Principal, applicationId: string): Promise<OfficerStageDecision[]> {
  const { clause, replacements } = visibility(actor);
  const visible = await selectOne<{ stages: StageSnapshot[] }>(
    deps.sequelize,
    `SELECT a.stages FROM applications a WHERE a.id = :id AND a.status <> 'DRAFT' AND ${clause}`,
    { ...replacements, id: applicationId },
  );
  if (!visible) throw new NotFoundError('No application with that id.');
  const rows = await selectRows<DecisionRow & { checklist: Record<string, boolean> | null }>(
    deps.sequelize,
    'SELECT * FROM application_decisions WHERE application_id = :id ORDER BY stage_position',
    { id: applicationId },
  );
  return rows.map((row) => ({
    position: row.stage_position,
    stageKind: row.stage_kind,
    decision: row.decision,
    officerDisplayName: row.officer_display_name,
    decidedAt: row.decided_at,
    reasonCode: row.reason_code,
    reasonLabel: row.reason_label,
    ...(row.reason_text ? { reasonText: row.reason_text } : {}),
    ...(row.amount && row.currency ? { amount: row.amount, currency: row.currency } : {}),
    ...(row.override_reason ? { overrideReason: row.override_reason } : {}),
    checklist: (visible.stages.find((stage) => stage.position === row.stage_position)?.checklist ?? [])
      .filter((item) => typeof row.checklist?.[item.code] === 'boolean')
      .map((item) => ({ code: item.code, label: item.label, answer: row.checklist?.[item.code] === true })),
  }));
}
