/**
 * Reimbursement claims through the API, with real tokens and the real database: clinic claims for its
 * redemptions with an invoice it uploaded; every refusal (another facility's redemption, one claimed already,
 * a total that does not match, no invoice) names its rule and changes nothing; claire, a claims officer,
 * rejects (the redemptions can be claimed again), approves and marks paid, and exports the claims as CSV;
 * the applications follow (CLAIMED, REIMBURSED).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { selectRows } from '../../src/platform/db/sql.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { approveApplication, createProgram, facilityWithClinic } from '../support/fixtures.js';

type Body = Record<string, unknown>;

describe('reimbursement claims', () => {
  let testApp: TestApp;
  let programId: string;
  const tokens: Record<string, string> = {};
  const users = ['amina', 'maria', 'ivan', 'clinic', 'claire'] as const;
  type User = (typeof users)[number];

  const api = () => request(testApp.app);
  const as = (user: User) => `Bearer ${tokens[user]}`;

  beforeAll(async () => {
    testApp = await startTestApp();
    for (const user of users) tokens[user] = await tokenFor(user);
    programId = (await createProgram(testApp.app)).id;
    await facilityWithClinic(testApp.app, 'Claims Test Hospital');
  });
  afterAll(async () => {
    await testApp?.close();
  });

  /** A voucher issued by ivan and redeemed by clinic for `amount`: the redemption and the application's id. */
  async function redemption(amount: string): Promise<{ id: string; applicationId: string }> {
    const application = await approveApplication(testApp.app, programId, { amount: '1000.00' });
    const voucher = await api().post(`/api/v1/applications/${application.id}/voucher`).set('Authorization', as('ivan')).send();
    const redeemed = await api()
      .post('/api/v1/redemptions')
      .set('Authorization', as('clinic'))
      .send({ voucherId: voucher.body.id, amount, service: 'Surgery' });
    if (redeemed.status !== 201) throw new Error(`not redeemed: ${redeemed.status} ${JSON.stringify(redeemed.body)}`);
    return { id: redeemed.body.id as string, applicationId: application.id };
  }

  async function invoice(): Promise<string> {
    const pdf = Buffer.from(`%PDF-1.4\n% invoice ${randomUUID()}\n%%EOF\n`);
    const res = await api()
      .post('/api/v1/documents')
      .set('Authorization', as('clinic'))
      .field('kind', 'invoice')
      .attach('file', pdf, { filename: 'invoice.pdf', contentType: 'application/pdf' });
    if (res.status !== 201) throw new Error(`invoice not uploaded: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  const claim = (body: Body, key?: string) => {
    const call = api().post('/api/v1/claims').set('Authorization', as('clinic'));
    return (key ? call.set('Idempotency-Key', key) : call).send(body);
  };
  const statusOf = async (applicationId: string) =>
    (await api().get(`/api/v1/applications/${applicationId}`).set('Authorization', as('amina'))).body.status as string;

  it('claims redemptions with an invoice; the claims officer approves and pays it, and the applications follow', async () => {
    const first = await redemption('300.00');
    const second = await redemption('450.50');
    const invoiceId = await invoice();
    const submitted = await claim(
      { redemptionIds: [first.id, second.id], total: '750.50', invoiceDocumentId: invoiceId },
      `claim-${first.id}`,
    );
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', total: '750.50', currency: 'USD', providerName: 'Claims Test Hospital' });
    const replayed = await claim(
      { redemptionIds: [first.id, second.id], total: '750.50', invoiceDocumentId: invoiceId },
      `claim-${first.id}`,
    );
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body.id).toBe(submitted.body.id);
    expect(await statusOf(first.applicationId)).toBe('CLAIMED');

    // The claims officer reads the claim and its invoice, approves and pays it.
    const id = submitted.body.id as string;
    expect((await api().get(`/api/v1/claims/${id}`).set('Authorization', as('claire'))).status).toBe(200);
    expect((await api().get(`/api/v1/documents/${invoiceId}/content`).set('Authorization', as('claire'))).status).toBe(200);
    expect((await api().get(`/api/v1/documents/${invoiceId}/content`).set('Authorization', as('ivan'))).status).toBe(404);
    const early = await api().post(`/api/v1/claims/${id}/payment`).set('Authorization', as('claire')).send({ paymentReference: 'TRX-1' });
    expect(early.body.code).toBe('ERR_CLAIM_NOT_APPROVED');
    expect(
      (await api().post(`/api/v1/claims/${id}/decision`).set('Authorization', as('clinic')).send({ decision: 'approve' })).status,
    ).toBe(403);
    const approved = await api().post(`/api/v1/claims/${id}/decision`).set('Authorization', as('claire')).send({ decision: 'approve' });
    expect(approved.body.status).toBe('APPROVED');
    const paid = await api()
      .post(`/api/v1/claims/${id}/payment`)
      .set('Authorization', as('claire'))
      .send({ paymentReference: 'TRX-2026-0042' });
    expect(paid.body).toMatchObject({ status: 'PAID', paymentReference: 'TRX-2026-0042' });
    expect(await statusOf(second.applicationId)).toBe('REIMBURSED');
    const again = await api()
      .post(`/api/v1/claims/${id}/decision`)
      .set('Authorization', as('claire'))
      .send({ decision: 'reject', reason: 'Late' });
    expect(again.body.code).toBe('ERR_CLAIM_NOT_SUBMITTED');

    // The provider sees it paid among its claims; the export holds it.
    const mine = await api().get('/api/v1/claims').set('Authorization', as('clinic'));
    expect((mine.body.items as Array<{ id: string; status: string }>).find((item) => item.id === id)?.status).toBe('PAID');
    const csv = await api().get('/api/v1/claims/export').set('Authorization', as('claire'));
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('claim,facility,status,total,currency,redemptions,submitted,decided,paid,payment reference');
    expect(lines.find((line) => line.startsWith(id))).toMatch(/,Claims Test Hospital,PAID,750\.50,USD,2,.*,TRX-2026-0042$/);
    expect((await api().get('/api/v1/claims/export').set('Authorization', as('clinic'))).status).toBe(403);
  });

  it('refuses, naming the rule and changing nothing: another facility’s or a claimed redemption, a wrong total, no invoice', async () => {
    const own = await redemption('100.00');
    const invoiceId = await invoice();
    const mismatch = await claim({ redemptionIds: [own.id], total: '99.99', invoiceDocumentId: invoiceId });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toMatchObject({ code: 'ERR_CLAIM_TOTAL_MISMATCH', expectedTotal: '100.00' });
    const foreign = await claim({ redemptionIds: [own.id, randomUUID()], total: '100.00', invoiceDocumentId: invoiceId });
    expect(foreign.body.code).toBe('ERR_CLAIM_FOREIGN_REDEMPTION');
    // A document of another kind, or someone else's, is no invoice.
    const report = await api()
      .post('/api/v1/documents')
      .set('Authorization', as('amina'))
      .field('kind', 'medical-report')
      .attach('file', Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n`), { filename: 'r.pdf', contentType: 'application/pdf' });
    const notInvoice = await claim({ redemptionIds: [own.id], total: '100.00', invoiceDocumentId: report.body.id });
    expect(notInvoice.body.code).toBe('ERR_CLAIM_INVOICE_MISSING');
    const unclaimed = await api().get('/api/v1/redemptions?unclaimed=true&pageSize=100').set('Authorization', as('clinic'));
    expect((unclaimed.body.items as Array<{ id: string }>).some((item) => item.id === own.id)).toBe(true);

    const ok = await claim({ redemptionIds: [own.id], total: '100', invoiceDocumentId: invoiceId });
    expect(ok.status).toBe(201);
    const twice = await claim({ redemptionIds: [own.id], total: '100.00', invoiceDocumentId: invoiceId });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ERR_REDEMPTION_ALREADY_CLAIMED');
    const [count] = await selectRows<{ n: string }>(
      testApp.runtime.database.sequelize,
      'SELECT count(*) AS n FROM claims WHERE CAST(:id AS uuid) = ANY(redemption_ids)',
      { id: own.id },
    );
    expect(count?.n).toBe('1');

    // Rejected with a reason (asked for first): the redemption can be claimed again.
    const id = ok.body.id as string;
    const noReason = await api().post(`/api/v1/claims/${id}/decision`).set('Authorization', as('claire')).send({ decision: 'reject' });
    expect(noReason.status).toBe(400);
    const rejected = await api()
      .post(`/api/v1/claims/${id}/decision`)
      .set('Authorization', as('claire'))
      .send({ decision: 'reject', reason: 'The invoice is for another patient.' });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', decisionReason: 'The invoice is for another patient.' });
    expect(await statusOf(own.applicationId)).toBe('REDEEMED');
    const reclaimed = await claim({ redemptionIds: [own.id], total: '100.00', invoiceDocumentId: await invoice() });
    expect(reclaimed.status).toBe(201);
  });
});
