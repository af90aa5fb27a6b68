/** Erasure (issue 18): the reasons officers gave on a person's applications become a placeholder; who, when and how stay. */
import type { Sequelize } from 'sequelize';
import { execute, type Transaction } from '../../platform/db/sql.js';
import { ERASED } from '../../platform/privacy/erase-personal-json.js';

export async function eraseResolutionReasons(sequelize: Sequelize, transaction: Transaction, applicationIds: string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  await execute(
    sequelize,
    'UPDATE duplicate_resolutions SET reason = :erased WHERE reason IS NOT NULL AND application_id = ANY(CAST(:ids AS uuid[]))',
    { ids: applicationIds, erased: ERASED },
    transaction,
  );
}
