import { createHash } from 'node:crypto';
import { hasAnyRole, type Principal } from '../../platform/auth/principal.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { toDocumentMetadata, type DocumentMetadata, type DocumentStore } from './document-store.js';
import { DocumentIntegrityError, DocumentStorageUnavailableError } from './errors.js';
import { selectOne } from '../../platform/db/sql.js';
import type { DocumentRow } from './models.js';
import type { DocumentReadPolicy } from './read-policy.js';

export interface ReadDocumentOptions {
  documentId: string;
  reader: Principal;
  policy: DocumentReadPolicy;
}

export interface ReadDocumentContentResult {
  document: DocumentMetadata;
  /** The stored bytes, checked against the document's SHA-256. */
  bytes: Buffer;
}

/** The owner, any auditor, and officers the policy names. */
async function mayRead(record: DocumentRow, reader: Principal, policy: DocumentReadPolicy): Promise<boolean> {
  if (record.owner_subject === reader.subject) return true;
  if (hasAnyRole(reader, ['auditor'])) return true;
  return policy.mayOfficerRead(record.id, reader);
}

/** A document the reader may not read is answered exactly like one that does not exist. */
async function findReadable(store: DocumentStore, { documentId, reader, policy }: ReadDocumentOptions): Promise<DocumentRow> {
  const record = await selectOne<DocumentRow>(store.sequelize, 'SELECT * FROM documents WHERE id = :documentId AND deleted_at IS NULL', {
    documentId,
  });
  if (!record || !(await mayRead(record, reader, policy))) throw new NotFoundError(`No document ${documentId}.`);
  return record;
}

export async function readDocument(store: DocumentStore, options: ReadDocumentOptions): Promise<DocumentMetadata> {
  return toDocumentMetadata(await findReadable(store, options));
}

/** The bytes, only if they still hash to what was stored at upload; anything else is an integrity fault. */
export async function readDocumentContent(store: DocumentStore, options: ReadDocumentOptions): Promise<ReadDocumentContentResult> {
  const record = await findReadable(store, options);
  let bytes: Buffer | undefined;
  try {
    bytes = await store.storage.readBlob(record.sha256);
  } catch (error) {
    throw new DocumentStorageUnavailableError(error);
  }
  if (bytes === undefined) throw new DocumentIntegrityError(record.id, record.sha256, undefined);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== record.sha256 || bytes.length !== Number(record.size_bytes))
    throw new DocumentIntegrityError(record.id, record.sha256, actual);
  if (record.owner_subject !== options.reader.subject) {
    // Someone other than the uploader read the content: recorded for auditors.
    await store.commands.recordAccess(options.reader, [
      { type: 'document.content-read', aggregateType: 'document', aggregateId: record.id },
    ]);
  }
  return { document: toDocumentMetadata(record), bytes };
}
