import { describe, expect, it } from '@jest/globals';
import { createS3DocumentStorage, S3StorageError } from '../../../../src/modules/documents/s3-storage.js';

const HASH = 'ab'.repeat(32);
const SETTINGS = {
  endpoint: 'https://s3.eu-west-1.amazonaws.com',
  bucket: 'iaod-docs',
  region: 'eu-west-1',
  accessKeyId: 'AK',
  secretAccessKey: 'SK',
  forcePathStyle: false,
};

/** A fetch that records what it was asked and answers with the given statuses in turn. */
function recordingFetch(...statuses: number[]) {
  const requests: Array<{ url: string; method: string; headers: Record<string, string> }> = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    requests.push({ url: String(input), method: init?.method ?? 'GET', headers: init?.headers as Record<string, string> });
    const status = statuses.shift() ?? 200;
    return new Response(status === 200 || status === 404 || status === 304 ? null : '<Error><Code>AccessDenied</Code></Error>', { status });
  };
  return { fetch, requests };
}

describe('S3 document storage', () => {
  it('addresses objects virtual-host style by default, path style when asked', async () => {
    const virtual = recordingFetch(200);
    await createS3DocumentStorage({ ...SETTINGS, fetch: virtual.fetch }).hasBlob(HASH);
    expect(virtual.requests[0]?.url).toBe(`https://iaod-docs.s3.eu-west-1.amazonaws.com/ab/${HASH}`);

    const pathStyle = recordingFetch(200);
    await createS3DocumentStorage({ ...SETTINGS, endpoint: 'http://127.0.0.1:9000', forcePathStyle: true, fetch: pathStyle.fetch }).hasBlob(
      HASH,
    );
    expect(pathStyle.requests[0]?.url).toBe(`http://127.0.0.1:9000/iaod-docs/ab/${HASH}`);
  });

  it('sends the content hash as x-amz-content-sha256, so S3 refuses a body that does not match its key', async () => {
    const { fetch, requests } = recordingFetch(404, 200);
    await createS3DocumentStorage({ ...SETTINGS, fetch, now: () => new Date('2026-11-26T10:00:00Z') }).storeBlob(HASH, Buffer.from('x'));
    expect(requests.map((r) => r.method)).toEqual(['HEAD', 'PUT']);
    expect(requests[1]?.headers).toMatchObject({ 'x-amz-content-sha256': HASH, 'x-amz-date': '20261126T100000Z' });
    expect(requests[1]?.headers.authorization).toMatch(
      new RegExp(
        '^AWS4-HMAC-SHA256 Credential=AK/20261126/eu-west-1/s3/aws4_request,' +
          'SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date,Signature=[0-9a-f]{64}$',
      ),
    );
  });

  it('reports a refusal as an error naming the status and S3 code, never as "missing"', async () => {
    const { fetch } = recordingFetch(403);
    const failure = await createS3DocumentStorage({ ...SETTINGS, fetch })
      .readBlob(HASH)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(S3StorageError);
    expect(failure).toMatchObject({ status: 403, message: 'S3 GET answered 403 AccessDenied' });
    await expect(createS3DocumentStorage({ ...SETTINGS, fetch: recordingFetch(403).fetch }).hasBlob(HASH)).rejects.toThrow(S3StorageError);
  });

  it('reports a network failure as an S3StorageError with the cause', async () => {
    const storage = createS3DocumentStorage({ ...SETTINGS, fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(storage.hasBlob(HASH)).rejects.toMatchObject({ name: 'S3StorageError', status: undefined });
  });
});
