/**
 * Where document bytes live. Blobs are content-addressed: the key is the SHA-256 of the bytes (lowercase
 * hex), so the same content is stored once and a blob never changes after it is written. Adapters do not
 * check the hash on the way in or out; the document service does, on every read.
 */

export interface DocumentStorage {
  /** Stores the bytes under their hash; storing content that is already there is a no-op. */
  storeBlob(sha256: string, bytes: Uint8Array): Promise<void>;
  /** The bytes stored under this hash, or undefined when there are none. */
  readBlob(sha256: string): Promise<Buffer | undefined>;
  hasBlob(sha256: string): Promise<boolean>;
  /** Removes the bytes stored under this hash (retention, erasure); removing what is not there is a no-op. */
  deleteBlob(sha256: string): Promise<void>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Adapters build paths and object keys from the hash, so it must be exactly 64 lowercase hex digits. */
export function assertBlobAddress(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new TypeError(`not a SHA-256 hex digest: ${JSON.stringify(sha256.slice(0, 80))}`);
}

/** `ab/abcdef…`: two hex digits of fan-out keep folders (and S3 prefixes) small. */
export function blobKeyFor(sha256: string): string {
  assertBlobAddress(sha256);
  return `${sha256.slice(0, 2)}/${sha256}`;
}
