import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Socket } from 'node:net';
import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config.js';
import { findDocumentsOwnedBy } from '../../src/modules/documents/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { streamUpload } from '../support/stream-upload.js';
import { tokenFor } from '../support/tokens.js';

/** A file name as a browser would send it in `filename*`: lone surrogates dropped, UTF-8 percent-encoded. */
function encodedName(name: string): string {
  return encodeURIComponent(name.replace(/[\uD800-\uDFFF]/gu, ''));
}

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'documents');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Collects a binary response body whatever its content type. */
function binary(res: unknown, callback: (error: Error | null, body: Buffer) => void): void {
  // superagent hands over the Node response stream, though its types name its own Response.
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** A PDF by its bytes, unique per call so each test has its own blob. */
function uniquePdf(size = 64): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n`);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]).subarray(0, Math.max(size, head.length));
}

describe('document store', () => {
  let testApp: TestApp;
  let documentDir: string;
  let amina: string;
  let pedro: string;
  let otto: string;

  beforeAll(async () => {
    documentDir = await mkdtemp(path.join(os.tmpdir(), 'iaod-documents-'));
    testApp = await startTestApp({ env: { DOCUMENT_DIR: documentDir } });
    [amina, pedro, otto] = await Promise.all([tokenFor('amina'), tokenFor('pedro'), tokenFor('otto')]);
  });
  afterAll(async () => {
    await testApp.close();
    await rm(documentDir, { recursive: true, force: true });
  });

  const upload = (token: string, bytes: Buffer, filename: string, kind = 'medical-report', contentType = 'application/octet-stream') =>
    request(testApp.app)
      .post('/api/v1/documents')
      .set('Authorization', `Bearer ${token}`)
      .field('kind', kind)
      .attach('file', bytes, { filename, contentType });
  const metadata = (token: string, id: string) =>
    request(testApp.app).get(`/api/v1/documents/${id}`).set('Authorization', `Bearer ${token}`);
  const download = (token: string, id: string) =>
    request(testApp.app).get(`/api/v1/documents/${id}/content`).set('Authorization', `Bearer ${token}`).buffer(true).parse(binary);
  const blobPath = (hash: string) => path.join(documentDir, hash.slice(0, 2), hash);

  it.each([
    ['tiny.pdf', 'application/pdf', 'medical-report'],
    ['tiny.png', 'image/png', 'prescription'],
    ['tiny.jpg', 'image/jpeg', 'id-proof'],
  ])('stores %s as %s and gives back the same bytes and hash', async (fixture, mediaType, kind) => {
    const bytes = await readFile(path.join(FIXTURES, fixture));
    const res = await upload(amina, bytes, fixture, kind);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      fileName: fixture,
      mediaType,
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
      kind,
      createdAt: expect.any(String),
    });
    expect(res.headers.location).toBe(`/api/v1/documents/${res.body.id}`);

    const read = await metadata(amina, res.body.id);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);

    const content = await download(amina, res.body.id);
    expect(content.status).toBe(200);
    expect(Buffer.compare(content.body as Buffer, bytes)).toBe(0);
    expect(sha256(content.body as Buffer)).toBe(res.body.sha256);
    expect(content.headers['content-type']).toBe(mediaType);
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers.etag).toBe(`"${res.body.sha256}"`);
    expect(content.headers['content-disposition']).toBe(`attachment; filename=${fixture}`);
  });

  it('writes the blob at <root>/<first two hex>/<sha256>', async () => {
    const bytes = uniquePdf();
    const res = await upload(amina, bytes, 'a.pdf');
    expect(Buffer.compare(await readFile(blobPath(res.body.sha256)), bytes)).toBe(0);
  });

  it('judges the type by the bytes: a text file named .pdf is refused with 415', async () => {
    const res = await upload(
      amina,
      Buffer.from('This is plain text, whatever the name says.\n'),
      'report.pdf',
      'medical-report',
      'application/pdf',
    );
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'ERR_DOCUMENT_TYPE_REFUSED', status: 415, type: '/problems/document-type-refused' });
  });

  it('refuses a Windows executable with 415 even when it is named and declared as an image', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('PE\0\0'), randomBytes(64)]);
    const res = await upload(amina, exe, 'scan.png', 'id-proof', 'image/png');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('ERR_DOCUMENT_TYPE_REFUSED');
  });

  it('refuses an empty file with 400', async () => {
    const res = await upload(amina, Buffer.alloc(0), 'empty.pdf');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ERR_VALIDATION');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: '/body/file' })]);
  });

  it('refuses a missing file, a file sent as text, and an unknown kind with 400', async () => {
    const noFile = await request(testApp.app).post('/api/v1/documents').set('Authorization', `Bearer ${amina}`).field('kind', 'other');
    expect(noFile.status).toBe(400);
    const asText = await request(testApp.app)
      .post('/api/v1/documents')
      .set('Authorization', `Bearer ${amina}`)
      .field('kind', 'other')
      .field('file', '%PDF-1.4');
    expect(asText.status).toBe(400);
    expect(asText.body.code).toBe('ERR_VALIDATION');
    const badKind = await upload(amina, uniquePdf(), 'a.pdf', 'love-letter');
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/body/kind' })]));
  });

  it('refuses two files in one request, and a malformed form, with 400', async () => {
    const two = await request(testApp.app)
      .post('/api/v1/documents')
      .set('Authorization', `Bearer ${amina}`)
      .field('kind', 'other')
      .attach('file', uniquePdf(), 'a.pdf')
      .attach('file', uniquePdf(), 'b.pdf');
    expect(two.status).toBe(400);
    expect(two.body.code).toBe('ERR_VALIDATION');

    const truncated =
      '--XyZ\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n' +
      '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 and then the body stops';
    const malformed = await request(testApp.app)
      .post('/api/v1/documents')
      .set('Authorization', `Bearer ${amina}`)
      .set('Content-Type', 'multipart/form-data; boundary=XyZ')
      .send(truncated);
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(malformed.body.code).toBe('ERR_VALIDATION');
  });

  it('refuses a malformed form with 400 when the query was refused already', async () => {
    // A NUL in a part's header: busboy cannot read the form, after the query's control character was refused.
    const form = '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="evil\u0000.pdf"\r\n\r\n%PDF-1.4\r\n--XyZ--\r\n';
    const res = await request(testApp.app)
      .post('/api/v1/documents?pageSize=%00')
      .set('Authorization', `Bearer ${amina}`)
      .set('Content-Type', 'multipart/form-data; boundary=XyZ')
      .send(form);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'ERR_VALIDATION' });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('lets the owner and an auditor read a document, and answers another applicant as if it did not exist', async () => {
    const bytes = uniquePdf();
    const { body: document } = await upload(amina, bytes, 'mine.pdf');

    expect((await metadata(amina, document.id)).status).toBe(200);
    expect((await download(amina, document.id)).status).toBe(200);

    const byOther = await metadata(pedro, document.id);
    const missing = await metadata(pedro, randomUUID());
    expect(byOther.status).toBe(404);
    expect(byOther.body.code).toBe('ERR_NOT_FOUND');
    expect(missing.status).toBe(404);
    expect(Object.keys(byOther.body).sort()).toEqual(Object.keys(missing.body).sort());
    const otherDownload = await download(pedro, document.id);
    expect(otherDownload.status).toBe(404);
    expect(otherDownload.body.toString()).not.toContain('%PDF');

    const audited = await download(otto, document.id);
    expect(audited.status).toBe(200);
    expect(Buffer.compare(audited.body as Buffer, bytes)).toBe(0);
    expect((await metadata(otto, document.id)).body).toEqual(document);
  });

  it('lets officers upload, a service provider its invoices only, and nobody else an invoice', async () => {
    const byReviewer = await upload(await tokenFor('samuel'), uniquePdf(), 'review-note.pdf', 'other');
    expect(byReviewer.status).toBe(201);
    const clinic = await tokenFor('clinic');
    const notAnInvoice = await upload(clinic, uniquePdf(), 'report.pdf', 'other');
    expect(notAnInvoice.status).toBe(403);
    expect(notAnInvoice.body.code).toBe('ERR_DOCUMENT_KIND_NOT_YOURS');
    const invoice = await upload(clinic, uniquePdf(), 'invoice.pdf', 'invoice');
    expect(invoice.status).toBe(201);
    expect(invoice.body.kind).toBe('invoice');
    const byApplicant = await upload(amina, uniquePdf(), 'invoice.pdf', 'invoice');
    expect(byApplicant.status).toBe(403);
    expect(byApplicant.body.code).toBe('ERR_DOCUMENT_KIND_NOT_YOURS');
    const byAuditor = await upload(otto, uniquePdf(), 'note.pdf', 'other');
    expect(byAuditor.status).toBe(403);
    expect(byAuditor.body.code).toBe('ERR_FORBIDDEN_ROLE');
  });

  it('never serves a blob that was changed on disk: integrity error, not the bytes', async () => {
    const { body: document } = await upload(amina, uniquePdf(), 'to-tamper.pdf');
    const tampered = Buffer.from('%PDF-1.4\n% someone edited this file on the server\n');
    await writeFile(blobPath(document.sha256), tampered);

    const res = await download(amina, document.id);
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse((res.body as Buffer).toString('utf8'));
    expect(problem).toMatchObject({ code: 'ERR_DOCUMENT_INTEGRITY', status: 500, type: '/problems/document-integrity' });
    expect(problem.requestId).toEqual(expect.any(String));
    expect((res.body as Buffer).toString('utf8')).not.toContain('someone edited');
    expect(JSON.stringify(problem)).not.toContain(document.sha256);
  });

  it('reports a blob missing from storage as an integrity error too', async () => {
    const { body: document } = await upload(amina, uniquePdf(), 'to-lose.pdf');
    await unlink(blobPath(document.sha256));
    const res = await download(amina, document.id);
    expect(res.status).toBe(500);
    expect(JSON.parse((res.body as Buffer).toString('utf8')).code).toBe('ERR_DOCUMENT_INTEGRITY');
  });

  it('sanitizes a hostile file name and sends it back safely encoded', async () => {
    // RFC 5987 `filename*` is how control characters reach the server: busboy refuses them raw.
    const hostile = '../../..\\Windows\\System32\\inv\u202Eoice\u0007 "quoted" <b>;name.exe';
    const boundary = `----iaod${randomUUID()}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(hostile)}\r\n\r\n`),
      uniquePdf(),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await request(testApp.app)
      .post('/api/v1/documents')
      .set('Authorization', `Bearer ${amina}`)
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(body);
    expect(res.status).toBe(201);
    const { fileName } = res.body as { fileName: string };
    expect(fileName).toBe('invoice _quoted_ _b_name.exe.pdf');
    expect(fileName).not.toMatch(/[/\\\p{Cc}\p{Cf}"<>;]/u);

    const content = await download(amina, res.body.id);
    expect(content.headers['content-disposition']).toBe(`attachment; filename="${fileName}"`);
  });

  it('keeps a non-ASCII name and sends it as RFC 8187 filename*', async () => {
    const res = await upload(amina, await readFile(path.join(FIXTURES, 'tiny.png')), 'ordonnance médicale.png', 'prescription');
    expect(res.body.fileName).toBe('ordonnance médicale.png');
    const content = await download(amina, res.body.id);
    expect(content.headers['content-disposition']).toBe(
      `attachment; filename="ordonnance m?dicale.png"; filename*=UTF-8''ordonnance%20m%C3%A9dicale.png`,
    );
  });

  it('asks for a token before reading the form (401)', async () => {
    const res = await request(testApp.app).post('/api/v1/documents').field('kind', 'other').attach('file', uniquePdf(), 'a.pdf');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_AUTH_REQUIRED');
    expect((await request(testApp.app).get(`/api/v1/documents/${randomUUID()}`)).status).toBe(401);
    expect((await request(testApp.app).get(`/api/v1/documents/${randomUUID()}/content`)).status).toBe(401);
  });

  it('stores the same bytes once and records two documents, each with its audit and outbox event', async () => {
    const bytes = uniquePdf(2048);
    const first = await upload(amina, bytes, 'first.pdf');
    const second = await upload(pedro, bytes, 'second.pdf', 'other');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.sha256).toBe(first.body.sha256);

    const folder = await readdir(path.dirname(blobPath(first.body.sha256)));
    expect(folder.filter((name) => name.startsWith(first.body.sha256))).toEqual([first.body.sha256]);

    const { sequelize } = testApp.runtime.database;
    const [rows] = await sequelize.query('SELECT owner_username FROM documents WHERE sha256 = :sha ORDER BY created_at', {
      replacements: { sha: first.body.sha256 },
    });
    expect(rows).toEqual([{ owner_username: 'amina' }, { owner_username: 'pedro' }]);
    const ids = [first.body.id, second.body.id];
    const [audit] = await sequelize.query(
      "SELECT action, actor_username FROM audit_events WHERE entity_type = 'document' AND entity_id IN (:ids)",
      { replacements: { ids } },
    );
    const [outbox] = await sequelize.query(
      "SELECT event_type FROM outbox_events WHERE aggregate_type = 'document' AND aggregate_id IN (:ids)",
      { replacements: { ids } },
    );
    expect(audit).toHaveLength(2);
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'document.uploaded', actor_username: 'amina' },
        { action: 'document.uploaded', actor_username: 'pedro' },
      ]),
    );
    expect(outbox).toEqual([{ event_type: 'document.uploaded' }, { event_type: 'document.uploaded' }]);
  });

  it('answers 304 when the caller already holds the content (If-None-Match with the ETag)', async () => {
    const { body: document } = await upload(amina, uniquePdf(), 'cached.pdf');
    const res = await request(testApp.app)
      .get(`/api/v1/documents/${document.id}/content`)
      .set('Authorization', `Bearer ${amina}`)
      .set('If-None-Match', `"${document.sha256}"`);
    expect(res.status).toBe(304);
  });

  it('refuses a body that is not a form with 415, naming the type to send', async () => {
    const res = await request(testApp.app)
      .post('/api/v1/documents')
      .set('Authorization', `Bearer ${amina}`)
      .set('Content-Type', 'application/pdf')
      .send(uniquePdf());
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('ERR_UNSUPPORTED_MEDIA_TYPE');
    expect(res.body.detail).toContain('multipart/form-data');
  });

  it('never answers an arbitrary body with a server error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 512 }),
        fc.constantFrom('multipart/form-data; boundary=XyZ', 'multipart/form-data', 'multipart/mixed; boundary=XyZ'),
        async (body, type) => {
          const res = await request(testApp.app)
            .post('/api/v1/documents')
            .set('Authorization', `Bearer ${amina}`)
            .set('Content-Type', type)
            .send(Buffer.from(body));
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('answers any well-framed upload with 201, 400 or 415, and a safe name when stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(Buffer.from('%PDF-'), Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(0), Buffer.from('MZ')),
        fc.uint8Array({ maxLength: 256 }),
        fc.string({ unit: 'binary', maxLength: 80 }),
        async (magic, rest, name) => {
          const boundary = `----iaod${randomUUID()}`;
          const body = Buffer.concat([
            Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n`),
            Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodedName(name)}\r\n\r\n`),
            magic,
            Buffer.from(rest),
            Buffer.from(`\r\n--${boundary}--\r\n`),
          ]);
          const res = await request(testApp.app)
            .post('/api/v1/documents')
            .set('Authorization', `Bearer ${amina}`)
            .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
            .send(body);
          expect([201, 400, 415]).toContain(res.status);
          if (res.status === 201) expect(res.body.fileName).toMatch(/^[^/\\\p{Cc}\p{Cf}"<>;.\s][^/\\\p{Cc}\p{Cf}"<>;]*$/u);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a malformed document id with 400 and an unknown one with 404', async () => {
    expect((await metadata(amina, 'not-a-uuid')).status).toBe(400);
    expect((await download(amina, randomUUID())).status).toBe(404);
  });

  it('finds, for the applications module, only the listed documents the owner uploaded', async () => {
    const mine = (await upload(amina, uniquePdf(), 'mine.pdf')).body;
    const theirs = (await upload(pedro, uniquePdf(), 'theirs.pdf')).body;
    const me = (await metadata(amina, mine.id)).body;
    const aminaSubject = (await request(testApp.app).get('/api/v1/me').set('Authorization', `Bearer ${amina}`)).body.subject as string;

    const { sequelize } = testApp.runtime.database;
    const found = await findDocumentsOwnedBy(sequelize, [mine.id, theirs.id, randomUUID(), 'not-a-uuid', mine.id], aminaSubject);
    expect(found).toEqual([me]);
    expect(await findDocumentsOwnedBy(sequelize, [], aminaSubject)).toEqual([]);
  });
});

describe('document size cap', () => {
  const cap = 4096;
  let testApp: TestApp;
  let documentDir: string;
  let token: string;
  beforeAll(async () => {
    documentDir = await mkdtemp(path.join(os.tmpdir(), 'iaod-documents-cap-'));
    testApp = await startTestApp({ env: { DOCUMENT_DIR: documentDir, DOCUMENT_MAX_BYTES: String(cap) } });
    token = await tokenFor('amina');
  });
  afterAll(async () => {
    await testApp.close();
    await rm(documentDir, { recursive: true, force: true });
  });

  const upload = (bytes: Buffer) =>
    request(testApp.app)
      .post('/api/v1/documents')
      .set('Authorization', `Bearer ${token}`)
      .field('kind', 'other')
      .attach('file', bytes, 'big.pdf');

  it('accepts a file of exactly the cap', async () => {
    const res = await upload(uniquePdf(cap));
    expect(res.status).toBe(201);
    expect(res.body.sizeBytes).toBe(cap);
  });

  it.each([
    ['one byte over (refused by the service)', cap + 1],
    ['far over (refused while reading the form)', cap * 50],
  ])('refuses a file %s with 413', async (_label, size) => {
    const res = await upload(uniquePdf(size));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('ERR_PAYLOAD_TOO_LARGE');
  });

  /** Bytes the server read from each connection, in all, once it closed. */
  function watchConnections(): { readInAll: () => Promise<number[]> } {
    const closed: Array<Promise<number>> = [];
    const onConnection = (socket: Socket) => closed.push(once(socket, 'close').then(() => socket.bytesRead));
    testApp.server.on('connection', onConnection);
    return {
      readInAll: async () => {
        testApp.server.off('connection', onConnection);
        return Promise.all(closed);
      },
    };
  }

  const documentRows = async () => (await testApp.runtime.database.pool.query('SELECT count(*)::int AS n FROM documents')).rows[0].n;

  it.each([
    ['declares its length', true],
    ['is sent in chunks', false],
  ])('stops reading a 300 MiB upload that %s at the cap, answers 413 and closes the connection', async (_label, declareLength) => {
    const rowsBefore = await documentRows();
    const blobsBefore = await readdir(documentDir, { recursive: true });
    const connections = watchConnections();
    const answer = await streamUpload({
      url: `${testApp.url}/api/v1/documents`,
      headers: { Authorization: `Bearer ${token}` },
      fields: { kind: 'other' },
      fileBytes: 300 * 1024 * 1024,
      declareLength,
    });
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'ERR_PAYLOAD_TOO_LARGE', status: 413 });
    // What the server read: the cap, the form's framing and a read buffer or two, never the 300 MiB.
    const [read] = await connections.readInAll();
    expect(read).toBeLessThanOrEqual(cap + 64 * 1024 + 256 * 1024);
    // What the client had sent when the answer came also fits in the sockets' buffers, and it then had to stop.
    expect(answer.sentBeforeAnswer).toBeLessThan(32 * 1024 * 1024);
    expect(answer.sentInAll).toBeLessThan(64 * 1024 * 1024);
    // Nothing of it was kept.
    expect(await documentRows()).toBe(rowsBefore);
    expect(await readdir(documentDir, { recursive: true })).toEqual(blobsBefore);
  });

  it('still answers the next request normally after refusing an oversize one', async () => {
    await streamUpload({
      url: `${testApp.url}/api/v1/documents`,
      headers: { Authorization: `Bearer ${token}` },
      fields: { kind: 'other' },
      fileBytes: cap * 100,
      declareLength: false,
    });
    const res = await upload(uniquePdf(100));
    expect(res.status).toBe(201);
  });
});
