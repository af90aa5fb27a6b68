/**
 * A small, varied program for the dashboards' tests, made through the API as people would: four
 * applications of the default two-stage program, with figures a person can count by hand:
 *  - A (amina, female, Coast, 36): approved for 1000.00, voucher issued, 300.00 redeemed and claimed (claim pending);
 *  - B (amina): approved for 800.00, voucher issued, 200.00 redeemed, claimed, approved and paid;
 *  - C (pedro, male, Rift Valley, 75): rejected at stage 1 with reason `incomplete`;
 *  - D (pedro): submitted, not decided yet.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { applicationFor, approveApplication, createProgram, facilityWithClinic, type ProgramFixture } from './fixtures.js';
import { tokenFor } from './tokens.js';

export interface DashboardData {
  program: ProgramFixture;
  applicationIds: string[];
}

const PEDRO = {
  applicant: {
    givenName: 'Pedro',
    familyName: 'Alves',
    gender: 'male',
    birthDate: '1950-03-01',
    occupation: 'Farmer',
    phone: '+254 700 000003',
    address: { region: 'Rift Valley', district: 'Nakuru', locality: 'Njoro' },
  },
};

export async function makeDashboardData(app: Express, options: { programName?: string } = {}): Promise<DashboardData> {
  const as = async (user: string) => `Bearer ${await tokenFor(user)}`;
  const program = await createProgram(app, {
    name: options.programName ?? 'Dashboards (test)',
    reasonCodes: [
      { code: 'eligible', label: 'Eligible' },
      { code: 'incomplete', label: 'Documents incomplete' },
    ],
  });
  await facilityWithClinic(app, `Dashboards Hospital ${randomUUID().slice(0, 6)}`);

  const redeem = async (amount: string, redeemed: string) => {
    const application = await approveApplication(app, program.id, { amount });
    const voucher = await request(app)
      .post(`/api/v1/applications/${application.id}/voucher`)
      .set('Authorization', await as('ivan'))
      .send();
    if (voucher.status !== 201) throw new Error(`voucher not issued: ${voucher.status} ${JSON.stringify(voucher.body)}`);
    const redemption = await request(app)
      .post('/api/v1/redemptions')
      .set('Authorization', await as('clinic'))
      .send({ voucherId: voucher.body.id, amount: redeemed, service: 'Surgery' });
    if (redemption.status !== 201) throw new Error(`not redeemed: ${redemption.status} ${JSON.stringify(redemption.body)}`);
    const invoice = await request(app)
      .post('/api/v1/documents')
      .set('Authorization', await as('clinic'))
      .field('kind', 'invoice')
      .attach('file', Buffer.from(`%PDF-1.4\n% invoice ${randomUUID()}\n%%EOF\n`), {
        filename: 'invoice.pdf',
        contentType: 'application/pdf',
      });
    const claim = await request(app)
      .post('/api/v1/claims')
      .set('Authorization', await as('clinic'))
      .send({ redemptionIds: [redemption.body.id], total: redeemed, invoiceDocumentId: invoice.body.id });
    if (claim.status !== 201) throw new Error(`not claimed: ${claim.status} ${JSON.stringify(claim.body)}`);
    return { applicationId: application.id, claimId: claim.body.id as string };
  };

  const a = await redeem('1000.00', '300.00');
  const b = await redeem('800.00', '200.00');
  const claire = await as('claire');
  const approved = await request(app)
    .post(`/api/v1/claims/${b.claimId}/decision`)
    .set('Authorization', claire)
    .send({ decision: 'approve' });
  const paid = await request(app)
    .post(`/api/v1/claims/${b.claimId}/payment`)
    .set('Authorization', claire)
    .send({ paymentReference: 'TRX-D1' });
  if (approved.status !== 200 || paid.status !== 200) throw new Error(`claim not paid: ${JSON.stringify([approved.body, paid.body])}`);

  const submit = async () => {
    const res = await request(app)
      .post('/api/v1/applications')
      .set('Authorization', await as('pedro'))
      .send(applicationFor(program.id, PEDRO));
    if (res.status !== 201) throw new Error(`not submitted: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const c = await submit();
  const rejected = await request(app)
    .post(`/api/v1/applications/${c}/stages/1/decision`)
    .set('Authorization', await as('samuel'))
    .send({ decision: 'reject', reasonCode: 'incomplete', reasonText: 'The hospital letter is missing.', checklist: {} });
  if (rejected.status !== 201) throw new Error(`not rejected: ${rejected.status} ${JSON.stringify(rejected.body)}`);
  const d = await submit();
  return { program, applicationIds: [a.applicationId, b.applicationId, c, d] };
}
