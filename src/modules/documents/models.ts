/** Document rows and their API shape. */
import type { DocumentMediaType } from './content-type.js';

/** What an applicant (or an officer, for an application) uploads. */
export const DOCUMENT_KINDS = ['medical-report', 'prescription', 'id-proof', 'other'] as const;
/** What a service provider uploads, and only they: the invoice of a reimbursement claim. */
export const INVOICE_KIND = 'invoice';
export type DocumentKind = (typeof DOCUMENT_KINDS)[number] | typeof INVOICE_KIND;

export interface DocumentRow {
  id: string;
  sha256: string;
  /** bigint arrives as text; documents are capped far below 2^53. */
  size_bytes: string | number;
  media_type: DocumentMediaType;
  file_name: string;
  kind: DocumentKind;
  /** The uploader's token `sub`. */
  owner_subject: string;
  owner_username: string;
  created_at: Date;
  /** Set when the document's bytes were deleted (retention, or its owner's erasure); the row stays as the record of what there was. */
  deleted_at: Date | null;
}
