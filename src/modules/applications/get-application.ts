import type { Principal } from '../../platform/auth/principal.js';
import { selectOne } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { ApplicationsDeps } from './deps.js';
import { toApplication, type Application, type ApplicationRow } from './models.js';
import { visibility } from './visibility.js';

/** One submitted application the actor may see; reading someone else's is recorded for auditors. */
export async function getApplication(deps: ApplicationsDeps, actor: Principal, id: string): Promise<Application> {
  const { clause, replacements } = visibility(actor);
  const row = await selectOne<ApplicationRow>(
    deps.sequelize,
    `SELECT a.* FROM applications a WHERE a.id = :id AND a.status <> 'DRAFT' AND ${clause}`,
    { ...replacements, id },
  );
  // Someone else's application answers exactly like a missing one.
  if (!row) throw new NotFoundError('No application with that id.');
  if (row.applicant_subject !== actor.subject) {
    await deps.commands.recordAccess(actor, [{ type: 'application.read', aggregateType: 'application', aggregateId: id }]);
  }
  return toApplication(row);
}
