import type { Principal } from '../../platform/auth/principal.js';
import { selectPage, type PageRequest } from '../../platform/db/sql.js';
import type { ApplicationsDeps } from './deps.js';
import { toApplication, type Application, type ApplicationRow, type ApplicationStatus } from './models.js';
import { visibility } from './visibility.js';

export interface ListApplicationsOptions extends PageRequest {
  programId?: string;
  status?: ApplicationStatus;
}

export interface ListApplicationsResult {
  items: Application[];
  page: number;
  pageSize: number;
  total: number;
}

/** The submitted applications the actor may see, newest first; reading other people's is recorded for auditors. */
export async function listApplications(
  deps: ApplicationsDeps,
  actor: Principal,
  options: ListApplicationsOptions,
): Promise<ListApplicationsResult> {
  const { clause, replacements } = visibility(actor);
  const { rows, total } = await selectPage<ApplicationRow>(deps.sequelize, {
    columns: 'a.*',
    from: 'applications a',
    where: `a.status <> 'DRAFT' AND ${clause}
       AND (CAST(:programId AS uuid) IS NULL OR a.program_id = CAST(:programId AS uuid))
       AND (CAST(:status AS varchar) IS NULL OR a.status = :status)`,
    orderBy: 'a.submitted_at DESC, a.id',
    replacements: { ...replacements, programId: options.programId ?? null, status: options.status ?? null },
    page: options,
  });
  const others = rows.filter((row) => row.applicant_subject !== actor.subject).map((row) => row.id);
  if (others.length > 0) {
    await deps.commands.recordAccess(actor, [
      { type: 'application.listed', aggregateType: 'reader', aggregateId: actor.subject, payload: { applicationIds: others } },
    ]);
  }
  const outcomes = await deps.stageOutcomes.outcomesOf(rows.map((row) => row.id));
  return { items: rows.map((row) => toApplication(row, outcomes.get(row.id))), page: options.page, pageSize: options.pageSize, total };
}
