/** Document rows and their API shape. */
import type { DocumentMediaType } from './content-type.js';

export const DOCUMENT_KINDS = ['medical-report', 'prescription', 'id-proof', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

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
}
