/**
 * Blobs in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, …): PUT, GET and HEAD of `<2 hex>/<sha256>`,
 * signed with AWS Signature V4 over `fetch`. The body's SHA-256 is its address and goes in
 * `x-amz-content-sha256`, so the service itself refuses a body that does not match the key.
 */
import type { S3StorageConfig } from '../../config.js';
import { signAwsRequest, EMPTY_SHA256 } from './sigv4.js';
import { assertBlobAddress, blobKeyFor, type DocumentStorage } from './storage.js';

export interface S3DocumentStorageOptions extends S3StorageConfig {
  /** Injected in tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** Signing clock. */
  now?: () => Date;
  /** Give up on one request after this long (default 30 s). */
  timeoutMs?: number;
}

/** The service answered with an error (or not at all); the message names the status and S3's error code. */
export class S3StorageError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'S3StorageError';
  }
}

export function createS3DocumentStorage(options: S3DocumentStorageOptions): DocumentStorage {
  const send = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 30_000;
  const endpoint = new URL(options.endpoint);
  const basePath = endpoint.pathname.replace(/\/+$/, '');

  function objectUrl(sha256: string): URL {
    const key = blobKeyFor(sha256);
    if (options.forcePathStyle) return new URL(`${endpoint.protocol}//${endpoint.host}${basePath}/${options.bucket}/${key}`);
    return new URL(`${endpoint.protocol}//${options.bucket}.${endpoint.host}${basePath}/${key}`);
  }

  async function request(method: 'GET' | 'HEAD' | 'PUT' | 'DELETE', sha256: string, body?: Uint8Array): Promise<Response> {
    const url = objectUrl(sha256);
    const extra: Record<string, string> = body ? { 'content-type': 'application/octet-stream' } : {};
    const signed = signAwsRequest({
      method,
      url,
      headers: extra,
      payloadSha256: body ? sha256 : EMPTY_SHA256,
      region: options.region,
      service: 's3',
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      now: now(),
    });
    try {
      return await send(url, { method, headers: signed.headers, body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new S3StorageError(`S3 ${method} ${url.pathname} failed: ${(error as Error).message}`, undefined, { cause: error });
    }
  }

  async function failure(method: string, response: Response): Promise<S3StorageError> {
    const text = method === 'HEAD' ? '' : await response.text().catch(() => '');
    const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
    return new S3StorageError(`S3 ${method} answered ${response.status}${code ? ` ${code}` : ''}`, response.status);
  }

  async function hasBlob(sha256: string): Promise<boolean> {
    const response = await request('HEAD', sha256);
    if (response.ok) return true;
    // S3 answers 403 instead of 404 when the credentials may not list the bucket: grant s3:ListBucket.
    if (response.status === 404) return false;
    throw await failure('HEAD', response);
  }

  return {
    hasBlob,
    async storeBlob(sha256, bytes) {
      assertBlobAddress(sha256);
      // Same content, same key: skip the upload when it is there already.
      if (await hasBlob(sha256)) return;
      const response = await request('PUT', sha256, bytes);
      if (!response.ok) throw await failure('PUT', response);
      await response.arrayBuffer();
    },
    async deleteBlob(sha256) {
      // S3 answers 204 whether or not the object was there.
      const response = await request('DELETE', sha256);
      if (!response.ok && response.status !== 404) throw await failure('DELETE', response);
      await response.arrayBuffer();
    },
    async readBlob(sha256) {
      const response = await request('GET', sha256);
      if (response.status === 404) {
        await response.arrayBuffer().catch(() => undefined);
        return undefined;
      }
      if (!response.ok) throw await failure('GET', response);
      return Buffer.from(await response.arrayBuffer());
    },
  };
}
