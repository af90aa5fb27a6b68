/**
 * Erasure of a person's applications (issue 18). Drafts are discarded, as the applicant could do themselves.
 * Submitted applications keep their id, reference, program, status, stages, amounts and dates (the program's
 * figures and the audit trail point at them); the snapshot keeps its shape with every personal value replaced
 * (erase-personal-json.ts), and the registry proposals' values and the applicant's user name go.
 */
import type { Sequelize } from 'sequelize';
import { execute, selectRows, type Transaction } from '../../platform/db/sql.js';
import { ERASED, erasePersonalJson } from '../../platform/privacy/erase-personal-json.js';

export interface PersonApplications {
  /** The person's submitted applications (drafts excluded). */
  applicationIds: string[];
  /** The registry records their applications were made for. */
  registrantIds: string[];
  /** The documents attached to any of their applications, drafts included. */
  documentIds: string[];
}

/** What a person (by subject) applied with; rows locked, as erasure rewrites them. */
export async function findApplicationsOf(sequelize: Sequelize, transaction: Transaction, subject: string): Promise<PersonApplications> {
  const rows = await selectRows<{ id: string; status: string; registrant_id: string | null }>(
    sequelize,
    'SELECT id, status, registrant_id FROM applications WHERE applicant_subject = :subject ORDER BY id FOR UPDATE',
    { subject },
    transaction,
  );
  const documents = await selectRows<{ document_id: string }>(
    sequelize,
    `SELECT DISTINCT d.document_id FROM application_documents d JOIN applications a ON a.id = d.application_id
     WHERE a.applicant_subject = :subject`,
    { subject },
    transaction,
  );
  return {
    applicationIds: rows.filter((row) => row.status !== 'DRAFT').map((row) => row.id),
    registrantIds: [...new Set(rows.flatMap((row) => (row.registrant_id ? [row.registrant_id] : [])))],
    documentIds: documents.map((row) => row.document_id),
  };
}

export async function eraseApplicationsOf(sequelize: Sequelize, transaction: Transaction, subject: string): Promise<void> {
  await execute(sequelize, "DELETE FROM applications WHERE applicant_subject = :subject AND status = 'DRAFT'", { subject }, transaction);
  const submitted = await selectRows<{ id: string; snapshot: unknown; draft: unknown }>(
    sequelize,
    'SELECT id, snapshot, draft FROM applications WHERE applicant_subject = :subject',
    { subject },
    transaction,
  );
  for (const row of submitted) {
    await execute(
      sequelize,
      `UPDATE applications SET snapshot = CAST(:snapshot AS jsonb), draft = NULL, applicant_username = NULL,
         version = version + 1, updated_at = now()
       WHERE id = :id`,
      { id: row.id, snapshot: row.snapshot === null ? null : JSON.stringify(erasePersonalJson(row.snapshot)) },
      transaction,
    );
  }
  const ids = submitted.map((row) => row.id);
  if (ids.length === 0) return;
  await execute(
    sequelize,
    `UPDATE application_registry_proposals SET proposed_value = to_jsonb(CAST(:erased AS text)),
       registry_value = to_jsonb(CAST(:erased AS text))
     WHERE application_id = ANY(CAST(:ids AS uuid[]))`,
    { ids, erased: ERASED },
    transaction,
  );
}
