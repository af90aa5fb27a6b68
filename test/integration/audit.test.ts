/**
 * The audit trail is tamper-evident: an event changed or removed directly in PostgreSQL by the owner
 * is found and named by the verification, and the app's own role cannot change or remove one at all.
 * Reads of personal data by someone other than its owner are recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Sequelize } from 'sequelize';
import { connectDatabase, type Database } from '../../src/platform/db/database.js';
import { selectOne, selectRows } from '../../src/platform/db/sql.js';
import { sealCheckpoint } from '../../src/platform/audit/checkpoint.js';
import type { StoredAuditEvent } from '../../src/platform/audit/event-hash.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { readTestEnvironment } from '../support/environment.js';
import { tokenFor } from '../support/tokens.js';
import { applicationFor, createProgram } from '../support/fixtures.js';

interface AuditRow extends StoredAuditEvent {
  id: string;
  chain_key: string;
  seq: number;
  prev_hash: string | null;
  hash: string;
  xact_id: string;
}

describe('the audit trail', () => {
  let testApp: TestApp;
  let owner: Database;
  let otto: string;
  let maria: string;
  let amina: string;
  let samuel: string;
  beforeAll(async () => {
    testApp = await startTestApp();
    // The schema owner, as a DBA or an intruder with its password would connect.
    owner = connectDatabase(readTestEnvironment().databaseUrl, createLogger('silent'), 2);
    [otto, maria, amina, samuel] = await Promise.all([tokenFor('otto'), tokenFor('maria'), tokenFor('amina'), tokenFor('samuel')]);
  });
  afterAll(async () => {
    await owner.close();
    await testApp.close();
  });

  const api = () => request(testApp.app);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const verify = async () => {
    const res = await api().get('/api/v1/audit/verification').set(as(otto));
    expect(res.status).toBe(200);
    return res.body;
  };
  const seal = () => sealCheckpoint({ sequelize: testApp.runtime.database.sequelize, key: testApp.config.audit.checkpointKey });
  /** Seals until a checkpoint covers the event: one still open elsewhere may hold the horizon back for a moment. */
  const sealThrough = async (eventId: string) => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await seal();
      const covered = await selectOne(
        testApp.runtime.database.sequelize,
        'SELECT 1 AS found FROM audit_checkpoints WHERE last_event_id >= :id',
        {
          id: eventId,
        },
      );
      if (covered) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no checkpoint covers event ${eventId}`);
  };
  const eventsOf = (sequelize: Sequelize, type: string, id: string) =>
    selectRows<AuditRow>(
      sequelize,
      'SELECT *, CAST(xact_id AS text) AS xact_id FROM audit_events WHERE entity_type = :type AND entity_id = :id ORDER BY seq',
      {
        type,
        id,
      },
    );
  /** Puts a removed row back exactly as it was, id and transaction id included, so later tests start from a sound trail. */
  const restore = (row: AuditRow) =>
    owner.sequelize.query(
      `INSERT INTO audit_events (id, occurred_at, actor_subject, actor_username, action, entity_type, entity_id, details,
         chain_key, seq, prev_hash, hash, xact_id)
       VALUES (:id, :occurred_at, :actor_subject, :actor_username, :action, :entity_type, :entity_id, CAST(:details AS jsonb),
         :chain_key, :seq, :prev_hash, :hash, CAST(:xact_id AS xid8))`,
      { replacements: { ...row, details: JSON.stringify(row.details) } },
    );

  it('verifies a sound trail, for auditors only', async () => {
    await createProgram(testApp.app);
    await seal();
    const result = await verify();
    expect(result).toMatchObject({ verified: true, firstBrokenEvent: null, firstBrokenCheckpoint: null, brokenEvents: 0 });
    expect(result.eventsChecked).toBeGreaterThan(0);
    expect(result.checkpointsChecked).toBeGreaterThan(0);
    for (const other of [maria, amina, samuel]) {
      const refused = await api().get('/api/v1/audit/verification').set(as(other));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('ERR_FORBIDDEN_ROLE');
    }
  });

  it('names an event whose content the owner changed in the database', async () => {
    const program = await createProgram(testApp.app);
    const [created, opened] = await eventsOf(owner.sequelize, 'program', program.id);
    expect(opened).toBeDefined();
    await owner.sequelize.query(`UPDATE audit_events SET details = '{"code":"FORGED"}' WHERE id = :id`, {
      replacements: { id: created?.id },
    });
    const result = await verify();
    expect(result.verified).toBe(false);
    expect(result.firstBrokenEvent).toEqual({
      id: String(created?.id),
      chainKey: `program:${program.id}`,
      seq: 1,
      reason: 'content-altered',
    });
    await owner.sequelize.query('UPDATE audit_events SET details = CAST(:details AS jsonb) WHERE id = :id', {
      replacements: { id: created?.id, details: JSON.stringify(created?.details) },
    });
    expect((await verify()).verified).toBe(true);
  });

  it('names the event after one the owner deleted, and finds a deleted last event through the checkpoint', async () => {
    const program = await createProgram(testApp.app);
    const [created, opened] = await eventsOf(owner.sequelize, 'program', program.id);
    if (!created || !opened) throw new Error('the program has two events');
    await sealThrough(opened.id);

    await owner.sequelize.query('DELETE FROM audit_events WHERE id = :id', { replacements: { id: created.id } });
    const gap = await verify();
    expect(gap.verified).toBe(false);
    expect(gap.firstBrokenEvent).toEqual({
      id: String(opened.id),
      chainKey: `program:${program.id}`,
      seq: 2,
      reason: 'event-missing-before',
    });
    await restore(created);

    // The last event of a chain has no successor to notice: the sealed checkpoint does.
    await owner.sequelize.query('DELETE FROM audit_events WHERE id = :id', { replacements: { id: opened.id } });
    const tail = await verify();
    expect(tail.verified).toBe(false);
    expect(tail.firstBrokenEvent).toBeNull();
    expect(tail.firstBrokenCheckpoint).toMatchObject({ reason: 'events-differ' });
    expect(BigInt(tail.firstBrokenCheckpoint.firstEventId)).toBeLessThanOrEqual(BigInt(opened.id));
    expect(BigInt(tail.firstBrokenCheckpoint.lastEventId)).toBeGreaterThanOrEqual(BigInt(opened.id));
    await restore(opened);
    expect((await verify()).verified).toBe(true);
  });

  it('finds a forged checkpoint, which cannot be signed without the key', async () => {
    const program = await createProgram(testApp.app);
    const [, opened] = await eventsOf(owner.sequelize, 'program', program.id);
    await sealThrough(String(opened?.id));
    const sealed = await selectOne<{ seq: number }>(testApp.runtime.database.sequelize, 'SELECT max(seq) AS seq FROM audit_checkpoints');
    if (!sealed) throw new Error('a checkpoint was sealed');
    await owner.sequelize.query('UPDATE audit_checkpoints SET event_count = event_count + 1 WHERE seq = :seq', {
      replacements: { seq: sealed.seq },
    });
    expect((await verify()).firstBrokenCheckpoint).toMatchObject({ seq: sealed.seq, reason: 'signature-invalid' });
    await owner.sequelize.query('UPDATE audit_checkpoints SET event_count = event_count - 1 WHERE seq = :seq', {
      replacements: { seq: sealed.seq },
    });
    expect((await verify()).verified).toBe(true);
  });

  it("refuses the app's own role any change or removal of an audit event or checkpoint", async () => {
    const { sequelize } = testApp.runtime.database;
    const any = await selectOne<{ id: string }>(sequelize, 'SELECT id FROM audit_events ORDER BY id LIMIT 1');
    for (const statement of [
      `UPDATE audit_events SET details = '{}' WHERE id = :id`,
      'DELETE FROM audit_events WHERE id = :id',
      'UPDATE audit_checkpoints SET digest = digest WHERE seq > 0 AND :id IS NOT NULL',
      'DELETE FROM audit_checkpoints WHERE :id IS NOT NULL',
      'TRUNCATE audit_events',
    ]) {
      await expect(sequelize.query(statement, { replacements: { id: any?.id } })).rejects.toMatchObject({ original: { code: '42501' } });
    }
    expect((await verify()).verified).toBe(true);
  });

  it("records an officer's read of an application, and not the applicant's own", async () => {
    const program = await createProgram(testApp.app);
    const submitted = await api().post('/api/v1/applications').set(as(amina)).send(applicationFor(program.id));
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    expect((await api().get(`/api/v1/applications/${id}`).set(as(amina))).status).toBe(200);
    expect((await api().get(`/api/v1/applications/${id}`).set(as(samuel))).status).toBe(200);
    const reads = (await eventsOf(testApp.runtime.database.sequelize, 'application', id)).filter((e) => e.action === 'application.read');
    expect(reads.map((e) => e.actor_username)).toEqual(['samuel']);
  });

  it("records one reader's concurrent searches on several chains, each sound", async () => {
    const subject = (JSON.parse(Buffer.from(otto.split('.')[1] ?? '', 'base64url').toString()) as { sub: string }).sub;
    const before = await eventsOf(testApp.runtime.database.sequelize, 'reader', subject);
    const searches = await Promise.all(Array.from({ length: 16 }, () => api().get('/api/v1/registrants?region=Coast').set(as(otto))));
    expect(searches.map((res) => res.status)).toEqual(Array(16).fill(200));
    const after = await eventsOf(testApp.runtime.database.sequelize, 'reader', subject);
    const recorded = after.filter((e) => e.action === 'registrant.searched' && !before.some((b) => b.id === e.id));
    expect(recorded).toHaveLength(16);
    const lanes = new Set(recorded.map((e) => e.chain_key));
    expect([...lanes].every((key) => new RegExp(`^reader:${subject}#[0-7]$`).test(key))).toBe(true);
    expect(lanes.size).toBeGreaterThan(1);
    await sealThrough(recorded.map((e) => e.id).sort((a, b) => Number(b) - Number(a))[0] ?? '0');
    expect((await verify()).verified).toBe(true);
  });
});
