import { selectRows, type Transaction } from '../../platform/db/sql.js';
import type { ApplicationsDeps } from './deps.js';

/**
 * For the Document Store's upload quota: the documents of this person that their submitted applications
 * keep. Those do not count against the quota, so several real applications never block a new one.
 */
export async function documentsKeptBySubmissions(
  deps: ApplicationsDeps,
  ownerSubject: string,
  transaction?: Transaction,
): Promise<string[]> {
  const rows = await selectRows<{ document_id: string }>(
    deps.sequelize,
    `SELECT DISTINCT d.document_id FROM application_documents d JOIN applications a ON a.id = d.application_id
     WHERE a.applicant_subject = :subject AND a.status <> 'DRAFT'`,
    { subject: ownerSubject },
    transaction,
  );
  return rows.map((row) => row.document_id);
}
