/**
 * Erasure (issue 18). In the erasure's transaction, the person's documents are marked deleted exactly as
 * retention marks them (`deleted_at`: never served again, never attachable); their rows keep their id, kind,
 * size, type, hash and date (applications and claims point at them) and lose their file name and uploader's
 * user name. Their bytes go in the same transaction, by retention's rule and lock: bytes a document not
 * marked deleted still names by its SHA-256 stay.
 */
import { selectRows, type Transaction } from '../../platform/db/sql.js';
import { ERASED } from '../../platform/privacy/erase-personal-json.js';
import { deleteUnsharedBlobs } from './delete-documents.js';
import type { DocumentStore } from './document-store.js';

export interface EraseDocumentRecordsOptions {
  /** The person: every document they uploaded. */
  ownerSubject: string;
  /** And these, whoever uploaded them (attached to the person's applications, their vouchers' PDFs). */
  documentIds: string[];
}

export interface EraseDocumentRecordsResult {
  /** Documents erased (those retention deleted before included: their names go too). */
  documents: number;
  /** Blobs removed from the storage. */
  blobsDeleted: number;
}

export async function eraseDocumentRecords(
  store: Pick<DocumentStore, 'sequelize' | 'storage' | 'now'>,
  transaction: Transaction,
  options: EraseDocumentRecordsOptions,
): Promise<EraseDocumentRecordsResult> {
  const rows = await selectRows<{ sha256: string }>(
    store.sequelize,
    `UPDATE documents SET file_name = :erased, owner_username = :erased, deleted_at = COALESCE(deleted_at, :now)
     WHERE owner_subject = :subject OR id = ANY(CAST(:ids AS uuid[]))
     RETURNING sha256`,
    { erased: ERASED, now: store.now(), subject: options.ownerSubject, ids: options.documentIds },
    transaction,
  );
  const removed = await deleteUnsharedBlobs(
    store,
    rows.map((row) => row.sha256),
    transaction,
  );
  return { documents: rows.length, blobsDeleted: removed.size };
}
