/**
 * Erasure (issue 18): the officers' free text about a person's applications (decision and override reasons,
 * document verdicts' reasons) becomes a placeholder. Who decided what, when, with which code and amount stays.
 */
import type { Sequelize } from 'sequelize';
import { execute, type Transaction } from '../../platform/db/sql.js';
import { ERASED } from '../../platform/privacy/erase-personal-json.js';

export async function eraseDecisionTexts(sequelize: Sequelize, transaction: Transaction, applicationIds: string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  const replacements = { ids: applicationIds, erased: ERASED };
  await execute(
    sequelize,
    `UPDATE application_decisions SET
       reason_text = CASE WHEN reason_text IS NULL THEN NULL ELSE :erased END,
       override_reason = CASE WHEN override_reason IS NULL THEN NULL ELSE :erased END
     WHERE application_id = ANY(CAST(:ids AS uuid[]))`,
    replacements,
    transaction,
  );
  await execute(
    sequelize,
    `UPDATE document_verifications SET reason = CASE WHEN reason IS NULL THEN NULL ELSE :erased END
     WHERE application_id = ANY(CAST(:ids AS uuid[]))`,
    replacements,
    transaction,
  );
}
