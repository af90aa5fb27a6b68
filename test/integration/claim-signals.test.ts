/**
 * Redemption signals on claims through the API, on a database of this file's own (the run's shared one holds
 * every other file's redemptions of the same two demo applicants, so "no signal" could not be seen there): an
 * ordinary claim has none; many redemptions of one beneficiary, a facility whose redemptions always take a
 * voucher's whole value and a facility outside the beneficiary's region each show as exactly one signal naming
 * the redemptions it concerns; the facility reading its own claim never gets them.
 *
 * Redemptions are stamped with the real clock: before each case, what earlier cases made is moved back past
 * every window (and within a case, some redemptions back past one window), as if that time had gone by.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createDatabaseIfMissing, dropDatabase } from '../../src/platform/db/embedded-postgres.js';
import { execute } from '../../src/platform/db/sql.js';
import { readTestEnvironment } from '../support/environment.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { approveApplication, applicationFor, createProgram, facilityWithClinic } from '../support/fixtures.js';

interface SignalBody {
  kind: string;
  explanation: string;
  redemptionIds: string[];
  evidence: Record<string, unknown>;
}

const PEDRO = {
  givenName: 'Pedro',
  familyName: 'Alves',
  gender: 'male',
  birthDate: '1985-09-03',
  occupation: 'Driver',
  phone: '+254 711 000003',
  address: { region: 'coast', district: 'Kilifi', locality: 'Mtwapa' },
};

describe('redemption signals on claims', () => {
  const database = `iaod_claim_signals_${Date.now()}_${process.pid}`;
  const adminUrl = Object.assign(new URL(readTestEnvironment().databaseUrl), { pathname: '/postgres' }).href;
  let testApp: TestApp;
  let programId: string;
  const tokens: Record<string, string> = {};
  const users = ['ivan', 'clinic', 'claire'] as const;
  type User = (typeof users)[number];

  beforeAll(async () => {
    await createDatabaseIfMissing(adminUrl, database);
    testApp = await startTestApp({ env: { DATABASE_URL: Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href } });
    for (const user of users) tokens[user] = await tokenFor(user);
    programId = (await createProgram(testApp.app)).id;
  });
  afterAll(async () => {
    await testApp?.close();
    await dropDatabase(adminUrl, database);
  });

  const api = () => request(testApp.app);
  const as = (user: User) => `Bearer ${tokens[user]}`;
  const sequelize = () => testApp.runtime.database.sequelize;

  /** Moves redemptions (all of them when no ids are given) and claims back by `days`, as if that time had passed. */
  async function moveBack(days: number, redemptionIds?: string[]): Promise<void> {
    const interval = `${days} days`;
    if (redemptionIds) {
      await execute(
        sequelize(),
        'UPDATE redemptions SET redeemed_at = redeemed_at - CAST(:interval AS interval) WHERE id = ANY(CAST(:ids AS uuid[]))',
        { interval, ids: `{${redemptionIds.join(',')}}` },
      );
      return;
    }
    await execute(sequelize(), 'UPDATE redemptions SET redeemed_at = redeemed_at - CAST(:interval AS interval)', { interval });
    await execute(sequelize(), 'UPDATE claims SET submitted_at = submitted_at - CAST(:interval AS interval)', { interval });
  }

  /**
   * A voucher of `value` for the applicant (who gives `region` as theirs, the fixture's by default), issued by ivan
   * and redeemed by clinic for `amount` (the whole value by default).
   */
  async function redemption(
    applicant: 'amina' | 'pedro',
    options: { value?: string; amount?: string; region?: string } = {},
  ): Promise<string> {
    const value = options.value ?? '500.00';
    const person = applicant === 'pedro' ? PEDRO : applicationFor(programId).applicant;
    const address = { ...person.address, ...(options.region ? { region: options.region } : {}) };
    const application = await approveApplication(testApp.app, programId, {
      applicant,
      amount: value,
      overrides: { applicant: { ...person, address }, ...(applicant === 'pedro' ? { familyMembers: [] } : {}) },
    });
    const voucher = await api().post(`/api/v1/applications/${application.id}/voucher`).set('Authorization', as('ivan')).send();
    if (voucher.status !== 201) throw new Error(`no voucher: ${voucher.status} ${JSON.stringify(voucher.body)}`);
    const redeemed = await api()
      .post('/api/v1/redemptions')
      .set('Authorization', as('clinic'))
      .send({ voucherId: voucher.body.id, amount: options.amount ?? value, service: 'Consultation' });
    if (redeemed.status !== 201) throw new Error(`not redeemed: ${redeemed.status} ${JSON.stringify(redeemed.body)}`);
    return redeemed.body.id as string;
  }

  /** clinic claims these redemptions of its facility with a fresh invoice; the claim's id. */
  async function claim(redemptionIds: string[]): Promise<string> {
    const invoice = await api()
      .post('/api/v1/documents')
      .set('Authorization', as('clinic'))
      .field('kind', 'invoice')
      .attach('file', Buffer.from(`%PDF-1.4\n% invoice ${randomUUID()}\n%%EOF\n`), {
        filename: 'invoice.pdf',
        contentType: 'application/pdf',
      });
    const redemptions = await Promise.all(
      redemptionIds.map(async (id) => (await api().get(`/api/v1/redemptions/${id}`).set('Authorization', as('clinic'))).body),
    );
    const total = redemptions.reduce((sum, item) => sum + Number(item.amount), 0).toFixed(2);
    const submitted = await api()
      .post('/api/v1/claims')
      .set('Authorization', as('clinic'))
      .send({ redemptionIds, total, invoiceDocumentId: invoice.body.id });
    if (submitted.status !== 201) throw new Error(`claim not submitted: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    return submitted.body.id as string;
  }

  async function signalsOf(claimId: string): Promise<SignalBody[]> {
    const res = await api().get(`/api/v1/claims/${claimId}`).set('Authorization', as('claire'));
    expect(res.status).toBe(200);
    return res.body.signals as SignalBody[];
  }

  // Past the longest window (90 days), so each case starts with no recent redemption.
  beforeEach(async () => moveBack(100));

  it('shows none on an ordinary claim: regions that differ only in case, a part of the voucher, one redemption', async () => {
    await facilityWithClinic(testApp.app, 'Likoni Clinic');
    const pedros = await redemption('pedro', { value: '800.00', amount: '250.00' });
    const aminas = await redemption('amina', { value: '800.00', amount: '800.00' });
    const claimId = await claim([pedros, aminas]);

    expect(await signalsOf(claimId)).toEqual([]);
    const own = await api().get(`/api/v1/claims/${claimId}`).set('Authorization', as('clinic'));
    expect(own.status).toBe(200);
    expect(own.body).not.toHaveProperty('signals');
  });

  it('signals a beneficiary with three redemptions in 30 days, at any facility, on the redemptions of theirs claimed', async () => {
    await facilityWithClinic(testApp.app, 'Ukunda Dispensary');
    const elsewhere = await redemption('amina', { amount: '100.00' });
    await facilityWithClinic(testApp.app, 'Diani Clinic');
    const second = await redemption('amina', { amount: '120.00' });
    const third = await redemption('amina', { amount: '90.00' });
    const pedros = await redemption('pedro', { amount: '60.00' });
    const claimId = await claim([third, pedros, second]);

    const signals = await signalsOf(claimId);
    expect(signals).toEqual([
      {
        kind: 'many-redemptions-one-beneficiary',
        explanation: 'The beneficiary of these redemptions had 3 redemptions, at any facility, in the 30 days before the claim was sent.',
        redemptionIds: [second, third],
        evidence: { redemptionCount: 3, threshold: 3, windowDays: 30 },
      },
    ]);
    expect(signals[0]?.redemptionIds).not.toContain(elsewhere);
    // The facility reads its own claim without them.
    const own = await api().get(`/api/v1/claims/${claimId}`).set('Authorization', as('clinic'));
    expect(own.status).toBe(200);
    expect(own.body).not.toHaveProperty('signals');
  });

  it('signals a facility whose five redemptions in 90 days each took the voucher’s whole value, and stops at a partial one', async () => {
    await facilityWithClinic(testApp.app, 'Mtwapa Hospital');
    // Three a month and a half ago (too old to count for their beneficiaries), two now: five for the facility.
    const earlier = [await redemption('amina'), await redemption('pedro'), await redemption('amina')];
    await moveBack(45, earlier);
    const recent = [await redemption('pedro', { value: '700.00' }), await redemption('amina', { value: '650.00' })];
    const claimId = await claim(recent);

    const expected = [
      {
        kind: 'always-maximum-amount',
        explanation: "Each of the facility's 5 redemptions in the 90 days before the claim was sent took the voucher's whole value.",
        redemptionIds: recent,
        evidence: { redemptionCount: 5, threshold: 5, windowDays: 90 },
      },
    ];
    expect(await signalsOf(claimId)).toEqual(expected);

    // A sixth redemption for a part of its voucher: a later claim has no such signal; the first one keeps its own.
    const partial = await redemption('pedro', { value: '700.00', amount: '300.00' });
    expect(await signalsOf(await claim([partial]))).toEqual([]);
    expect(await signalsOf(claimId)).toHaveLength(1);
  });

  it('signals each redemption at a facility outside the beneficiary’s region, compared without case or spaces', async () => {
    await facilityWithClinic(testApp.app, 'Nairobi West Clinic', { region: 'Nairobi' });
    const aminas = await redemption('amina', { amount: '200.00' });
    const pedros = await redemption('pedro', { amount: '200.00', region: ' NAIROBI ' });
    const claimId = await claim([aminas, pedros]);

    expect(await signalsOf(claimId)).toEqual([
      {
        kind: 'outside-voucher-region',
        explanation: "The facility's region is Nairobi; the beneficiary's region is Coast.",
        redemptionIds: [aminas],
        evidence: { providerRegion: 'Nairobi', beneficiaryRegion: 'Coast' },
      },
    ]);
  });
});
