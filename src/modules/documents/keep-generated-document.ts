import { createHash, randomUUID } from 'node:crypto';
import { lockBlob } from './blob-lock.js';
import type { DomainEvent } from '../../platform/db/command.js';
import { execute, selectOne, type Transaction } from '../../platform/db/sql.js';
import type { DocumentStore } from './document-store.js';
import { DocumentStorageUnavailableError } from './errors.js';

/** Who a document the service made belongs to: no person, so no one's uploads, quota or documents list. */
export const GENERATED_DOCUMENT_OWNER = 'system:generated';

export interface KeepGeneratedDocumentOptions {
  /** What it is: `voucher` for a printable voucher. */
  kind: 'voucher';
  fileName: string;
  mediaType: 'application/pdf';
  bytes: Buffer;
}

/**
 * Keeps a document the service made (a printable voucher) in the Document Store, in the caller's
 * command: the blob first (an orphan blob is harmless), then its row. Returns its id and the event the
 * command writes for it.
 */
export async function keepGeneratedDocument(
  store: DocumentStore,
  options: KeepGeneratedDocumentOptions,
  transaction: Transaction,
): Promise<{ id: string; event: DomainEvent }> {
  const sha256 = createHash('sha256').update(options.bytes).digest('hex');
  // Under the lock, so retention cannot delete these bytes between their store and the row's commit.
  await lockBlob(store.sequelize, sha256, transaction);
  try {
    await store.storage.storeBlob(sha256, options.bytes);
  } catch (error) {
    throw new DocumentStorageUnavailableError(error);
  }
  const id = randomUUID();
  await execute(
    store.sequelize,
    `INSERT INTO documents (id, sha256, size_bytes, media_type, file_name, kind, owner_subject, owner_username, created_at)
     VALUES (:id, :sha256, :sizeBytes, :mediaType, :fileName, :kind, :owner, :owner, :createdAt)`,
    {
      id,
      sha256,
      sizeBytes: options.bytes.length,
      mediaType: options.mediaType,
      fileName: options.fileName,
      kind: options.kind,
      owner: GENERATED_DOCUMENT_OWNER,
      createdAt: store.now(),
    },
    transaction,
  );
  return {
    id,
    event: {
      type: 'document.generated',
      aggregateType: 'document',
      aggregateId: id,
      payload: { kind: options.kind, mediaType: options.mediaType, sizeBytes: options.bytes.length },
    },
  };
}

/** The bytes of a generated document, checked against their hash; undefined when the blob is gone. */
export async function readGeneratedDocument(store: DocumentStore, id: string): Promise<Buffer | undefined> {
  const row = await selectOne<{ sha256: string }>(
    store.sequelize,
    'SELECT sha256 FROM documents WHERE id = :id AND owner_subject = :owner',
    { id, owner: GENERATED_DOCUMENT_OWNER },
  );
  if (!row) return undefined;
  let bytes: Buffer | undefined;
  try {
    bytes = await store.storage.readBlob(row.sha256);
  } catch (error) {
    throw new DocumentStorageUnavailableError(error);
  }
  if (!bytes || createHash('sha256').update(bytes).digest('hex') !== row.sha256) return undefined;
  return bytes;
}
