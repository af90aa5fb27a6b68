import { requireActorRole } from '../../platform/auth/require-role.js';
import type { Principal } from '../../platform/auth/principal.js';
import { execute, selectOne, selectRows } from '../../platform/db/sql.js';
import { ConflictError, NotFoundError } from '../../platform/http/errors.js';
import { erasePlatformRecordsOf } from '../../platform/privacy/erase-platform-records.js';
import { erasePreferences } from '../accounts/index.js';
import { eraseNotificationPreferences } from '../notifications/index.js';
import { eraseApplicationsOf, findApplicationsOf } from '../applications/index.js';
import { eraseDecisionTexts } from '../approvals/index.js';
import { eraseRedemptionTexts } from '../claims/index.js';
import { eraseDocumentRecords } from '../documents/index.js';
import { eraseIdentityOf } from '../identity/index.js';
import { eraseRegistrants } from '../registry/index.js';
import { eraseReviewNotes } from '../signals/index.js';
import { eraseResolutionReasons } from '../deduplication/index.js';
import { eraseVouchersOf } from '../vouchers/index.js';
import type { ErasureDeps } from './erasure-deps.js';
import { toErasureRequest, type ErasureRequest, type ErasureRequestRow } from './erasure-request.js';

/**
 * The program manager completes a pending erasure request. One transaction erases or pseudonymises every
 * personal field of the person, module by module through each module's door, and records the completion
 * (ids and counts only); the documents' bytes leave the Document Store in that transaction too, so a storage
 * fault rolls everything back and the request stays pending. Ids, statuses,
 * amounts, dates and programs stay, so the program's totals and the audit chain are unchanged.
 */
export async function completeErasure(deps: ErasureDeps, actor: Principal, requestId: string): Promise<ErasureRequest> {
  requireActorRole(actor, ['program-manager']);
  return deps.commands.run(actor, async (transaction) => {
    const row = await selectOne<ErasureRequestRow>(
      deps.sequelize,
      'SELECT * FROM erasure_requests WHERE id = :id FOR UPDATE',
      { id: requestId },
      transaction,
    );
    if (!row) throw new NotFoundError(`No erasure request ${requestId}.`);
    if (row.status !== 'PENDING') throw new ConflictError('This erasure request was already completed.', 'ERR_ERASURE_NOT_PENDING');
    const { subject } = row;
    const { sequelize } = deps;

    const applications = await findApplicationsOf(sequelize, transaction, subject);
    // Registry records they enrolled themselves without applying are theirs too.
    const enrolled = await selectRows<{ id: string }>(
      sequelize,
      'SELECT id FROM registrants WHERE created_by = :subject',
      { subject },
      transaction,
    );
    const own = [...applications.registrantIds, ...enrolled.map((r) => r.id)];
    // A registrant merged into one of theirs was found to be the same person: theirs too.
    const merged = await selectRows<{ id: string }>(
      sequelize,
      'SELECT id FROM registrants WHERE merged_into = ANY(CAST(:ids AS uuid[]))',
      { ids: own },
      transaction,
    );
    const registrantIds = [...new Set([...own, ...merged.map((r) => r.id)])];
    const vouchers = await eraseVouchersOf(sequelize, transaction, applications.applicationIds);
    await eraseRedemptionTexts(sequelize, transaction, vouchers.voucherIds);
    await eraseDecisionTexts(sequelize, transaction, applications.applicationIds);
    await eraseReviewNotes(sequelize, transaction, applications.applicationIds);
    await eraseResolutionReasons(sequelize, transaction, applications.applicationIds);
    await eraseApplicationsOf(sequelize, transaction, subject);
    await eraseRegistrants(sequelize, transaction, { registrantIds, subject });
    const documents = await eraseDocumentRecords(deps.documents, transaction, {
      ownerSubject: subject,
      documentIds: [...applications.documentIds, ...vouchers.pdfDocumentIds],
    });
    await erasePreferences(sequelize, transaction, subject);
    await eraseIdentityOf(sequelize, transaction, subject);
    await eraseNotificationPreferences(sequelize, transaction, subject);
    await erasePlatformRecordsOf(sequelize, transaction, {
      subject,
      relatedIds: [...applications.applicationIds, ...registrantIds, ...vouchers.voucherIds, ...applications.documentIds],
    });
    // This request is completed; any earlier one of theirs loses its reason and user name too.
    await execute(
      sequelize,
      `UPDATE erasure_requests SET reason = NULL, username = NULL,
         status = CASE WHEN id = :id THEN 'COMPLETED' ELSE status END,
         completed_at = CASE WHEN id = :id THEN CAST(:now AS timestamptz) ELSE completed_at END,
         completed_by = CASE WHEN id = :id THEN :by ELSE completed_by END
       WHERE subject = :subject`,
      { id: row.id, now: deps.now(), by: actor.subject, subject },
      transaction,
    );
    const completed = await selectOne<ErasureRequestRow>(
      sequelize,
      'SELECT * FROM erasure_requests WHERE id = :id',
      { id: row.id },
      transaction,
    );
    if (!completed) throw new Error('the erasure request vanished in its own transaction');
    const event = {
      type: 'erasure.completed',
      aggregateType: 'erasure-request',
      aggregateId: row.id,
      // Counts only: which records were erased is found by id, never by the person's data.
      payload: {
        applications: applications.applicationIds.length,
        registrants: registrantIds.length,
        vouchers: vouchers.voucherIds.length,
        documents: documents.documents,
        blobsDeleted: documents.blobsDeleted,
      },
    };
    return { result: toErasureRequest(completed), events: [event] };
  });
}
