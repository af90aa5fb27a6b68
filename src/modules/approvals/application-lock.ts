/** The application row a command of the current stage works on, locked, and who may act on its stage. */
import type { Principal } from '../../platform/auth/principal.js';
import type { Transaction } from '../../platform/db/sql.js';
import { selectOne } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { visibility, type ApplicationStatus, type StageSnapshot } from '../applications/index.js';
import type { ApprovalState } from './approval-states.js';
import type { ApprovalsDeps } from './deps.js';

export interface LockedApplication {
  id: string;
  program_id: string;
  applicant_subject: string;
  registrant_id: string;
  status: ApplicationStatus;
  stages: StageSnapshot[];
  current_stage: number | null;
  estimated_cost: string;
  currency: string;
  assessed_amount: string | null;
}

/**
 * The application row, locked until the command ends: decisions of one application take turns, so the
 * second of two at once sees the first one's outcome (and is refused with the state it met).
 */
export async function lockApplication(
  deps: ApprovalsDeps,
  actor: Principal,
  id: string,
  transaction: Transaction,
): Promise<LockedApplication> {
  const { clause, replacements } = visibility(actor);
  const row = await selectOne<LockedApplication>(
    deps.sequelize,
    `SELECT a.id, a.program_id, a.applicant_subject, a.registrant_id, a.status, a.stages, a.current_stage, a.estimated_cost,
       a.currency, a.assessed_amount
     FROM applications a WHERE a.id = :id AND a.status <> 'DRAFT' AND ${clause} FOR UPDATE OF a`,
    { ...replacements, id },
    transaction,
  );
  // An application the caller may not see answers like a missing one.
  if (!row) throw new NotFoundError('No application with that id.');
  return row;
}

export function stateOf(row: Pick<LockedApplication, 'status' | 'current_stage' | 'assessed_amount'>): ApprovalState {
  return { status: row.status, currentStage: row.current_stage, ...(row.assessed_amount ? { assessedAmount: row.assessed_amount } : {}) };
}

export async function isDesignated(
  deps: ApprovalsDeps,
  actor: Principal,
  stage: StageSnapshot,
  transaction: Transaction,
): Promise<boolean> {
  if (stage.officer.type === 'user') return stage.officer.ref === actor.subject;
  return (await deps.programs.officerGroupsOf(actor.subject, transaction)).includes(stage.officer.ref);
}
