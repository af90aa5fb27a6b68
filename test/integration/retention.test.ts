/**
 * The retention job on a database of this file's own (the run's shared one holds every other file's records,
 * so "deleted exactly these" could not be seen there) and a document folder of its own: records are seeded
 * just before and just after each cut-off (their times set as the database owner), the job runs once, and
 * exactly what is past its time is gone, each deletion recorded; a period of 0 deletes nothing; the daily
 * schedule is in pg-boss.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config.js';
import { createRetentionDeps } from '../../src/job-workers.js';
import { runRetention } from '../../src/modules/retention/index.js';
import { createDatabaseIfMissing, dropDatabase } from '../../src/platform/db/embedded-postgres.js';
import { readTestEnvironment } from '../support/environment.js';
import { applicationFor, createProgram } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('retention job', () => {
  const database = `iaod_retention_${Date.now()}_${process.pid}`;
  const adminUrl = Object.assign(new URL(readTestEnvironment().databaseUrl), { pathname: '/postgres' }).href;
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href;
  let documentDir: string;
  let testApp: TestApp;
  let owner: pg.Pool;
  let programId: string;
  const tokens: Record<string, string> = {};
  const tinyPdf = readFile(path.join(PROJECT_ROOT, 'test', 'fixtures', 'documents', 'tiny.pdf'));

  beforeAll(async () => {
    await createDatabaseIfMissing(adminUrl, database);
    documentDir = await mkdtemp(path.join(os.tmpdir(), 'iaod-retention-'));
    testApp = await startTestApp({
      env: {
        DATABASE_URL: databaseUrl,
        DOCUMENT_DIR: documentDir,
        RETENTION_DRAFT_DAYS: '30',
        RETENTION_REJECTED_DOCUMENT_DAYS: '30',
        RETENTION_IDEMPOTENCY_KEY_DAYS: '7',
        RETENTION_OUTBOX_EVENT_DAYS: '30',
        // Smaller than what is due, so the deletions take several batches.
        RETENTION_BATCH_SIZE: '1',
      },
    });
    owner = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    for (const user of ['amina', 'pedro'] as const) tokens[user] = await tokenFor(user);
    programId = (await createProgram(testApp.app)).id;
  });
  afterAll(async () => {
    await owner.end();
    await testApp.close();
    await dropDatabase(adminUrl, database);
    await rm(documentDir, { recursive: true, force: true });
  });

  const api = () => request(testApp.app);
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

  /** A PDF of bytes no other upload of this file has, unless `bytes` are given. */
  async function upload(user: 'amina' | 'pedro', bytes?: Buffer): Promise<{ id: string; sha256: string }> {
    const content = bytes ?? Buffer.concat([await tinyPdf, Buffer.from(`%${randomUUID()}\n`)]);
    const res = await api()
      .post('/api/v1/documents')
      .set('Authorization', `Bearer ${tokens[user]}`)
      .field('kind', 'medical-report')
      .attach('file', content, 'report.pdf');
    if (res.status !== 201) throw new Error(`not uploaded: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, sha256: res.body.sha256 as string };
  }

  async function submit(documentIds: string[]): Promise<string> {
    const documents = documentIds.map((documentId) => ({ documentId, kind: 'medical-report' }));
    const res = await api()
      .post('/api/v1/applications')
      .set('Authorization', `Bearer ${tokens.amina}`)
      .send(applicationFor(programId, { documents }));
    if (res.status !== 201) throw new Error(`not submitted: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  async function startDraft(): Promise<string> {
    const res = await api().post('/api/v1/application-drafts').set('Authorization', `Bearer ${tokens.amina}`).send({ programId });
    if (res.status !== 201) throw new Error(`no draft: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  /** As the database owner: an application's status and the time of its last change. */
  async function setApplication(id: string, status: string, changedAt: Date): Promise<void> {
    await owner.query('UPDATE applications SET status = $2, updated_at = $3 WHERE id = $1', [id, status, changedAt]);
  }

  const blobExists = (sha256: string) =>
    stat(path.join(documentDir, sha256.slice(0, 2), sha256)).then(
      () => true,
      () => false,
    );
  const applicationExists = async (id: string) => (await owner.query('SELECT 1 FROM applications WHERE id = $1', [id])).rowCount === 1;
  const deletedAt = async (id: string) =>
    (await owner.query<{ deleted_at: Date | null }>('SELECT deleted_at FROM documents WHERE id = $1', [id])).rows[0]?.deleted_at;
  const auditOf = async (entityId: string) =>
    (
      await owner.query<{ action: string; actor_subject: string; details: Record<string, unknown> }>(
        'SELECT action, actor_subject, details FROM audit_events WHERE entity_id = $1 ORDER BY id',
        [entityId],
      )
    ).rows;

  it('is scheduled in pg-boss to run daily at the configured hour, UTC', async () => {
    const { rows } = await owner.query("SELECT name, cron, timezone FROM pgboss.schedule WHERE name = 'retention'");
    expect(rows).toEqual([{ name: 'retention', cron: '0 3 * * *', timezone: 'UTC' }]);
  });

  it('deletes exactly what is past its time, in batches, and records each deletion', async () => {
    // Drafts: one untouched for 31 days, one changed 29 days ago, one changed yesterday.
    const abandoned = await startDraft();
    const lately = await startDraft();
    const yesterday = await startDraft();
    await setApplication(abandoned, 'DRAFT', daysAgo(31));
    await setApplication(lately, 'DRAFT', daysAgo(29));
    await setApplication(yesterday, 'DRAFT', daysAgo(1));

    // Documents: of an application rejected 31 days ago (one with bytes of its own, one whose bytes pedro's
    // live upload shares), of one rejected 29 days ago, of one approved 100 days ago.
    const own = await upload('amina');
    const shared = await upload('amina');
    const pedrosCopy = await upload('pedro', await readFile(path.join(documentDir, shared.sha256.slice(0, 2), shared.sha256)));
    expect(pedrosCopy.sha256).toBe(shared.sha256);
    const rejectedLately = await upload('amina');
    const approvedLongAgo = await upload('amina');
    const rejectedOld = await submit([own.id, shared.id]);
    const rejectedRecent = await submit([rejectedLately.id]);
    const approved = await submit([approvedLongAgo.id]);
    await setApplication(rejectedOld, 'REJECTED', daysAgo(31));
    await setApplication(rejectedRecent, 'REJECTED', daysAgo(29));
    await setApplication(approved, 'APPROVED', daysAgo(100));

    // Idempotency records 8 and 6 days old; outbox events published 31 and 29 days ago, and one never published.
    await owner.query(
      `INSERT INTO idempotency_keys (subject, key, operation, request_hash, created_at)
       VALUES ('s-old', 'k', 'op', repeat('0', 64), $1), ('s-new', 'k', 'op', repeat('0', 64), $2)`,
      [daysAgo(8), daysAgo(6)],
    );
    const outbox = await owner.query<{ id: string }>(
      `INSERT INTO outbox_events (occurred_at, event_type, aggregate_type, aggregate_id, payload, published_at)
       VALUES ($1, 'test.old', 'test', 'a', '{}', $1), ($2, 'test.recent', 'test', 'b', '{}', $2),
              ($1, 'test.unpublished', 'test', 'c', '{}', NULL)
       RETURNING id`,
      [daysAgo(31), daysAgo(29)],
    );
    const [oldEvent, recentEvent, unpublishedEvent] = outbox.rows.map((row) => row.id);

    const runId = randomUUID();
    const result = await runRetention(createRetentionDeps({ config: testApp.config, database: testApp.runtime.database }), runId);

    expect(result.drafts).toEqual([abandoned]);
    expect(await applicationExists(abandoned)).toBe(false);
    expect(await applicationExists(lately)).toBe(true);
    expect(await applicationExists(yesterday)).toBe(true);
    expect(await auditOf(abandoned)).toContainEqual({
      action: 'application.draft-discarded',
      actor_subject: 'system:retention',
      details: { reason: 'retention' },
    });

    expect([...(result.documents?.deleted ?? [])].sort()).toEqual([own.id, shared.id].sort());
    expect(result.documents?.blobsDeleted).toBe(1);
    expect(await deletedAt(own.id)).toBeInstanceOf(Date);
    expect(await deletedAt(shared.id)).toBeInstanceOf(Date);
    for (const kept of [pedrosCopy, rejectedLately, approvedLongAgo]) expect(await deletedAt(kept.id)).toBeNull();
    expect(await blobExists(own.sha256)).toBe(false);
    expect(await blobExists(shared.sha256)).toBe(true);
    expect(await blobExists(rejectedLately.sha256)).toBe(true);
    expect(await blobExists(approvedLongAgo.sha256)).toBe(true);
    const deletedRecord = { action: 'document.deleted', actor_subject: 'system:retention' };
    expect(await auditOf(own.id)).toContainEqual({
      ...deletedRecord,
      details: { reason: 'retention-rejected-application', bytesDeleted: true },
    });
    expect(await auditOf(shared.id)).toContainEqual({
      ...deletedRecord,
      details: { reason: 'retention-rejected-application', bytesDeleted: false },
    });
    expect((await auditOf(rejectedLately.id)).map((event) => event.action)).not.toContain('document.deleted');
    // Its owner can no longer read a deleted document; pedro still reads his copy of the shared bytes.
    const gone = await api().get(`/api/v1/documents/${own.id}`).set('Authorization', `Bearer ${tokens.amina}`);
    expect(gone.status).toBe(404);
    const copy = await api().get(`/api/v1/documents/${pedrosCopy.id}/content`).set('Authorization', `Bearer ${tokens.pedro}`);
    expect(copy.status).toBe(200);

    const keys = await owner.query<{ subject: string }>("SELECT subject FROM idempotency_keys WHERE subject LIKE 's-%' ORDER BY subject");
    expect(keys.rows.map((row) => row.subject)).toEqual(['s-new']);
    const events = await owner.query<{ id: string }>('SELECT id FROM outbox_events WHERE id = ANY($1::bigint[]) ORDER BY id', [
      [oldEvent, recentEvent, unpublishedEvent],
    ]);
    expect(events.rows.map((row) => row.id)).toEqual([recentEvent, unpublishedEvent]);

    expect(await auditOf(runId)).toEqual([
      {
        action: 'retention.completed',
        actor_subject: 'system:retention',
        details: expect.objectContaining({ drafts: 1, documents: 2, blobs: 1, idempotencyKeys: 1, outboxEvents: 1 }),
      },
    ]);
  });

  it('deletes nothing of a kind whose period is 0', async () => {
    const abandoned = await startDraft();
    await setApplication(abandoned, 'DRAFT', daysAgo(400));
    const document = await upload('amina');
    const rejected = await submit([document.id]);
    await setApplication(rejected, 'REJECTED', daysAgo(400));
    await owner.query(
      `INSERT INTO idempotency_keys (subject, key, operation, request_hash, created_at) VALUES ('s-kept', 'k', 'op', repeat('0', 64), $1)`,
      [daysAgo(400)],
    );
    const outbox = await owner.query<{ id: string }>(
      `INSERT INTO outbox_events (occurred_at, event_type, aggregate_type, aggregate_id, payload, published_at)
       VALUES ($1, 'test.old', 'test', 'd', '{}', $1) RETURNING id`,
      [daysAgo(400)],
    );
    const keep = { draftDays: 0, rejectedDocumentDays: 0, idempotencyKeyDays: 0, outboxEventDays: 0 };
    const config = { ...testApp.config, retention: { ...testApp.config.retention, ...keep } };

    const runId = randomUUID();
    const result = await runRetention(createRetentionDeps({ config, database: testApp.runtime.database }), runId);

    expect(result).toEqual({ runId, drafts: undefined, documents: undefined, idempotencyKeys: undefined, outboxEvents: undefined });
    expect(await applicationExists(abandoned)).toBe(true);
    expect(await deletedAt(document.id)).toBeNull();
    expect(await blobExists(document.sha256)).toBe(true);
    expect((await owner.query("SELECT 1 FROM idempotency_keys WHERE subject = 's-kept'")).rowCount).toBe(1);
    expect((await owner.query('SELECT 1 FROM outbox_events WHERE id = $1', [outbox.rows[0]?.id])).rowCount).toBe(1);
    expect((await auditOf(runId))[0]?.details).toMatchObject({ drafts: null, documents: null, idempotencyKeys: null, outboxEvents: null });
  });
});
