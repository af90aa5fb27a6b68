/**
 * Per-applicant quotas: open drafts and the bytes of documents no submitted application keeps. Over
 * either, 409 with a code of its own; discarding or submitting frees room; two requests at the edge
 * never both pass. The realm has two applicants shared by every test file of the run, so each test
 * first clears what earlier files left (open drafts) or measures it (bytes) and sets its quota from there.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { readTestEnvironment } from '../support/environment.js';
import { applicationFor, createProgram, type ProgramFixture } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { subjectOf, tokenFor } from '../support/tokens.js';

const MAX_OPEN_DRAFTS = 5;
const CAP = 4096;

/** A PDF by its bytes, unique per call so each upload has its own blob. */
function uniquePdf(size: number): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n`);
  return Buffer.concat([head, Buffer.alloc(size - head.length, 0x20)]);
}

describe('quotas per applicant', () => {
  let testApp: TestApp;
  let documentDir: string;
  let program: ProgramFixture;
  let pedro: string;
  let pedroSubject: string;
  let owner: pg.Client;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    documentDir = await mkdtemp(path.join(os.tmpdir(), 'iaod-quotas-'));
    testApp = await startTestApp({ env: { QUOTA_OPEN_DRAFTS: String(MAX_OPEN_DRAFTS), DOCUMENT_DIR: documentDir } });
    program = await createProgram(testApp.app);
    [pedro, pedroSubject] = await Promise.all([tokenFor('pedro'), subjectOf('pedro')]);
    owner = new pg.Client({ connectionString: readTestEnvironment().databaseUrl });
    await owner.connect();
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });
  afterAll(async () => {
    await owner?.end();
    await testApp?.close();
    await rm(documentDir, { recursive: true, force: true });
  });

  // Through the listening server: supertest on the app itself starts a server per request, which spaces out a race.
  const startDraft = (app = testApp) =>
    request(app.url).post('/api/v1/application-drafts').set('Authorization', `Bearer ${pedro}`).send({ programId: program.id });
  const openDrafts = async (): Promise<number> =>
    (
      await owner.query<{ n: number }>("SELECT count(*)::int AS n FROM applications WHERE applicant_subject = $1 AND status = 'DRAFT'", [
        pedroSubject,
      ])
    ).rows[0]?.n ?? 0;

  /** Discards Pedro's open drafts (left by earlier test files) through the API, as he would. */
  async function discardAllDrafts(): Promise<void> {
    for (;;) {
      const page = await request(testApp.app).get('/api/v1/application-drafts?pageSize=100').set('Authorization', `Bearer ${pedro}`);
      const items = page.body.items as Array<{ id: string }>;
      if (items.length === 0) return;
      for (const { id } of items) {
        const res = await request(testApp.app).delete(`/api/v1/application-drafts/${id}`).set('Authorization', `Bearer ${pedro}`);
        expect(res.status).toBe(204);
      }
    }
  }

  describe('open drafts', () => {
    it('stops 100 attempts at the quota, each refusal a 409 that states the limit', async () => {
      await discardAllDrafts();
      const statuses: number[] = [];
      const refusals: Array<{ code: string; detail: string }> = [];
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const res = await startDraft();
        statuses.push(res.status);
        if (res.status === 409) {
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          refusals.push(res.body);
        }
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_OPEN_DRAFTS);
      expect(statuses.slice(0, MAX_OPEN_DRAFTS).every((s) => s === 201)).toBe(true);
      expect(refusals).toHaveLength(100 - MAX_OPEN_DRAFTS);
      expect(refusals[0]).toMatchObject({
        code: 'ERR_DRAFT_QUOTA_REACHED',
        status: 409,
        title: 'Too many applications started and not sent',
        detail: `One person may have at most ${MAX_OPEN_DRAFTS} applications started and not sent; send or discard one to start another.`,
      });
      expect(await openDrafts()).toBe(MAX_OPEN_DRAFTS);
    });

    it('frees a place when a draft is discarded or submitted', async () => {
      await discardAllDrafts();
      const ids: string[] = [];
      for (let i = 0; i < MAX_OPEN_DRAFTS; i += 1) ids.push((await startDraft()).body.id);
      expect((await startDraft()).body.code).toBe('ERR_DRAFT_QUOTA_REACHED');

      const discarded = await request(testApp.app).delete(`/api/v1/application-drafts/${ids[0]}`).set('Authorization', `Bearer ${pedro}`);
      expect(discarded.status).toBe(204);
      const afterDiscard = await startDraft();
      expect(afterDiscard.status).toBe(201);
      expect((await startDraft()).status).toBe(409);

      const saved = await request(testApp.app)
        .put(`/api/v1/application-drafts/${ids[1]}`)
        .set('Authorization', `Bearer ${pedro}`)
        .send(applicationFor(program.id));
      expect(saved.status).toBe(200);
      const submitted = await request(testApp.app)
        .post(`/api/v1/application-drafts/${ids[1]}/submit`)
        .set('Authorization', `Bearer ${pedro}`);
      expect(submitted.status).toBe(201);
      expect((await startDraft()).status).toBe(201);
      expect((await startDraft()).status).toBe(409);
      expect(await openDrafts()).toBe(MAX_OPEN_DRAFTS);
    });

    it('lets exactly one of twenty requests racing for the last place through', async () => {
      await discardAllDrafts();
      for (let i = 0; i < MAX_OPEN_DRAFTS - 1; i += 1) expect((await startDraft()).status).toBe(201);
      const raced = await Promise.all(Array.from({ length: 20 }, () => startDraft()));
      expect(raced.map((r) => r.status).sort()).toEqual([201, ...Array<number>(19).fill(409)]);
      expect(raced.filter((r) => r.status === 409).every((r) => r.body.code === 'ERR_DRAFT_QUOTA_REACHED')).toBe(true);
      expect(await openDrafts()).toBe(MAX_OPEN_DRAFTS);
    });
  });

  /**
   * Plays a concurrent request of Pedro's that is filling his last place: it holds his quota lock in an
   * open transaction of its own and writes there. A request that counted without waiting would pass.
   */
  async function whileAnotherTransactionFillsTheLastPlace(
    quota: string,
    fill: string,
    values: unknown[],
    send: () => PromiseLike<request.Response>,
  ) {
    await owner.query('BEGIN');
    try {
      await owner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${quota}:${pedroSubject}`]);
      await owner.query(fill, values);
      const pending = Promise.resolve(send());
      const early = await Promise.race([pending.then(() => 'answered'), new Promise((resolve) => setTimeout(resolve, 500, 'waiting'))]);
      expect(early).toBe('waiting');
      await owner.query('COMMIT');
      return await pending;
    } catch (error) {
      await owner.query('ROLLBACK');
      throw error;
    }
  }

  it('makes a new draft wait for another request taking the last place, then refuses it', async () => {
    await discardAllDrafts();
    for (let i = 0; i < MAX_OPEN_DRAFTS - 1; i += 1) expect((await startDraft()).status).toBe(201);
    const res = await whileAnotherTransactionFillsTheLastPlace(
      'open-drafts',
      `INSERT INTO applications (id, reference, program_id, applicant_subject, applicant_username, status, draft)
       VALUES ($1, $2, $3, $4, 'pedro', 'DRAFT', $5)`,
      [randomUUID(), `IA-RACE-${randomUUID().slice(0, 4)}`, program.id, pedroSubject, JSON.stringify({ programId: program.id })],
      () => startDraft(),
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ERR_DRAFT_QUOTA_REACHED');
    expect(await openDrafts()).toBe(MAX_OPEN_DRAFTS);
  });

  describe('uploaded bytes', () => {
    /** Bytes of Pedro's documents that no submitted application of his keeps (what earlier files left). */
    async function countedBytes(): Promise<number> {
      const { rows } = await owner.query<{ used: string }>(
        `SELECT COALESCE(sum(size_bytes), 0)::text AS used FROM documents d WHERE owner_subject = $1 AND NOT EXISTS (
           SELECT 1 FROM application_documents ad JOIN applications a ON a.id = ad.application_id
           WHERE ad.document_id = d.id AND a.status <> 'DRAFT')`,
        [pedroSubject],
      );
      return Number(rows[0]?.used ?? 0);
    }

    /** An app whose quota leaves Pedro room for exactly `files` more files of the cap. */
    async function appWithRoomFor(files: number): Promise<TestApp> {
      const app = await startTestApp({
        env: {
          DOCUMENT_DIR: documentDir,
          DOCUMENT_MAX_BYTES: String(CAP),
          QUOTA_DOCUMENT_BYTES: String((await countedBytes()) + files * CAP),
        },
      });
      apps.push(app);
      return app;
    }

    const upload = (app: TestApp, bytes: Buffer) =>
      request(app.url)
        .post('/api/v1/documents')
        .set('Authorization', `Bearer ${pedro}`)
        .field('kind', 'medical-report')
        .attach('file', bytes, 'scan.pdf');
    const blobExists = (bytes: Buffer) => {
      const hash = createHash('sha256').update(bytes).digest('hex');
      return access(path.join(documentDir, hash.slice(0, 2), hash))
        .then(() => true)
        .catch(() => false);
    };

    it('refuses the upload that would pass the quota with 409, storing nothing of it', async () => {
      const app = await appWithRoomFor(3);
      for (let i = 0; i < 3; i += 1) expect((await upload(app, uniquePdf(CAP))).status).toBe(201);
      const rows = (await owner.query('SELECT count(*)::int AS n FROM documents')).rows[0].n;
      const refusedFile = uniquePdf(CAP);
      const refused = await upload(app, refusedFile);
      expect(refused.status).toBe(409);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ code: 'ERR_DOCUMENT_QUOTA_REACHED', title: 'Too much uploaded for applications not yet sent' });
      expect(refused.body.detail).toMatch(/may take at most \d+ bytes per person/);
      expect((await owner.query('SELECT count(*)::int AS n FROM documents')).rows[0].n).toBe(rows);
      await expect(blobExists(refusedFile)).resolves.toBe(false);
      // The quota is now full to the byte: a small file is refused too.
      expect((await upload(app, uniquePdf(100))).body.code).toBe('ERR_DOCUMENT_QUOTA_REACHED');
    });

    it('does not count the documents of a submitted application', async () => {
      const app = await appWithRoomFor(2);
      const first = await upload(app, uniquePdf(CAP));
      const second = await upload(app, uniquePdf(CAP));
      expect([first.status, second.status]).toEqual([201, 201]);
      expect((await upload(app, uniquePdf(CAP))).body.code).toBe('ERR_DOCUMENT_QUOTA_REACHED');

      const submitted = await request(app.app)
        .post('/api/v1/applications')
        .set('Authorization', `Bearer ${pedro}`)
        .send(
          applicationFor(program.id, {
            documents: [
              { documentId: first.body.id, kind: 'medical-report' },
              { documentId: second.body.id, kind: 'prescription' },
            ],
          }),
        );
      expect(submitted.status).toBe(201);
      expect((await upload(app, uniquePdf(CAP))).status).toBe(201);
    });

    it('lets exactly one of six uploads racing for the last room through', async () => {
      const app = await appWithRoomFor(1);
      const raced = await Promise.all(Array.from({ length: 6 }, () => upload(app, uniquePdf(CAP))));
      expect(raced.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      expect(await countedBytes()).toBe(app.config.quotas.documentBytes);
    });

    it('makes an upload wait for another request taking the last room, then refuses it', async () => {
      const app = await appWithRoomFor(1);
      // A first request fetches the provider's keys; the wait below must be the lock's alone.
      expect((await request(app.url).get(`/api/v1/documents/${randomUUID()}`).set('Authorization', `Bearer ${pedro}`)).status).toBe(404);
      const res = await whileAnotherTransactionFillsTheLastPlace(
        'document-bytes',
        `INSERT INTO documents (id, sha256, size_bytes, media_type, file_name, kind, owner_subject, owner_username)
         VALUES ($1, $2, $3, 'application/pdf', 'race.pdf', 'other', $4, 'pedro')`,
        [randomUUID(), createHash('sha256').update(randomUUID()).digest('hex'), CAP, pedroSubject],
        () => upload(app, uniquePdf(CAP)),
      );
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('ERR_DOCUMENT_QUOTA_REACHED');
      expect(await countedBytes()).toBe(app.config.quotas.documentBytes);
    });
  });
});
