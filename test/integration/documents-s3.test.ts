/**
 * The S3 adapter against a real S3-compatible server (@20minutes/s3rver, which checks every request's
 * Signature V4), alone and behind the API.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config.js';
import { createS3DocumentStorage, S3StorageError, type S3DocumentStorageOptions } from '../../src/modules/documents/s3-storage.js';
import { signAwsRequest } from '../../src/modules/documents/sigv4.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';

const BUCKET = 'iaod-documents';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const uniquePdf = () => Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n`);

function binary(res: unknown, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('S3-compatible document storage', () => {
  let server: S3rver;
  let serverDir: string;
  let settings: S3DocumentStorageOptions;

  beforeAll(async () => {
    serverDir = await mkdtemp(path.join(os.tmpdir(), 'iaod-s3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, directory: serverDir, silent: true, configureBuckets: [{ name: BUCKET }] });
    const { port } = await server.run();
    settings = {
      endpoint: `http://127.0.0.1:${port}`,
      bucket: BUCKET,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    };
  });
  afterAll(async () => {
    await server.close();
    await rm(serverDir, { recursive: true, force: true });
  });

  it('stores, finds and reads back a blob under its hash', async () => {
    const storage = createS3DocumentStorage(settings);
    const bytes = uniquePdf();
    const hash = sha256(bytes);
    expect(await storage.hasBlob(hash)).toBe(false);
    expect(await storage.readBlob(hash)).toBeUndefined();
    await storage.storeBlob(hash, bytes);
    expect(await storage.hasBlob(hash)).toBe(true);
    expect(Buffer.compare((await storage.readBlob(hash)) ?? Buffer.alloc(0), bytes)).toBe(0);
  });

  it('uploads content that is already there only once', async () => {
    const calls: string[] = [];
    const storage = createS3DocumentStorage({
      ...settings,
      fetch: async (input, init) => {
        calls.push(init?.method ?? 'GET');
        return fetch(input, init);
      },
    });
    const bytes = uniquePdf();
    await storage.storeBlob(sha256(bytes), bytes);
    await storage.storeBlob(sha256(bytes), bytes);
    expect(calls).toEqual(['HEAD', 'PUT', 'HEAD']);
  });

  it('is refused by the server when the secret is wrong, so the signature is really checked', async () => {
    const storage = createS3DocumentStorage({ ...settings, secretAccessKey: 'not-the-secret' });
    const bytes = uniquePdf();
    const failure = await storage.readBlob(sha256(bytes)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(S3StorageError);
    expect(failure).toMatchObject({ status: 403, message: expect.stringContaining('SignatureDoesNotMatch') });
  });

  describe('behind the API', () => {
    let testApp: TestApp;
    let token: string;
    beforeAll(async () => {
      testApp = await startTestApp({
        env: {
          DOCUMENT_STORAGE: 's3',
          S3_ENDPOINT: settings.endpoint,
          S3_BUCKET: settings.bucket,
          S3_REGION: settings.region,
          S3_ACCESS_KEY_ID: settings.accessKeyId,
          S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
          S3_FORCE_PATH_STYLE: 'true',
        },
      });
      token = await tokenFor('amina');
    });
    afterAll(async () => {
      await testApp.close();
    });

    const upload = (bytes: Buffer, filename: string) =>
      request(testApp.app)
        .post('/api/v1/documents')
        .set('Authorization', `Bearer ${token}`)
        .field('kind', 'medical-report')
        .attach('file', bytes, filename);
    const download = (id: string) =>
      request(testApp.app).get(`/api/v1/documents/${id}/content`).set('Authorization', `Bearer ${token}`).buffer(true).parse(binary);

    it('keeps an uploaded document in the bucket and serves the same bytes', async () => {
      const bytes = await readFile(path.join(PROJECT_ROOT, 'test', 'fixtures', 'documents', 'tiny.pdf'));
      const uploaded = await upload(bytes, 'report.pdf');
      expect(uploaded.status).toBe(201);
      expect(uploaded.body.sha256).toBe(sha256(bytes));
      expect(await createS3DocumentStorage(settings).hasBlob(uploaded.body.sha256)).toBe(true);
      const content = await download(uploaded.body.id);
      expect(content.status).toBe(200);
      expect(Buffer.compare(content.body as Buffer, bytes)).toBe(0);
    });

    it('never serves an object that was replaced in the bucket', async () => {
      const uploaded = await upload(uniquePdf(), 'report.pdf');
      const replacement = Buffer.from('%PDF-1.4\n% replaced behind our back\n');
      const url = new URL(`${settings.endpoint}/${BUCKET}/${uploaded.body.sha256.slice(0, 2)}/${uploaded.body.sha256}`);
      const signed = signAwsRequest({
        method: 'PUT',
        url,
        payloadSha256: sha256(replacement),
        region: settings.region,
        service: 's3',
        credentials: settings,
        now: new Date(),
      });
      expect((await fetch(url, { method: 'PUT', headers: signed.headers, body: replacement })).status).toBe(200);

      const content = await download(uploaded.body.id);
      expect(content.status).toBe(500);
      expect(JSON.parse((content.body as Buffer).toString('utf8')).code).toBe('ERR_DOCUMENT_INTEGRITY');
    });
  });

  it('answers 503, not 4xx, when the storage refuses the service', async () => {
    const testApp = await startTestApp({
      env: {
        DOCUMENT_STORAGE: 's3',
        S3_ENDPOINT: settings.endpoint,
        S3_BUCKET: settings.bucket,
        S3_REGION: settings.region,
        S3_ACCESS_KEY_ID: settings.accessKeyId,
        S3_SECRET_ACCESS_KEY: 'not-the-secret',
        S3_FORCE_PATH_STYLE: 'true',
      },
    });
    try {
      const res = await request(testApp.app)
        .post('/api/v1/documents')
        .set('Authorization', `Bearer ${await tokenFor('amina')}`)
        .field('kind', 'other')
        .attach('file', uniquePdf(), 'a.pdf');
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('ERR_SERVICE_UNAVAILABLE');
    } finally {
      await testApp.close();
    }
  });
});
