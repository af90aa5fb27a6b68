import type { Principal } from '../../platform/auth/principal.js';
import { selectOne } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { visibility, type ApplicationStatus, type StageSnapshot } from '../applications/index.js';
import { DECIDING_STATUSES } from './approval-states.js';
import type { ApprovalsDeps } from './deps.js';

export interface StageToDecide {
  position: number;
  name: string;
  kind: StageSnapshot['kind'];
  /** Whether the actor is its designated officer (by subject, or in its group) now. */
  designated: boolean;
  /** The stage's eligibility checklist as the application's snapshot holds it (empty when it has none). */
  checklist: NonNullable<StageSnapshot['checklist']>;
}

/**
 * The stage an application waits at, and whether the actor is the officer to decide it: what the officer
 * page needs to offer the decision form. The decision itself checks everything again under the row lock.
 * Undefined when the approval has ended; 404 for an application the actor may not see.
 */
export async function findStageToDecide(deps: ApprovalsDeps, actor: Principal, applicationId: string): Promise<StageToDecide | undefined> {
  const { clause, replacements } = visibility(actor);
  const row = await selectOne<{ status: ApplicationStatus; stages: StageSnapshot[]; current_stage: number | null }>(
    deps.sequelize,
    `SELECT a.status, a.stages, a.current_stage FROM applications a WHERE a.id = :id AND a.status <> 'DRAFT' AND ${clause}`,
    { ...replacements, id: applicationId },
  );
  if (!row) throw new NotFoundError('No application with that id.');
  if (!(DECIDING_STATUSES as readonly string[]).includes(row.status)) return undefined;
  const stage = row.stages.find((s) => s.position === row.current_stage);
  if (!stage) return undefined;
  const designated =
    stage.officer.type === 'user'
      ? stage.officer.ref === actor.subject
      : (await deps.programs.officerGroupsOf(actor.subject)).includes(stage.officer.ref);
  return { position: stage.position, name: stage.name, kind: stage.kind, designated, checklist: stage.checklist ?? [] };
}
