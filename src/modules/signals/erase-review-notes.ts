/** Erasure (issue 18): officers' notes on the signals of a person's applications become a placeholder; who and when stay. */
import type { Sequelize } from 'sequelize';
import { execute, type Transaction } from '../../platform/db/sql.js';
import { ERASED } from '../../platform/privacy/erase-personal-json.js';

export async function eraseReviewNotes(sequelize: Sequelize, transaction: Transaction, applicationIds: string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  await execute(
    sequelize,
    'UPDATE signal_reviews SET note = :erased WHERE application_id = ANY(CAST(:ids AS uuid[]))',
    { ids: applicationIds, erased: ERASED },
    transaction,
  );
}
