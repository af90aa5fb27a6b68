import { selectOne } from '../../platform/db/sql.js';
import { normalizeReference } from '../applications/index.js';
import { DECIDING_STATUSES } from './approval-states.js';
import type { ApprovalsDeps } from './deps.js';

export interface WaitingApplication {
  applicationId: string;
  reference: string;
  /** The stage it waits at; null once its approval has ended. */
  waitingAt: number | null;
}

/**
 * A program's application by the reference a program manager typed (as the applicant writes it: any case,
 * with or without dashes), and the stage it waits at: what the reassignment page names one application by.
 * A reference names no one, so this is not recorded as a read; callers are program managers (the pages' guard).
 */
export async function findWaitingApplication(
  deps: ApprovalsDeps,
  programId: string,
  typedReference: string,
): Promise<WaitingApplication | undefined> {
  const reference = normalizeReference(typedReference);
  if (!reference) return undefined;
  const row = await selectOne<{ id: string; reference: string; status: string; current_stage: number | null }>(
    deps.sequelize,
    `SELECT id, reference, status, current_stage FROM applications
     WHERE reference = :reference AND program_id = :programId AND status <> 'DRAFT'`,
    { reference, programId },
  );
  if (!row) return undefined;
  const waiting = (DECIDING_STATUSES as readonly string[]).includes(row.status);
  return { applicationId: row.id, reference: row.reference, waitingAt: waiting ? row.current_stage : null };
}
