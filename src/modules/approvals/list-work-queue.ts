import type { Principal } from '../../platform/auth/principal.js';
import { selectRows, type PageRequest } from '../../platform/db/sql.js';
import type { ApplicationStatus } from '../applications/index.js';
import { DECIDING_STATUSES } from './approval-states.js';
import type { ApprovalsDeps } from './deps.js';
import type { WorkQueueItem, WorkQueueStageCount } from './models.js';

export interface ListWorkQueueOptions extends PageRequest {
  programId?: string;
  /** Only applications that have waited at their stage at least this long. */
  minWaitHours?: number;
}

export interface ListWorkQueueResult {
  items: WorkQueueItem[];
  stageCounts: WorkQueueStageCount[];
  page: number;
  pageSize: number;
  total: number;
}

// The current stage of applications `a`; the same expressions as applications_work_queue_idx, so it is used.
const CURRENT_STAGE = '(a.stages -> (a.current_stage - 1))';
const OFFICER_REF = `(${CURRENT_STAGE} -> 'officer' ->> 'ref')`;
const OFFICER_TYPE = `(${CURRENT_STAGE} -> 'officer' ->> 'type')`;

// The statuses written out, as in the index's predicate: a bound list would keep the planner from using it.
const DECIDING = DECIDING_STATUSES.map((status) => `'${status}'`).join(', ');

// Waiting, at a stage whose officer is the caller: by subject, or one of their groups (`:refs` holds both for the index).
const WAITING_FOR_CALLER = `a.status IN (${DECIDING}) AND ${OFFICER_REF} = ANY (CAST(:refs AS varchar[]))
  AND ((${OFFICER_TYPE} = 'user' AND ${OFFICER_REF} = :subject)
    OR (${OFFICER_TYPE} = 'group' AND ${OFFICER_REF} = ANY (CAST(:groups AS varchar[]))))
  AND (CAST(:programId AS uuid) IS NULL OR a.program_id = CAST(:programId AS uuid))
  AND a.waiting_since <= CAST(:waitedSince AS timestamptz)`;

interface QueueRow {
  id: string;
  reference: string;
  program_id: string;
  program_name: string;
  status: ApplicationStatus;
  stage: { position: number; name: string; kind: 'review' | 'assessment' };
  treatment_type: string;
  estimated_cost: string;
  currency: string;
  submitted_at: Date;
  waiting_since: Date;
}

/**
 * The applications waiting at a stage the caller decides, longest wait first, with how many wait at each
 * stage. No personal data of applicants: what identifies them is one click further, where reading is recorded.
 */
export async function listWorkQueue(deps: ApprovalsDeps, actor: Principal, options: ListWorkQueueOptions): Promise<ListWorkQueueResult> {
  const groups = await deps.programs.officerGroupsOf(actor.subject);
  const waitedSince = new Date(deps.now().getTime() - (options.minWaitHours ?? 0) * 3_600_000);
  const replacements = {
    refs: [actor.subject, ...groups],
    subject: actor.subject,
    groups,
    programId: options.programId ?? null,
    waitedSince,
  };
  // The page walks applications_work_queue_idx in order and stops after it; the total is the sum of the
  // counts, so the matching rows are counted once, not once more by a window over the page query.
  const [rows, counts] = await Promise.all([
    selectRows<QueueRow>(
      deps.sequelize,
      `SELECT a.id, a.reference, a.program_id, p.name AS program_name, a.status, ${CURRENT_STAGE} AS stage, a.treatment_type,
         a.estimated_cost, a.currency, a.submitted_at, a.waiting_since
       FROM applications a JOIN programs p ON p.id = a.program_id
       WHERE ${WAITING_FOR_CALLER}
       ORDER BY a.waiting_since, a.id LIMIT :pageLimit OFFSET :pageOffset`,
      { ...replacements, pageLimit: options.pageSize, pageOffset: (options.page - 1) * options.pageSize },
    ),
    selectRows<{ program_id: string; position: number; name: string; waiting: string }>(
      deps.sequelize,
      `SELECT a.program_id, a.current_stage AS position, ${CURRENT_STAGE} ->> 'name' AS name, count(*) AS waiting
       FROM applications a WHERE ${WAITING_FOR_CALLER}
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      replacements,
    ),
  ]);
  const total = counts.reduce((sum, c) => sum + Number(c.waiting), 0);
  return {
    items: rows.map((row) => ({
      applicationId: row.id,
      reference: row.reference,
      programId: row.program_id,
      programName: row.program_name,
      status: row.status,
      stage: { position: row.stage.position, name: row.stage.name, kind: row.stage.kind },
      treatmentType: row.treatment_type,
      estimatedCost: row.estimated_cost,
      currency: row.currency,
      submittedAt: row.submitted_at.toISOString(),
      waitingSince: row.waiting_since.toISOString(),
    })),
    stageCounts: counts.map((c) => ({ programId: c.program_id, position: c.position, name: c.name, waiting: Number(c.waiting) })),
    page: options.page,
    pageSize: options.pageSize,
    total,
  };
}
