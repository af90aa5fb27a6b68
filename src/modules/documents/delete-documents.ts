/**
 * Retention of the documents of rejected applications: their bytes leave the storage and their rows are
 * marked deleted (kept, because decisions and document verdicts refer to them). Bytes another live row
 * shares (files are named by their SHA-256) stay. One transaction per batch, one `document.deleted` event
 * per document; the bytes go inside that transaction, so a storage fault rolls the batch back and the next
 * run tries again.
 */
import type { Actor } from '../../platform/db/command.js';
import { selectOne, selectRows, type Transaction } from '../../platform/db/sql.js';
import { lockBlob } from './blob-lock.js';
import type { DocumentStore } from './document-store.js';

/** Which documents are due. The applications module knows; this module only asks. */
export interface RejectedApplicationDocuments {
  /**
   * Ids of documents kept only by applications rejected before `before`, in id order after `after`, at most
   * `limit`. Documents marked deleted already may be among them.
   */
  documentsRejectedBefore(before: Date, after: string | undefined, limit: number): Promise<string[]>;
}

export interface DeleteDocumentsOfRejectedApplicationsOptions {
  before: Date;
  batchSize: number;
  actor: Actor;
  rejected: RejectedApplicationDocuments;
}

export interface DeleteDocumentsResult {
  /** Ids of the documents marked deleted in this call. */
  deleted: string[];
  /** Blobs removed from the storage (fewer when several documents shared one, or a live one still does). */
  blobsDeleted: number;
}

export async function deleteDocumentsOfRejectedApplications(
  store: Pick<DocumentStore, 'sequelize' | 'commands' | 'storage' | 'now'>,
  options: DeleteDocumentsOfRejectedApplicationsOptions,
): Promise<DeleteDocumentsResult> {
  const result: DeleteDocumentsResult = { deleted: [], blobsDeleted: 0 };
  let after: string | undefined;
  for (;;) {
    const ids = await options.rejected.documentsRejectedBefore(options.before, after, options.batchSize);
    if (ids.length === 0) return result;
    after = ids[ids.length - 1];
    const batch = await store.commands.run(options.actor, async (transaction) => {
      const marked = await selectRows<{ id: string; sha256: string }>(
        store.sequelize,
        `UPDATE documents SET deleted_at = :now WHERE id = ANY(CAST(:ids AS uuid[])) AND deleted_at IS NULL
         RETURNING id, sha256`,
        { ids, now: store.now() },
        transaction,
      );
      const removed = await deleteUnsharedBlobs(
        store,
        marked.map((row) => row.sha256),
        transaction,
      );
      return {
        result: { deleted: marked.map((row) => row.id), blobsDeleted: removed.size },
        events: marked.map((row) => ({
          type: 'document.deleted',
          aggregateType: 'document',
          aggregateId: row.id,
          payload: { reason: 'retention-rejected-application', bytesDeleted: removed.has(row.sha256) },
        })),
      };
    });
    result.deleted.push(...batch.deleted);
    result.blobsDeleted += batch.blobsDeleted;
    if (ids.length < options.batchSize) return result;
  }
}

/**
 * Deletes the bytes of these hashes, in the caller's transaction after it marked its rows deleted, except
 * bytes a row not marked deleted still names. Under each blob's lock, so an upload of the same bytes waits
 * (or is seen). Returns the hashes whose bytes went. Used by retention and by erasure.
 */
export async function deleteUnsharedBlobs(
  store: Pick<DocumentStore, 'sequelize' | 'storage'>,
  sha256s: string[],
  transaction: Transaction,
): Promise<Set<string>> {
  const removed = new Set<string>();
  // Sorted, so two runs lock blobs in one order.
  for (const sha256 of [...new Set(sha256s)].sort()) {
    await lockBlob(store.sequelize, sha256, transaction);
    const live = await selectOne<{ found: number }>(
      store.sequelize,
      'SELECT 1 AS found FROM documents WHERE sha256 = :sha256 AND deleted_at IS NULL LIMIT 1',
      { sha256 },
      transaction,
    );
    if (live) continue;
    await store.storage.deleteBlob(sha256);
    removed.add(sha256);
  }
  return removed;
}
