/**
 * Erasure (issue 18), in two steps. In the erasure's transaction, the documents' rows keep their id, kind,
 * size, type, hash and date (applications and claims point at them), lose their file name and uploader's user
 * name, and are marked erased, so their content is never served again. After the commit, their bytes are
 * deleted from the storage, except a file another document that is not erased still names by its SHA-256.
 */
import { selectRows, type Transaction } from '../../platform/db/sql.js';
import { ERASED } from '../../platform/privacy/erase-personal-json.js';
import type { DocumentStore } from './document-store.js';

export interface EraseDocumentRecordsOptions {
  /** The person: every document they uploaded. */
  ownerSubject: string;
  /** And these, whoever uploaded them (attached to the person's applications, their vouchers' PDFs). */
  documentIds: string[];
}

/** Returns the SHA-256 of the erased documents, for `deleteErasedBlobs` once the transaction committed. */
export async function eraseDocumentRecords(
  store: DocumentStore,
  transaction: Transaction,
  options: EraseDocumentRecordsOptions,
): Promise<string[]> {
  const rows = await selectRows<{ sha256: string }>(
    store.sequelize,
    `UPDATE documents SET file_name = :erased, owner_username = :erased, erased_at = COALESCE(erased_at, :now)
     WHERE owner_subject = :subject OR id = ANY(CAST(:ids AS uuid[]))
     RETURNING sha256`,
    { erased: ERASED, now: store.now(), subject: options.ownerSubject, ids: options.documentIds },
    transaction,
  );
  return [...new Set(rows.map((row) => row.sha256))];
}

/** Deletes the bytes of erased documents; a file that a document not erased still uses stays. Idempotent. */
export async function deleteErasedBlobs(store: DocumentStore, sha256s: string[]): Promise<number> {
  if (sha256s.length === 0) return 0;
  const stillUsed = await selectRows<{ sha256: string }>(
    store.sequelize,
    'SELECT DISTINCT sha256 FROM documents WHERE sha256 = ANY(CAST(:hashes AS text[])) AND erased_at IS NULL',
    { hashes: sha256s },
  );
  const keep = new Set(stillUsed.map((row) => row.sha256));
  let deleted = 0;
  for (const sha256 of sha256s) {
    if (keep.has(sha256)) continue;
    await store.storage.deleteBlob(sha256);
    deleted++;
  }
  return deleted;
}
