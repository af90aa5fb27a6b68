import type { Principal } from '../../platform/auth/principal.js';
import type { DomainEvent } from '../../platform/db/command.js';
import { execute, selectOne, selectRows } from '../../platform/db/sql.js';
import { ConflictError, NotFoundError } from '../../platform/http/errors.js';
import type { OfficerInput } from '../programs/index.js';
import { DECIDING_STATUSES } from './approval-states.js';
import type { ApprovalsDeps } from './deps.js';

export interface ReassignStageOptions {
  programId: string;
  /** The stage's position in the applications' own stage lists. */
  position: number;
  officer: OfficerInput;
  /** Only this application; otherwise every application of the program waiting at that position. */
  applicationId?: string;
}

export interface ReassignStageResult {
  programId: string;
  position: number;
  officer: { type: 'user' | 'group'; ref: string };
  /** The applications whose stage now names the new officer, in id order. */
  applicationIds: string[];
}

interface WaitingRow {
  id: string;
  officer: { type: 'user' | 'group'; ref: string };
}

const DECIDING = DECIDING_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * The program manager names another officer for a stage of applications waiting there: the waiting
 * applications' own stage lists change (the program's stages are the stage editor's), so the previous
 * officer no longer finds them in the queue nor may decide them. One command: the waiting rows are locked
 * in id order (no deadlock with a second reassignment), then each gets one audit and outbox event naming the
 * stage, the previous officer and the new one, by subject or group code. Decided stages are history and
 * never change.
 */
export async function reassignStage(deps: ApprovalsDeps, actor: Principal, options: ReassignStageOptions): Promise<ReassignStageResult> {
  const { programId, position, applicationId } = options;
  const checked = await deps.programs.checkOfficer(options.officer, '/body/officer/ref');
  return deps.commands.run(actor, async (transaction) => {
    if (!(await deps.programs.findDecisionTerms(programId, transaction))) throw new NotFoundError('No program with that id.');
    const officer = await deps.programs.designateOfficer(checked, transaction);
    const waiting = await selectRows<WaitingRow>(
      deps.sequelize,
      `SELECT id, stages -> (current_stage - 1) -> 'officer' AS officer FROM applications
       WHERE program_id = :programId AND current_stage = :position AND status IN (${DECIDING})
         AND (CAST(:applicationId AS uuid) IS NULL OR id = CAST(:applicationId AS uuid))
       ORDER BY id FOR UPDATE`,
      { programId, position, applicationId: applicationId ?? null },
      transaction,
    );
    if (applicationId && waiting.length === 0) {
      const found = await selectOne<{ id: string }>(
        deps.sequelize,
        "SELECT id FROM applications WHERE id = :applicationId AND program_id = :programId AND status <> 'DRAFT'",
        { applicationId, programId },
        transaction,
      );
      if (!found) throw new NotFoundError('No application with that id in this program.');
      throw new ConflictError(
        `The application does not wait at stage ${position}; only a waiting stage is reassigned.`,
        'ERR_REASSIGNMENT_NOT_WAITING',
      );
    }
    const ids = waiting.map((row) => row.id);
    if (ids.length > 0) {
      await execute(
        deps.sequelize,
        `UPDATE applications SET stages = jsonb_set(stages, ARRAY[CAST(:index AS text), 'officer'], CAST(:officer AS jsonb)),
           updated_at = :now, version = version + 1
         WHERE id = ANY (CAST(:ids AS uuid[]))`,
        { index: position - 1, officer: JSON.stringify(officer), now: deps.now(), ids },
        transaction,
      );
    }
    const events: DomainEvent[] = waiting.map((row) => ({
      type: 'application.stage-reassigned',
      aggregateType: 'application',
      aggregateId: row.id,
      // Subjects and group codes only, as stages store them: no names.
      payload: { programId, position, from: { type: row.officer.type, ref: row.officer.ref }, to: officer },
    }));
    return { result: { programId, position, officer, applicationIds: ids }, events };
  });
}
