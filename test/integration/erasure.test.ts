/**
 * Erasure (issue 18) through the API, on the real database and Document Store: pedro, with a submitted and
 * approved application, family members, documents, a voucher and a redemption, asks for erasure; maria
 * completes it. Afterwards none of his personal values is left in any text or JSON column of any table, his
 * documents' bytes are gone (a file amina also uploaded stays), the audit chain still verifies, the program's
 * totals are unchanged and amina's data is untouched. On a database of its own: erasing pedro must not touch
 * the run's shared database, whose other files rely on him.
 */
import { randomUUID } from 'node:crypto';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { selectOne, selectRows } from '../../src/platform/db/sql.js';
import type { TestApp } from '../support/harness.js';
import { generateIdSigningKey, signIdCard } from '../support/id-qr-codes.js';
import { startTestAppOnOwnDatabase } from '../support/own-database.js';
import { tokenFor } from '../support/tokens.js';
import { applicationFor, approveApplication, createProgram, facilityWithClinic, type ProgramFixture } from '../support/fixtures.js';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
const unique = randomUUID().slice(0, 8);
/** pedro's personal values as he types them: each must be gone from every table afterwards. */
const PEDRO = {
  givenName: `Pedrolino${unique}`,
  familyName: `Quixada${unique}`,
  phone: '+254 711 908172',
  email: `pedro.${unique}@example.org`,
  birthDate: '1971-07-13',
  region: `Erasureland${unique}`,
  district: `Forgetdistrict${unique}`,
  locality: `Nowhereville${unique}`,
  familyGiven: `Childname${unique}`,
  familyFamily: `Childfamily${unique}`,
  treatment: `Knee reconstruction after a fall, erasure test ${unique}`,
  fileName: `pedro-scan-${unique}.pdf`,
  sharedFileName: `pedro-shared-${unique}.pdf`,
  nationalId: 'NID-1002',
};

const ID_ISSUER = 'https://id.erasure.example';
const idKey = generateIdSigningKey('EdDSA');

describe('erasure of a person’s data', () => {
  let testApp: TestApp;
  let documentDir: string;
  let program: ProgramFixture;
  const tokens: Record<string, string> = {};
  const api = () => request(testApp.app);
  const as = (user: string) => `Bearer ${tokens[user]}`;
  const sequelize = () => testApp.runtime.database.sequelize;
  const blobPath = (sha256: string) => path.join(documentDir, sha256.slice(0, 2), sha256);
  const exists = (file: string) =>
    access(file).then(
      () => true,
      () => false,
    );

  beforeAll(async () => {
    documentDir = await mkdtemp(path.join(os.tmpdir(), 'iaod-erasure-'));
    testApp = await startTestAppOnOwnDatabase('erasure', {
      env: {
        DOCUMENT_DIR: documentDir,
        ID_TRUSTED_ISSUERS: JSON.stringify([
          { issuer: ID_ISSUER, name: 'Erasure test ID office', keys: [{ algorithm: 'EdDSA', publicKeyHex: idKey.publicKeyHex }] },
        ]),
      },
    });
    for (const user of ['pedro', 'amina', 'maria', 'ivan', 'clinic', 'otto', 'nadia']) tokens[user] = await tokenFor(user);
    program = await createProgram(testApp.app);
    await facilityWithClinic(testApp.app, `Erasure test clinic ${unique}`);
  });
  afterAll(async () => {
    await testApp?.close();
    await rm(documentDir, { recursive: true, force: true });
  });

  async function upload(user: string, bytes: Buffer, fileName: string): Promise<{ id: string; sha256: string }> {
    const res = await api()
      .post('/api/v1/documents')
      .set('Authorization', as(user))
      .field('kind', 'medical-report')
      .attach('file', bytes, fileName);
    expect(res.status).toBe(201);
    return { id: res.body.id as string, sha256: res.body.sha256 as string };
  }

  async function programTotals() {
    return selectOne<Record<string, string>>(
      sequelize(),
      `SELECT (SELECT count(*) FROM applications WHERE program_id = :id) AS applications,
              (SELECT string_agg(status || ':' || n, ',' ORDER BY status) FROM
                (SELECT status, count(*) AS n FROM applications WHERE program_id = :id GROUP BY status) s) AS statuses,
              (SELECT COALESCE(sum(assessed_amount), 0) FROM applications WHERE program_id = :id) AS assessed,
              (SELECT COALESCE(sum(estimated_cost), 0) FROM applications WHERE program_id = :id) AS estimated,
              (SELECT COALESCE(sum(amount), 0) FROM vouchers WHERE program_id = :id) AS issued,
              (SELECT COALESCE(sum(redeemed_amount), 0) FROM vouchers WHERE program_id = :id) AS redeemed,
              (SELECT COALESCE(sum(r.amount), 0) FROM redemptions r JOIN vouchers v ON v.id = r.voucher_id
                WHERE v.program_id = :id) AS redemptions`,
      { id: program.id },
    );
  }

  /** Every text, character, JSON and array column of every table of the schema, so a table added later is searched too. */
  async function tablesHolding(value: string): Promise<string[]> {
    const columns = await selectRows<{ table_name: string; column_name: string }>(
      sequelize(),
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
       WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
    );
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const hit = await selectOne<{ n: string }>(
        sequelize(),
        `SELECT count(*) AS n FROM "${table}" WHERE CAST("${column}" AS text) ILIKE :pattern`,
        { pattern: `%${value}%` },
      );
      if (Number(hit?.n) > 0) found.push(`${table}.${column}`);
    }
    return found;
  }

  it('erases every personal value of the person, keeps the totals and the audit chain, and leaves others untouched', async () => {
    const tiny = await readFile(path.join(PROJECT_ROOT, 'test', 'fixtures', 'documents', 'tiny.pdf'));
    const own = await upload('pedro', Buffer.concat([tiny, Buffer.from(`\n% pedro ${unique}\n`)]), PEDRO.fileName);
    const sharedBytes = Buffer.concat([tiny, Buffer.from(`\n% shared ${unique}\n`)]);
    const shared = await upload('pedro', sharedBytes, PEDRO.sharedFileName);
    const aminas = await upload('amina', sharedBytes, `amina-${unique}.pdf`);

    // amina's application, as the other person whose data must stay.
    const aminaApplication = await approveApplication(testApp.app, program.id, { applicant: 'amina', amount: '300.00' });
    const aminaBefore = await selectOne<{ snapshot: unknown; registrant: unknown }>(
      sequelize(),
      `SELECT a.snapshot, to_jsonb(r) - 'version' - 'updated_at' - 'updated_by' - 'verified_fields' AS registrant
       FROM applications a JOIN registrants r ON r.id = a.registrant_id WHERE a.id = :id`,
      { id: aminaApplication.id },
    );

    // pedro's application: submitted with an Idempotency-Key (its response is remembered), approved, voucher issued and partly redeemed.
    const pedroApplication = await approveApplication(testApp.app, program.id, {
      applicant: 'pedro',
      amount: '900.00',
      overrides: {
        treatment: { type: 'surgery', description: PEDRO.treatment, estimatedCost: '950.00', currency: 'USD' },
        applicant: {
          givenName: PEDRO.givenName,
          familyName: PEDRO.familyName,
          gender: 'male',
          birthDate: PEDRO.birthDate,
          occupation: 'Fisherman',
          phone: PEDRO.phone,
          email: PEDRO.email,
          address: { region: PEDRO.region, district: PEDRO.district, locality: PEDRO.locality },
        },
        familyMembers: [
          { relation: 'child', givenName: PEDRO.familyGiven, familyName: PEDRO.familyFamily, gender: 'male', birthDate: '2012-01-05' },
        ],
        documents: [
          { documentId: own.id, kind: 'medical-report' },
          { documentId: shared.id, kind: 'prescription' },
        ],
      },
    });
    const voucher = await api().post(`/api/v1/applications/${pedroApplication.id}/voucher`).set('Authorization', as('ivan')).send();
    expect(voucher.status).toBe(201);
    const redeemed = await api()
      .post('/api/v1/redemptions')
      .set('Authorization', as('clinic'))
      .set('Idempotency-Key', `erasure-${unique}`)
      .send({ voucherId: voucher.body.id, amount: '200.00', service: `Consultation for ${PEDRO.givenName} ${PEDRO.familyName}` });
    expect(redeemed.status).toBe(201);
    for (const value of [PEDRO.givenName, PEDRO.treatment, PEDRO.fileName]) expect(await tablesHolding(value)).not.toEqual([]);
    expect(await exists(blobPath(own.sha256))).toBe(true);

    // pedro verified his ID card's QR code (his ID number, names and birth date kept with the link); nadia then tried
    // to link the same ID and was refused (the attempt kept, with the number). His export holds the verified ID.
    const pedrosCard = signIdCard({
      issuer: ID_ISSUER,
      key: idKey,
      claims: { id: PEDRO.nationalId, firstName: PEDRO.givenName, lastName: PEDRO.familyName, dateOfBirth: PEDRO.birthDate },
    });
    const linked = await api().post('/api/v1/me/id-verification').set('Authorization', as('pedro')).send({ text: pedrosCard });
    expect(linked.status).toBe(200);
    const refused = await api().post('/api/v1/me/id-verification').set('Authorization', as('nadia')).send({ text: pedrosCard });
    expect(refused.status).toBe(409);
    expect(await tablesHolding(PEDRO.nationalId)).toEqual(
      expect.arrayContaining(['identity_links.id_value', 'identity_link_refusals.id_value']),
    );
    const exported = await api()
      .get('/api/v1/me/data-export')
      .set('Authorization', as('pedro'))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(exported.status).toBe(200);
    const person = JSON.parse(strFromU8(unzipSync(new Uint8Array(exported.body as Buffer))['person.json'] as Uint8Array)) as {
      verifiedId: unknown;
    };
    expect(person.verifiedId).toMatchObject({ idNumber: PEDRO.nationalId, givenName: PEDRO.givenName, familyName: PEDRO.familyName });

    // The applicant asks; asking again returns the pending request.
    const asked = await api()
      .post('/api/v1/me/erasure-request')
      .set('Authorization', as('pedro'))
      .send({ reason: `Please forget ${PEDRO.givenName}` });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'PENDING' });
    const again = await api().post('/api/v1/me/erasure-request').set('Authorization', as('pedro')).send({});
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(asked.body.id);
    const listed = await api().get('/api/v1/erasure-requests').set('Authorization', as('maria'));
    expect(listed.status).toBe(200);
    expect((listed.body.items as Array<{ id: string; requestedBy: string }>).filter((item) => item.id === asked.body.id)).toEqual([
      expect.objectContaining({ requestedBy: 'pedro' }),
    ]);

    // Only the program manager completes, only a request that exists, and not while a voucher of his is in force.
    const byApplicant = await api().post(`/api/v1/erasure-requests/${asked.body.id}/completion`).set('Authorization', as('amina')).send();
    expect(byApplicant.status).toBe(403);
    const unknown = await api().post(`/api/v1/erasure-requests/${randomUUID()}/completion`).set('Authorization', as('maria')).send();
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    const inForce = await api().post(`/api/v1/erasure-requests/${asked.body.id}/completion`).set('Authorization', as('maria')).send();
    expect(inForce.status).toBe(409);
    expect(inForce.body.code).toBe('ERR_ERASURE_VOUCHER_IN_FORCE');
    const revoked = await api()
      .post(`/api/v1/vouchers/${voucher.body.id}/revocation`)
      .set('Authorization', as('maria'))
      .send({ reason: `${PEDRO.givenName} asked for erasure` });
    expect(revoked.status).toBe(200);

    const totalsBefore = await programTotals();
    const auditBefore = await api().get('/api/v1/audit/verification').set('Authorization', as('otto'));
    expect(auditBefore.body.verified).toBe(true);

    const completed = await api().post(`/api/v1/erasure-requests/${asked.body.id}/completion`).set('Authorization', as('maria')).send();
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ id: asked.body.id, status: 'COMPLETED', reason: null });

    for (const value of Object.values(PEDRO)) expect({ value, tables: await tablesHolding(value) }).toEqual({ value, tables: [] });
    // nadia's refused attempt stays a signal on her account, without his number.
    expect(await selectRows(sequelize(), 'SELECT id_value FROM identity_link_refusals')).toEqual([{ id_value: 'erased' }]);
    expect(await exists(blobPath(own.sha256))).toBe(false);
    expect(await exists(blobPath(shared.sha256))).toBe(true);
    const content = await api().get(`/api/v1/documents/${own.id}/content`).set('Authorization', as('pedro'));
    expect(content.status).toBe(404);
    // Marked deleted as retention marks documents: one way for a document to be gone.
    const marked = await selectRows<{ deleted: boolean; file_name: string }>(
      sequelize(),
      'SELECT deleted_at IS NOT NULL AS deleted, file_name FROM documents WHERE id = ANY(CAST(:ids AS uuid[]))',
      { ids: [own.id, shared.id] },
    );
    expect(marked).toEqual([
      { deleted: true, file_name: 'erased' },
      { deleted: true, file_name: 'erased' },
    ]);
    const aminasContent = await api().get(`/api/v1/documents/${aminas.id}/content`).set('Authorization', as('amina'));
    expect(aminasContent.status).toBe(200);

    const auditAfter = await api().get('/api/v1/audit/verification').set('Authorization', as('otto'));
    expect(auditAfter.status).toBe(200);
    expect(auditAfter.body.verified).toBe(true);
    expect(await programTotals()).toEqual(totalsBefore);
    const events = await selectRows<{ action: string; details: unknown }>(
      sequelize(),
      "SELECT action, details FROM audit_events WHERE entity_type = 'erasure-request' AND entity_id = :id ORDER BY id",
      { id: asked.body.id },
    );
    expect(events.map((event) => event.action)).toEqual(['erasure.requested', 'erasure.completed']);

    const aminaAfter = await selectOne<{ snapshot: unknown; registrant: unknown }>(
      sequelize(),
      `SELECT a.snapshot, to_jsonb(r) - 'version' - 'updated_at' - 'updated_by' - 'verified_fields' AS registrant
       FROM applications a JOIN registrants r ON r.id = a.registrant_id WHERE a.id = :id`,
      { id: aminaApplication.id },
    );
    expect(aminaAfter).toEqual(aminaBefore);
    expect(applicationFor(program.id).applicant.givenName).toBe('Amina');

    const own2 = await api().get('/api/v1/me/erasure-request').set('Authorization', as('pedro'));
    expect(own2.body).toMatchObject({ id: asked.body.id, status: 'COMPLETED' });
    const twice = await api().post(`/api/v1/erasure-requests/${asked.body.id}/completion`).set('Authorization', as('maria')).send();
    expect(twice.status).toBe(409);
    expect(twice.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(twice.body.code).toBe('ERR_ERASURE_NOT_PENDING');
  });

  it('lets only applicants ask, and only program managers list', async () => {
    expect((await api().post('/api/v1/me/erasure-request').set('Authorization', as('maria')).send({})).status).toBe(403);
    expect((await api().get('/api/v1/erasure-requests').set('Authorization', as('amina'))).status).toBe(403);
  });
});
