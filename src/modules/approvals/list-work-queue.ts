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

// The current stage of applications `a`.
const CURRENT_STAGE = '(a.stages -> (a.current_stage - 1))';

// The statuses written out, as in the index's predicate: a bound list would keep the planner from using it.
const DECIDING = DECIDING_STATUSES.map((status) => `'${status}'`).join(', ');

// Waiting at a stage whose officer is the caller, by subject or through one of their groups: the columns and
// the predicate of applications_waiting_idx, `ref` one of the caller's (`:refs` holds the subject and the groups).
const WAITING_FOR_CALLER = `a.status IN (${DECIDING})
  AND ((a.waiting_officer_type = 'user' AND a.waiting_officer_ref = :subject)
    OR (a.waiting_officer_type = 'group' AND a.waiting_officer_ref = ANY (CAST(:groups AS varchar[]))))
  AND (CAST(:programId AS uuid) IS NULL OR a.program_id = CAST(:programId AS uuid))
  AND a.waiting_since <= CAST(:waitedSince AS timestamptz)`;

// Each of the caller's refs, once.
const CALLER_REFS = '(SELECT DISTINCT ref FROM unnest(CAST(:refs AS varchar[])) AS u (ref)) r';

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

/** One count per program stage: applications of one stage may name different officers of the caller's (a reassignment). */
function mergeStageCounts(counts: Array<{ program_id: string; position: number; name: string; waiting: string }>): WorkQueueStageCount[] {
  const merged = new Map<string, WorkQueueStageCount>();
  for (const c of counts) {
    const key = `${c.program_id}:${c.position}`;
    const found = merged.get(key);
    if (found) found.waiting += Number(c.waiting);
    else merged.set(key, { programId: c.program_id, position: c.position, name: c.name, waiting: Number(c.waiting) });
  }
  return [...merged.values()];
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
  // The page: per ref, the index in order up to the page's end; then those merged. The counts: the index
  // alone, per ref, program and stage, with the stage's name read from one row of each.
  const [rows, counts] = await Promise.all([
    selectRows<QueueRow>(
      deps.sequelize,
      `SELECT a.id, a.reference, a.program_id, p.name AS program_name, a.status, a.stage, a.treatment_type,
         a.estimated_cost, a.currency, a.submitted_at, a.waiting_since
       FROM ${CALLER_REFS}
       CROSS JOIN LATERAL (
         SELECT a.id, a.reference, a.program_id, a.status, ${CURRENT_STAGE} AS stage, a.treatment_type, a.estimated_cost,
           a.currency, a.submitted_at, a.waiting_since
         FROM applications a WHERE a.waiting_officer_ref = r.ref AND ${WAITING_FOR_CALLER}
         ORDER BY a.waiting_since, a.id LIMIT :pageEnd
       ) a
       JOIN programs p ON p.id = a.program_id
       ORDER BY a.waiting_since, a.id LIMIT :pageLimit OFFSET :pageOffset`,
      {
        ...replacements,
        pageEnd: options.page * options.pageSize,
        pageLimit: options.pageSize,
        pageOffset: (options.page - 1) * options.pageSize,
      },
    ),
    selectRows<{ program_id: string; position: number; name: string; waiting: string }>(
      deps.sequelize,
      `SELECT c.program_id, c.position, c.waiting,
         (SELECT (x.stages -> (x.current_stage - 1)) ->> 'name' FROM applications x
          WHERE x.waiting_officer_ref = c.ref AND x.status IN (${DECIDING}) AND x.program_id = c.program_id
            AND x.current_stage = c.position LIMIT 1) AS name
       FROM (
         SELECT a.waiting_officer_ref AS ref, a.program_id, a.current_stage AS position, count(*) AS waiting
         FROM applications a WHERE a.waiting_officer_ref = ANY (CAST(:refs AS varchar[])) AND ${WAITING_FOR_CALLER}
         GROUP BY 1, 2, 3
       ) c
       ORDER BY c.program_id, c.position, c.ref`,
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
    stageCounts: mergeStageCounts(counts),
    page: options.page,
    pageSize: options.pageSize,
    total,
  };
}
