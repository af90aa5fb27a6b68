import { createHash } from 'node:crypto';
import type { Principal } from '../../platform/auth/principal.js';
import { selectOne } from '../../platform/db/sql.js';
import { ForbiddenError, InputError, PayloadTooLargeError } from '../../platform/http/errors.js';
import { sniffDocumentType } from './content-type.js';
import { toDocumentMetadata, type DocumentMetadata, type DocumentStore } from './document-store.js';
import { DocumentStorageUnavailableError, DocumentTypeRefusedError } from './errors.js';
import { sanitizeFileName } from './file-name.js';
import { INVOICE_KIND, type DocumentKind, type DocumentRow } from './models.js';
import { checkUploadQuota } from './upload-quota.js';
import { lockBlob } from './blob-lock.js';

export interface UploadDocumentOptions {
  uploader: Pick<Principal, 'subject' | 'username' | 'roles'>;
  kind: DocumentKind;
  /** The name the client sent; kept as a label only, after sanitizing. */
  fileName: string;
  bytes: Buffer;
}

/**
 * Checks the file (not empty, within the cap, a PDF, JPEG or PNG by its bytes, within the uploader's
 * quota), stores the bytes under their SHA-256, then records the document and its event in one
 * transaction. The blob goes first: an orphan blob is harmless, a row without its blob must never exist.
 * The quota is checked before the blob is stored (so an upload over it stores nothing) and again, under
 * the uploader's lock, in the transaction (so two uploads at the edge cannot both pass; the loser's blob
 * stays, unreferenced, as after any failed transaction).
 */
export async function uploadDocument(store: DocumentStore, options: UploadDocumentOptions): Promise<DocumentMetadata> {
  const { bytes, uploader, kind } = options;
  // A service provider uploads invoices for its claims, and nobody else does.
  const provider = uploader.roles.includes('service-provider');
  if (provider !== (kind === INVOICE_KIND)) {
    throw new ForbiddenError(
      provider ? 'A service provider uploads invoices only (kind "invoice").' : 'Only a service provider uploads invoices.',
      'ERR_DOCUMENT_KIND_NOT_YOURS',
    );
  }
  if (bytes.length === 0) throw new InputError('The file is empty.', [{ path: '/body/file', message: 'must not be empty' }]);
  if (bytes.length > store.maxBytes)
    throw new PayloadTooLargeError(`The file is larger than the ${store.maxBytes} bytes a document may have.`);
  const mediaType = sniffDocumentType(bytes);
  if (!mediaType) throw new DocumentTypeRefusedError();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await checkUploadQuota(store.sequelize, store.quota, uploader.subject, bytes.length);

  await storeBlob(store, sha256, bytes);

  const id = store.newId();
  const record = await store.commands.run(uploader, async (transaction) => {
    await checkUploadQuota(store.sequelize, store.quota, uploader.subject, bytes.length, transaction);
    // Retention may have deleted these bytes since they were stored above: under the lock, store them again.
    await lockBlob(store.sequelize, sha256, transaction);
    await storeBlob(store, sha256, bytes);
    const row = await selectOne<DocumentRow>(
      store.sequelize,
      `INSERT INTO documents (id, sha256, size_bytes, media_type, file_name, kind, owner_subject, owner_username, created_at)
       VALUES (:id, :sha256, :sizeBytes, :mediaType, :fileName, :kind, :ownerSubject, :ownerUsername, :createdAt)
       RETURNING *`,
      {
        id,
        sha256,
        sizeBytes: bytes.length,
        mediaType,
        fileName: sanitizeFileName(options.fileName, { mediaType }),
        kind,
        ownerSubject: uploader.subject,
        ownerUsername: uploader.username,
        createdAt: store.now(),
      },
      transaction,
    );
    if (!row) throw new TypeError('INSERT … RETURNING returned no row');
    return {
      result: row,
      events: [
        { type: 'document.uploaded', aggregateType: 'document', aggregateId: id, payload: { kind, mediaType, sizeBytes: bytes.length } },
      ],
    };
  });
  return toDocumentMetadata(record);
}

async function storeBlob(store: DocumentStore, sha256: string, bytes: Uint8Array): Promise<void> {
  try {
    await store.storage.storeBlob(sha256, bytes);
  } catch (error) {
    throw new DocumentStorageUnavailableError(error);
  }
}
