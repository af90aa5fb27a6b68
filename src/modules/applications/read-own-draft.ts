import type { Transaction } from '../../platform/db/sql.js';
import type { Principal } from '../../platform/auth/principal.js';
import { selectOne } from '../../platform/db/sql.js';
import { ConflictError, NotFoundError } from '../../platform/http/errors.js';
import type { ApplicationsDeps } from './deps.js';
import type { ApplicationRow } from './models.js';

/**
 * The caller's own draft (someone else's answers like a missing one); `lock` holds it until the
 * transaction ends. A draft already submitted is a conflict.
 */
export async function readOwnDraft(
  deps: ApplicationsDeps,
  actor: Principal,
  id: string,
  transaction?: Transaction,
  lock = false,
): Promise<ApplicationRow> {
  const row = await selectOne<ApplicationRow>(
    deps.sequelize,
    `SELECT * FROM applications WHERE id = :id AND applicant_subject = :subject${lock ? ' FOR UPDATE' : ''}`,
    { id, subject: actor.subject },
    transaction,
  );
  if (!row) throw new NotFoundError('No draft with that id.');
  if (row.status !== 'DRAFT')
    throw new ConflictError('This application was already submitted; it cannot be changed as a draft.', 'ERR_APPLICATION_NOT_DRAFT');
  return row;
}
