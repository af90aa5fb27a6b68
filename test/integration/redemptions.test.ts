/**
 * Service providers and redemptions through the API, with real tokens and the real database: the program
 * manager registers a facility and links the provider user `clinic`; clinic redeems vouchers in full or in
 * part, never for more than their value, even with 200 attempts at once spread over two app instances; a
 * voucher redeemed in full fails verification at any scanner that reads its status list.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { selectRows } from '../../src/platform/db/sql.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { approveApplication, createProgram, unlinkClinic, type ProgramFixture } from '../support/fixtures.js';

type Body = Record<string, unknown>;

describe('service providers and redemptions', () => {
  let testApp: TestApp;
  let second: TestApp;
  let program: ProgramFixture;
  let providerId: string;
  const tokens: Record<string, string> = {};
  const users = ['amina', 'maria', 'ivan', 'clinic', 'claire', 'sena'] as const;
  type User = (typeof users)[number];

  beforeAll(async () => {
    testApp = await startTestApp();
    second = await startTestApp();
    for (const user of users) tokens[user] = await tokenFor(user);
    program = await createProgram(testApp.app);
    const registered = await api()
      .post('/api/v1/providers')
      .set('Authorization', as('maria'))
      .send({ name: 'Coast General Hospital', kind: 'hospital', region: 'Coast', paymentDetails: 'KCB 1234567890' });
    providerId = registered.body.id as string;
    await unlinkClinic(testApp.app);
  });
  afterAll(async () => {
    await second?.close();
    await testApp?.close();
  });

  const api = (app: TestApp = testApp) => request(app.app);
  const as = (user: User) => `Bearer ${tokens[user]}`;

  /** An approved application's voucher, issued by ivan: its id and amount. */
  async function voucher(amount = '1000.00'): Promise<{ id: string; applicationId: string; credential: Body }> {
    const application = await approveApplication(testApp.app, program.id, { amount });
    const res = await api().post(`/api/v1/applications/${application.id}/voucher`).set('Authorization', as('ivan')).send();
    if (res.status !== 201) throw new Error(`not issued: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, applicationId: application.id, credential: res.body.credential as Body };
  }

  const redeem = (body: Body, options: { app?: TestApp; user?: User; key?: string } = {}) => {
    const call = api(options.app)
      .post('/api/v1/redemptions')
      .set('Authorization', as(options.user ?? 'clinic'));
    return (options.key ? call.set('Idempotency-Key', options.key) : call).send(body);
  };

  describe('providers', () => {
    it('lets only the program manager register a facility, and answers 400 for an incomplete one', async () => {
      const body = { name: 'Lakeside Clinic', kind: 'clinic', region: 'West', paymentDetails: 'Equity 0987654321' };
      expect((await api().post('/api/v1/providers').set('Authorization', as('clinic')).send(body)).status).toBe(403);
      const incomplete = await api()
        .post('/api/v1/providers')
        .set('Authorization', as('maria'))
        .send({ ...body, region: ' ' });
      expect(incomplete.status).toBe(400);
      const res = await api().post('/api/v1/providers').set('Authorization', as('maria')).send(body);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ...body, users: [] });
      const listed = await api().get('/api/v1/providers').set('Authorization', as('claire'));
      expect((listed.body.items as Array<{ id: string }>).some((item) => item.id === res.body.id)).toBe(true);
    });

    it('refuses redemptions by a provider user not linked to a facility, and nothing is drawn', async () => {
      const { id } = await voucher();
      const res = await redeem({ voucherId: id, amount: '100.00', service: 'Consultation' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('ERR_PROVIDER_NOT_LINKED');
      const rows = await selectRows<{ redeemed_amount: string }>(
        testApp.runtime.database.sequelize,
        'SELECT redeemed_amount FROM vouchers WHERE id = :id',
        { id },
      );
      expect(rows[0]?.redeemed_amount).toBe('0.00');
    });

    it('links only enabled users who hold the service-provider role, one facility each', async () => {
      const link = (username: string, id = providerId) =>
        api().post(`/api/v1/providers/${id}/users`).set('Authorization', as('maria')).send({ username });
      expect((await link('nobody-by-that-name')).body.code).toBe('ERR_PROVIDER_USER_UNKNOWN');
      expect((await link('amina')).body.code).toBe('ERR_PROVIDER_USER_LACKS_ROLE');
      const linked = await link('clinic');
      expect(linked.status).toBe(200);
      expect(linked.body.users).toEqual([expect.objectContaining({ username: 'clinic' })]);
      expect((await link('clinic')).status).toBe(200);
      const other = await api()
        .post('/api/v1/providers')
        .set('Authorization', as('maria'))
        .send({ name: 'Elsewhere Pharmacy', kind: 'pharmacy', region: 'North', paymentDetails: 'M-Pesa 0700000000' });
      const elsewhere = await link('clinic', other.body.id as string);
      expect(elsewhere.status).toBe(409);
      expect(elsewhere.body.code).toBe('ERR_PROVIDER_USER_LINKED_ELSEWHERE');
      const own = await api().get(`/api/v1/providers/${providerId}`).set('Authorization', as('clinic'));
      expect(own.status).toBe(200);
      expect((await api().get(`/api/v1/providers/${other.body.id}`).set('Authorization', as('clinic'))).status).toBe(404);
    });
  });

  describe('redeeming', () => {
    beforeAll(async () => {
      const linked = await api()
        .post(`/api/v1/providers/${providerId}/users`)
        .set('Authorization', as('maria'))
        .send({ username: 'clinic' });
      if (linked.status !== 200) throw new Error(`clinic not linked: ${linked.status} ${JSON.stringify(linked.body)}`);
    });

    it('redeems in parts, each with a receipt, then in full: the voucher and its application say so, and scanners refuse it', async () => {
      const { id, applicationId, credential } = await voucher('1000.00');
      const first = await redeem({ voucherId: id, amount: '400.00', service: 'Surgery deposit' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ voucherId: id, providerId, amount: '400.00', remainingAfter: '600.00', voucherStatus: 'ACTIVE' });
      const receipt = await api().get(`/api/v1/redemptions/${first.body.id}`).set('Authorization', as('clinic'));
      expect(receipt.status).toBe(200);
      expect(receipt.body).toMatchObject({ service: 'Surgery deposit', providerName: 'Coast General Hospital' });
      expect((await api().get(`/api/v1/redemptions/${first.body.id}`).set('Authorization', as('claire'))).status).toBe(200);
      expect((await api().get(`/api/v1/redemptions/${first.body.id}`).set('Authorization', as('amina'))).status).toBe(403);

      const over = await redeem({ voucherId: id, amount: '600.01', service: 'Surgery' });
      expect(over.status).toBe(422);
      expect(over.body).toMatchObject({ code: 'ERR_REDEMPTION_OVER_REMAINING', remaining: '600.00' });

      const rest = await redeem({ voucherId: id, amount: '600', service: 'Surgery' });
      expect(rest.status).toBe(201);
      expect(rest.body).toMatchObject({ remainingAfter: '0.00', voucherStatus: 'REDEEMED' });
      const again = await redeem({ voucherId: id, amount: '1.00', service: 'Follow-up' });
      expect(again.status).toBe(422);
      expect(again.body.code).toBe('ERR_VOUCHER_REDEEMED');

      const read = await api().get(`/api/v1/vouchers/${id}`).set('Authorization', as('ivan'));
      expect(read.body.status).toBe('REDEEMED');
      const application = await api().get(`/api/v1/applications/${applicationId}`).set('Authorization', as('amina'));
      expect(application.body.status).toBe('REDEEMED');
      const verified = await api().post('/api/v1/credentials/verify').send({ verifiableCredential: credential });
      expect(verified.status).toBe(200);
      expect(verified.body.verified).toBe(false);
      expect((verified.body.errors as Array<{ code?: string }>).map((error) => error.code)).toContain('ERR_VOUCHER_REVOKED');

      const mine = await api().get('/api/v1/redemptions?pageSize=100').set('Authorization', as('clinic'));
      expect((mine.body.items as Array<{ id: string }>).map((item) => item.id)).toEqual(
        expect.arrayContaining([first.body.id, rest.body.id]),
      );
    });

    it('returns the first redemption for a retried request with the same Idempotency-Key, and draws once', async () => {
      const { id } = await voucher('500.00');
      const key = `redeem-${id}`;
      const body = { voucherId: id, amount: '200.00', service: 'Medicines' };
      const first = await redeem(body, { key });
      const retried = await redeem(body, { key, app: second });
      expect(first.status).toBe(201);
      expect(retried.status).toBe(201);
      expect(retried.headers['idempotent-replayed']).toBe('true');
      expect(retried.body.id).toBe(first.body.id);
      const next = await redeem({ ...body, amount: '300.00' });
      expect(next.body.remainingAfter).toBe('0.00');
    });

    it('refuses revoked, suspended, expired, unknown vouchers and amounts of zero, each naming its rule', async () => {
      const revoked = await voucher();
      await api().post(`/api/v1/vouchers/${revoked.id}/revocation`).set('Authorization', as('maria')).send({ reason: 'Duplicate' });
      expect((await redeem({ voucherId: revoked.id, amount: '1.00', service: 'X-ray' })).body.code).toBe('ERR_VOUCHER_REVOKED');

      const suspended = await voucher();
      await api().post(`/api/v1/vouchers/${suspended.id}/suspension`).set('Authorization', as('maria')).send({ reason: 'Checking' });
      expect((await redeem({ voucherId: suspended.id, amount: '1.00', service: 'X-ray' })).body.code).toBe('ERR_VOUCHER_SUSPENDED');

      const expired = await voucher();
      await selectRows(
        testApp.runtime.database.sequelize,
        "UPDATE vouchers SET valid_until = now() - interval '1 day', valid_from = now() - interval '31 days' WHERE id = :id RETURNING id",
        { id: expired.id },
      );
      const late = await redeem({ voucherId: expired.id, amount: '1.00', service: 'X-ray' });
      expect(late.status).toBe(422);
      expect(late.body.code).toBe('ERR_VOUCHER_EXPIRED');

      const unknown = await redeem({ voucherId: '7d1f0c52-8b8e-4a59-9d3a-2f7f6f0b1c11', amount: '1.00', service: 'X-ray' });
      expect(unknown.status).toBe(404);
      const zero = await redeem({ voucherId: suspended.id, amount: '0.00', service: 'X-ray' });
      expect(zero.status).toBe(400);
      expect((await redeem({ voucherId: suspended.id, amount: '1.00', service: 'X-ray' }, { user: 'ivan' })).status).toBe(403);
    });

    it('never redeems more than the value with 200 attempts at once over two instances; each success has one record', async () => {
      const { id } = await voucher('1000.00');
      const attempts = Array.from({ length: 200 }, (_, i) =>
        redeem({ voucherId: id, amount: '7.50', service: `Dressing ${i}` }, { app: i % 2 === 0 ? testApp : second }),
      );
      const answers = await Promise.all(attempts);
      expect(answers.filter((res) => res.status !== 201 && res.status !== 422).map((res) => [res.status, res.body])).toEqual([]);
      const succeeded = answers.filter((res) => res.status === 201);
      // 1000 / 7.50 = 133 whole redemptions, 2.50 left over.
      expect(succeeded).toHaveLength(133);
      expect(answers.filter((res) => res.status === 422).every((res) => res.body.code === 'ERR_REDEMPTION_OVER_REMAINING')).toBe(true);
      const [totals] = await selectRows<{ records: string; drawn: string; redeemed_amount: string; events: string }>(
        testApp.runtime.database.sequelize,
        `SELECT count(*) AS records, sum(r.amount) AS drawn, (SELECT redeemed_amount FROM vouchers WHERE id = :id) AS redeemed_amount,
           (SELECT count(*) FROM audit_events WHERE action = 'voucher.redeemed' AND details->>'voucherId' = :text) AS events
         FROM redemptions r WHERE r.voucher_id = :id`,
        { id, text: id },
      );
      expect(totals).toEqual({ records: '133', drawn: '997.50', redeemed_amount: '997.50', events: '133' });
      expect(new Set(succeeded.map((res) => res.body.id)).size).toBe(133);
    });
  });
});
