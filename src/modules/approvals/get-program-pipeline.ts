import type { Principal } from '../../platform/auth/principal.js';
import { selectRows } from '../../platform/db/sql.js';
import type { components } from '../../generated/openapi.js';
import { DECIDING_STATUSES } from './approval-states.js';
import type { ApprovalsDeps } from './deps.js';

export type ProgramPipeline = components['schemas']['ProgramPipeline'];
export type PipelineStage = components['schemas']['PipelineStage'];

// The statuses written out, as in applications_pipeline_idx's predicate: a bound list would keep the planner from using it.
const DECIDING = DECIDING_STATUSES.map((status) => `'${status}'`).join(', ');

// Approved at the last stage, and every status a voucher takes it to since: the approval ended approved.
const APPROVED = ['APPROVED', 'VOUCHER_ISSUED', 'REDEEMED', 'CLAIMED', 'REIMBURSED', 'REVOKED', 'EXPIRED'].map((s) => `'${s}'`).join(', ');

interface WaitingRow {
  position: number;
  waiting: string;
  oldest_waiting_since: Date;
  oldest_submitted_at: Date;
}

interface OrphanRow {
  position: number;
  name: string;
  kind: 'review' | 'assessment';
}

/**
 * How many of a program's applications wait at each stage and since when, and how many ended approved or
 * rejected. Counts come from applications_pipeline_idx (one index-only scan grouped by position) and
 * applications_program_status_idx, so 100,000 waiting rows cost a scan of the index, never of the table.
 * The stage names and officers are the program's stage list; a position only older stage lists still have
 * is named from one of the applications waiting there.
 */
export async function getProgramPipeline(deps: ApprovalsDeps, actor: Principal, programId: string): Promise<ProgramPipeline> {
  // 404 for an unknown program, as the programs API answers it.
  const program = await deps.programs.getProgram(actor, programId);
  const [waiting, finished] = await Promise.all([
    selectRows<WaitingRow>(
      deps.sequelize,
      `SELECT current_stage AS position, count(*) AS waiting, min(waiting_since) AS oldest_waiting_since,
         min(submitted_at) AS oldest_submitted_at
       FROM applications WHERE program_id = :programId AND status IN (${DECIDING})
       GROUP BY current_stage ORDER BY current_stage`,
      { programId },
    ),
    selectRows<{ approved: string; rejected: string }>(
      deps.sequelize,
      `SELECT count(*) FILTER (WHERE status IN (${APPROVED})) AS approved, count(*) FILTER (WHERE status = 'REJECTED') AS rejected
       FROM applications WHERE program_id = :programId AND status IN (${APPROVED}, 'REJECTED')`,
      { programId },
    ),
  ]);
  const listed = new Set(program.stages.map((stage) => stage.position));
  const orphans = await namesOfUnlisted(
    deps,
    programId,
    waiting.map((row) => row.position).filter((position) => !listed.has(position)),
  );
  const byPosition = new Map(waiting.map((row) => [row.position, row]));
  const stages: PipelineStage[] = [
    ...program.stages.map((stage) => ({
      position: stage.position,
      name: stage.name,
      kind: stage.kind,
      inStageList: true,
      officer: stage.officer,
      ...counts(byPosition.get(stage.position)),
    })),
    ...orphans.map((orphan) => ({ ...orphan, inStageList: false, ...counts(byPosition.get(orphan.position)) })),
  ].sort((a, b) => a.position - b.position);
  const [ended] = finished;
  return {
    programId,
    waiting: waiting.reduce((sum, row) => sum + Number(row.waiting), 0),
    stages,
    finished: { approved: Number(ended?.approved ?? 0), rejected: Number(ended?.rejected ?? 0) },
  };
}

function counts(row: WaitingRow | undefined): Pick<PipelineStage, 'waiting' | 'oldestWaitingSince' | 'oldestSubmittedAt'> {
  if (!row) return { waiting: 0 };
  return {
    waiting: Number(row.waiting),
    oldestWaitingSince: row.oldest_waiting_since.toISOString(),
    oldestSubmittedAt: row.oldest_submitted_at.toISOString(),
  };
}

/** For each position given, the stage as the longest-waiting application there names it (one index look-up each). */
async function namesOfUnlisted(deps: ApprovalsDeps, programId: string, positions: number[]): Promise<OrphanRow[]> {
  if (positions.length === 0) return [];
  return selectRows<OrphanRow>(
    deps.sequelize,
    `SELECT p.position, s.stage ->> 'name' AS name, s.stage ->> 'kind' AS kind
     FROM unnest(CAST(:positions AS int[])) AS p (position)
     CROSS JOIN LATERAL (
       SELECT stages -> (current_stage - 1) AS stage FROM applications
       WHERE program_id = :programId AND status IN (${DECIDING}) AND current_stage = p.position
       ORDER BY waiting_since LIMIT 1
     ) s
     ORDER BY p.position`,
    { programId, positions },
  );
}
