export { createDocumentHandlers, type DocumentHandlersOptions } from './routes.js';
export {
  createDocumentStore,
  createDocumentStorage,
  type CreateDocumentStoreOptions,
  type DocumentMetadata,
  type DocumentStore,
} from './document-store.js';
export { addDocumentDeletion, allowInvoiceDocuments, createDocuments } from './migrations.js';
export {
  deleteDocumentsOfRejectedApplications,
  type DeleteDocumentsOfRejectedApplicationsOptions,
  type DeleteDocumentsResult,
  type RejectedApplicationDocuments,
} from './delete-documents.js';
export { eraseDocumentRecords, type EraseDocumentRecordsOptions, type EraseDocumentRecordsResult } from './erase-documents.js';
export { uploadDocument, type UploadDocumentOptions } from './upload-document.js';
export { readDocument, readDocumentContent, type ReadDocumentOptions, type ReadDocumentContentResult } from './read-document.js';
export { findDocumentsOwnedBy, listDocumentsOwnedBy } from './find-documents.js';
export { NO_OFFICER_READS, type DocumentReadPolicy } from './read-policy.js';
export { DOCUMENT_KINDS, INVOICE_KIND, type DocumentKind } from './models.js';
export { DOCUMENT_MEDIA_TYPES, type DocumentMediaType } from './content-type.js';
export type { DocumentStorage } from './storage.js';
export type { DocumentQuotaPolicy } from './upload-quota.js';
export {
  GENERATED_DOCUMENT_OWNER,
  keepGeneratedDocument,
  readGeneratedDocument,
  type KeepGeneratedDocumentOptions,
} from './keep-generated-document.js';
