import { AppError } from '../../platform/http/errors.js';

/** The bytes are not one of the accepted types, whatever the name or declared type says. */
export class DocumentTypeRefusedError extends AppError {
  constructor() {
    super('ERR_DOCUMENT_TYPE_REFUSED', {
      detail: "Only PDF, JPEG and PNG files are accepted; this file's content is none of them.",
    });
  }
}

/**
 * Stored content that no longer matches the hash taken at upload (or is gone): a fault on our side,
 * never served. The cause carries the document id and both hashes for the log; the client sees neither.
 */
export class DocumentIntegrityError extends AppError {
  constructor(documentId: string, expected: string, actual: string | undefined) {
    const what = actual === undefined ? 'its content is missing from storage' : `content hashes to ${actual}`;
    super('ERR_DOCUMENT_INTEGRITY', {
      detail: 'The stored document failed its integrity check and is not served. The request id identifies it in our logs.',
      cause: new Error(`document ${documentId}: expected sha256 ${expected}, ${what}`),
    });
  }
}

/** The storage service failed or did not answer: retry later, and never report it as bad input. */
export class DocumentStorageUnavailableError extends AppError {
  constructor(cause: unknown) {
    super('ERR_SERVICE_UNAVAILABLE', {
      detail: 'The document storage is not available; try again later.',
      cause,
    });
  }
}

/** In MiB when it is at least one, as people read storage sizes; bytes otherwise. */
function describeBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib < 1) return `${bytes} bytes`;
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}

/** The uploader's documents that no submitted application keeps would pass the quota with this file. */
export class DocumentQuotaReachedError extends AppError {
  constructor(readonly maxBytes: number) {
    super('ERR_DOCUMENT_QUOTA_REACHED', {
      detail:
        `Documents that are not part of a submitted application may take at most ${describeBytes(maxBytes)} per person; ` +
        'this file would go past that. Documents of submitted applications do not count.',
    });
  }
}
