/**
 * A person's own copy of their data (`GET /api/v1/me/data-export`), with real tokens, the real database and
 * the real Document Store: amina's archive holds every kind of record of hers (registry record, family,
 * applications with decisions, a draft, the bytes of her document, her voucher with its redemption, her
 * preferences) and nothing of pedro's, who applied too; other roles and callers without a token are refused;
 * each export is in the audit trail, with ids only.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { selectRows } from '../../src/platform/db/sql.js';
import { createDatabaseIfMissing, dropDatabase } from '../../src/platform/db/embedded-postgres.js';
import { readTestEnvironment } from '../support/environment.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { subjectOf, tokenFor } from '../support/tokens.js';
import { applicationFor, approveApplication, createProgram, facilityWithClinic, type ProgramFixture } from '../support/fixtures.js';

type Body = Record<string, unknown>;
type PersonJson = {
  format: string;
  exportedAt: string;
  account: { username: string; displayName: string; preferences: Body };
  registrant: { idValue: string; givenName: string; familyMembers: Array<{ givenName: string; familyName: string }> } | null;
  registryChanges: Array<{ changedBy: string; changes: Body }>;
  applications: Array<{
    id: string;
    status: string;
    documents?: Array<{ documentId: string }>;
    decisions: Array<{ stage: number; decision: string; officerName: string; reason: string; amount?: string }>;
    registryProposals: unknown[];
  }>;
  documents: Array<{ id: string; sha256: string; fileName: string; file: string }>;
  vouchers: Array<{ id: string; qrText: string; credential: Body; redemptions: Array<{ amount: string; facilityName: string }> }>;
};

/** Collects a binary response body whatever its content type. */
function binary(res: unknown, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** A PDF unique to this call, so its bytes can be looked for in an archive. */
function uniquePdf(marker: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${marker} ${randomUUID()}\n${' '.repeat(64)}`);
}

describe('the export of a person’s own data', () => {
  // A database and a document folder of the file's own: the run's other files upload documents for amina and pedro
  // into folders of their own, which this app's Document Store cannot read.
  const database = `iaod_export_${Date.now()}_${process.pid}`;
  const adminUrl = Object.assign(new URL(readTestEnvironment().databaseUrl), { pathname: '/postgres' }).href;
  let testApp: TestApp;
  let documentDir: string;
  let program: ProgramFixture;
  const tokens: Record<string, string> = {};
  const users = ['amina', 'pedro', 'maria', 'ivan', 'clinic'] as const;
  type User = (typeof users)[number];
  const as = (user: User) => `Bearer ${tokens[user]}`;

  // What amina and pedro send, each value unique to this run so it can be looked for in the archive.
  const run = randomUUID().slice(0, 8);
  const aminaChild = { givenName: `Zawadi${run}`, familyName: 'Yusuf' };
  const pedro = { givenName: `Pedro${run}`, familyName: `Alvarez${run}`, phone: '+254 700 009 911', child: `Mateo${run}` };
  const aminaPdf = uniquePdf(`amina-${run}`);
  const pedroPdf = uniquePdf(`pedro-${run}`);

  let aminaApplication: string;
  let aminaDocument: string;
  let aminaDraft: string;
  let aminaVoucher: { id: string; qrText: string };
  let facilityName: string;
  let pedroApplication: string;
  let pedroDocument: { id: string; sha256: string };

  const exportOf = (authorization?: string) => {
    const call = request(testApp.app).get('/api/v1/me/data-export').buffer(true).parse(binary);
    return authorization ? call.set('Authorization', authorization) : call;
  };
  const upload = async (user: User, bytes: Buffer, filename: string) => {
    const res = await request(testApp.app)
      .post('/api/v1/documents')
      .set('Authorization', as(user))
      .field('kind', 'medical-report')
      .attach('file', bytes, { filename, contentType: 'application/pdf' });
    if (res.status !== 201) throw new Error(`not uploaded: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; sha256: string };
  };

  beforeAll(async () => {
    documentDir = await mkdtemp(path.join(os.tmpdir(), 'iaod-export-'));
    await createDatabaseIfMissing(adminUrl, database);
    testApp = await startTestApp({
      env: { DOCUMENT_DIR: documentDir, DATABASE_URL: Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href },
    });
    for (const user of users) tokens[user] = await tokenFor(user);
    program = await createProgram(testApp.app);

    // A first application enrols her; the second changes her family, so her record has a change history.
    const first = await request(testApp.app)
      .post('/api/v1/applications')
      .set('Authorization', as('amina'))
      .send(applicationFor(program.id));
    if (first.status !== 201) throw new Error(`not submitted: ${first.status} ${JSON.stringify(first.body)}`);
    aminaDocument = (await upload('amina', aminaPdf, 'Discharge summary (ward 3).pdf')).id;
    const approved = await approveApplication(testApp.app, program.id, {
      applicant: 'amina',
      amount: '900.00',
      overrides: {
        familyMembers: [{ relation: 'child', ...aminaChild, gender: 'female', birthDate: '2016-06-30' }],
        documents: [{ documentId: aminaDocument, kind: 'medical-report' }],
      },
    });
    aminaApplication = approved.id;
    const issued = await request(testApp.app)
      .post(`/api/v1/applications/${aminaApplication}/voucher`)
      .set('Authorization', as('ivan'))
      .send();
    if (issued.status !== 201) throw new Error(`not issued: ${issued.status} ${JSON.stringify(issued.body)}`);
    aminaVoucher = issued.body as { id: string; qrText: string };
    facilityName = `Export Clinic ${run}`;
    await facilityWithClinic(testApp.app, facilityName);
    const redeemed = await request(testApp.app)
      .post('/api/v1/redemptions')
      .set('Authorization', as('clinic'))
      .send({ voucherId: aminaVoucher.id, amount: '250.00', service: 'Dressing change' });
    if (redeemed.status !== 201) throw new Error(`not redeemed: ${redeemed.status} ${JSON.stringify(redeemed.body)}`);
    const draft = await request(testApp.app)
      .post('/api/v1/application-drafts')
      .set('Authorization', as('amina'))
      .send({ programId: program.id });
    if (draft.status !== 201) throw new Error(`no draft: ${draft.status} ${JSON.stringify(draft.body)}`);
    aminaDraft = draft.body.id as string;

    pedroDocument = await upload('pedro', pedroPdf, `pedro-${run}.pdf`);
    const pedroSubmitted = await request(testApp.app)
      .post('/api/v1/applications')
      .set('Authorization', as('pedro'))
      .send(
        applicationFor(program.id, {
          applicant: {
            givenName: pedro.givenName,
            familyName: pedro.familyName,
            gender: 'male',
            birthDate: '1984-03-09',
            phone: pedro.phone,
            address: { region: 'Coast', district: 'Kilifi' },
          },
          familyMembers: [
            { relation: 'child', givenName: pedro.child, familyName: pedro.familyName, gender: 'male', birthDate: '2012-01-01' },
          ],
          documents: [{ documentId: pedroDocument.id, kind: 'medical-report' }],
        }),
      );
    if (pedroSubmitted.status !== 201) throw new Error(`pedro not submitted: ${JSON.stringify(pedroSubmitted.body)}`);
    pedroApplication = pedroSubmitted.body.id as string;
  });
  afterAll(async () => {
    await testApp?.close();
    await dropDatabase(adminUrl, database);
    await rm(documentDir, { recursive: true, force: true });
  });

  it('gives amina one ZIP archive, named with the date, that no cache keeps', async () => {
    const res = await exportOf(as('amina'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?my-data-\d{4}-\d{2}-\d{2}\.zip"?$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const archive = res.body as Buffer;
    expect(archive.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(Object.keys(unzipSync(new Uint8Array(archive)))).toContain('person.json');
  });

  it('holds every kind of record of hers: registry record, family, applications with decisions, draft, documents, voucher', async () => {
    const files = unzipSync(new Uint8Array((await exportOf(as('amina'))).body as Buffer));
    const person = JSON.parse(strFromU8(files['person.json'] as Uint8Array)) as PersonJson;
    expect(person.format).toBe('iaod-person-export/1');
    expect(Date.now() - Date.parse(person.exportedAt)).toBeLessThan(60_000);
    expect(person.account).toMatchObject({ username: 'amina', preferences: { language: expect.any(String) } });

    expect(person.registrant).toMatchObject({ idValue: 'NID-1001', givenName: 'Amina' });
    expect(person.registrant?.familyMembers).toEqual(expect.arrayContaining([expect.objectContaining(aminaChild)]));
    expect(person.registryChanges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ changedBy: 'you', changes: expect.objectContaining({ family_members: expect.anything() }) }),
      ]),
    );
    for (const change of person.registryChanges) expect(['you', 'an officer']).toContain(change.changedBy);

    const application = person.applications.find((a) => a.id === aminaApplication);
    expect(application).toMatchObject({
      status: expect.stringMatching(/^(VOUCHER_ISSUED|REDEEMED)$/),
      documents: [expect.objectContaining({ documentId: aminaDocument })],
    });
    expect(application?.decisions).toEqual([
      expect.objectContaining({ stage: 1, decision: 'approve', officerName: expect.stringMatching(/^Samuel/) }),
      expect.objectContaining({ stage: 2, decision: 'approve', officerName: expect.stringMatching(/^Sena/), amount: '900.00' }),
    ]);
    expect(person.applications.find((a) => a.id === aminaDraft)).toMatchObject({ status: 'DRAFT' });

    const document = person.documents.find((d) => d.id === aminaDocument);
    expect(document?.file).toBe(`documents/${document?.sha256}-Discharge_summary_ward_3_.pdf`);
    expect(Buffer.from(files[document?.file ?? ''] ?? [])).toEqual(aminaPdf);

    const voucher = person.vouchers.find((v) => v.id === aminaVoucher.id);
    expect(voucher?.qrText).toBe(aminaVoucher.qrText);
    expect(voucher?.credential).toMatchObject({ type: ['VerifiableCredential', 'EntitlementVoucher'] });
    expect(voucher?.redemptions).toEqual([expect.objectContaining({ amount: '250.00', facilityName })]);
  });

  it('holds nothing of pedro’s, nor any officer’s or provider user’s subject', async () => {
    const archive = (await exportOf(as('amina'))).body as Buffer;
    const files = unzipSync(new Uint8Array(archive));
    const everything = [archive.toString('latin1'), ...Object.values(files).map((bytes) => Buffer.from(bytes).toString('utf8'))].join('\n');
    const pedroSubject = await subjectOf('pedro');
    for (const value of [pedro.givenName, pedro.familyName, pedro.child, pedro.phone, 'NID-1002', pedroApplication, pedroDocument.id])
      expect(everything).not.toContain(value);
    expect(everything).not.toContain(pedroDocument.sha256);
    expect(everything).not.toContain(pedroPdf.toString('latin1'));
    for (const subject of [
      pedroSubject,
      await subjectOf('samuel'),
      await subjectOf('sena'),
      await subjectOf('clinic'),
      await subjectOf('ivan'),
    ])
      expect(everything).not.toContain(subject);
    expect(Object.keys(files).filter((name) => name.startsWith('documents/'))).not.toContain(expect.stringContaining(pedroDocument.sha256));
  });

  it('gives pedro his own data, never amina’s', async () => {
    const files = unzipSync(new Uint8Array((await exportOf(as('pedro'))).body as Buffer));
    const person = JSON.parse(strFromU8(files['person.json'] as Uint8Array)) as PersonJson;
    expect(person.registrant).toMatchObject({ idValue: 'NID-1002', givenName: pedro.givenName });
    expect(person.applications.map((a) => a.id)).toContain(pedroApplication);
    expect(person.applications.map((a) => a.id)).not.toContain(aminaApplication);
    expect(Object.values(files).some((bytes) => Buffer.from(bytes).equals(aminaPdf))).toBe(false);
  });

  it('refuses another role (403) and a caller without a token (401)', async () => {
    const manager = await exportOf(as('maria'));
    expect(manager.status).toBe(403);
    expect(JSON.parse((manager.body as Buffer).toString('utf8'))).toMatchObject({ code: 'ERR_FORBIDDEN_ROLE' });
    const anonymous = await exportOf();
    expect(anonymous.status).toBe(401);
    expect(JSON.parse((anonymous.body as Buffer).toString('utf8'))).toMatchObject({ code: 'ERR_AUTH_REQUIRED' });
  });

  it('writes each export to the audit trail, with ids only', async () => {
    const aminaSubject = await subjectOf('amina');
    const before = await selectRows<{ n: string }>(
      testApp.runtime.database.sequelize,
      "SELECT count(*) AS n FROM audit_events WHERE action = 'person.data-exported' AND entity_id = :subject",
      { subject: aminaSubject },
    );
    expect((await exportOf(as('amina'))).status).toBe(200);
    const events = await selectRows<{ actor_subject: string; entity_type: string; details: Body }>(
      testApp.runtime.database.sequelize,
      `SELECT actor_subject, entity_type, details FROM audit_events
       WHERE action = 'person.data-exported' AND entity_id = :subject ORDER BY id`,
      { subject: aminaSubject },
    );
    expect(events.length).toBe(Number(before[0]?.n) + 1);
    const last = events.at(-1);
    expect(last).toMatchObject({ actor_subject: aminaSubject, entity_type: 'user' });
    expect(last?.details).toMatchObject({
      applicationIds: expect.arrayContaining([aminaApplication, aminaDraft]),
      documentIds: expect.arrayContaining([aminaDocument]),
      voucherIds: expect.arrayContaining([aminaVoucher.id]),
    });
    expect(JSON.stringify(last?.details)).not.toMatch(/Amina|Yusuf|NID-1001|Zawadi/);
  });
});
