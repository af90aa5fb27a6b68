/**
 * Vouchers through the API, with real tokens and the real database: the issuing officer issues the voucher
 * of an approved application (once, even when pressed twice at once), the applicant reads their own, the
 * program manager revokes or suspends it, scanners fetch the signed status lists, and the VC-API verify
 * operation names each failed check.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { selectRows } from '../../src/platform/db/sql.js';
import {
  createVoucherTypeTable,
  decodeVoucherQr,
  createDocumentLoader,
  VOUCHER_REGISTRY_ENTRY_ID,
} from '../../src/modules/vouchers/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { applicationFor, approveApplication, createProgram, type ProgramFixture } from '../support/fixtures.js';

type Body = Record<string, unknown>;
type Voucher = {
  id: string;
  applicationId: string;
  status: string;
  amount: string;
  currency: string;
  credential: Body & { credentialSubject: Body; credentialStatus: Body[] };
  qrText: string;
  validFrom: string;
  validUntil: string;
};

describe('entitlement vouchers', () => {
  let testApp: TestApp;
  let program: ProgramFixture;
  const tokens: Record<string, string> = {};
  const users = ['amina', 'pedro', 'maria', 'samuel', 'sena', 'ivan', 'otto'] as const;
  type User = (typeof users)[number];

  beforeAll(async () => {
    testApp = await startTestApp();
    for (const user of users) tokens[user] = await tokenFor(user);
    program = await createProgram(testApp.app);
  });
  afterAll(async () => {
    await testApp.close();
  });

  const api = () => request(testApp.app);
  const as = (user: User) => `Bearer ${tokens[user]}`;

  async function submitted(user: User = 'amina'): Promise<string> {
    const res = await api().post('/api/v1/applications').set('Authorization', as(user)).send(applicationFor(program.id));
    if (res.status !== 201) throw new Error(`not submitted: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { id: string }).id;
  }

  const approved = async (user: User = 'amina', amount = '1100.00'): Promise<string> =>
    (await approveApplication(testApp.app, program.id, { applicant: user, amount })).id;

  const issue = (applicationId: string, user: User = 'ivan') =>
    api().post(`/api/v1/applications/${applicationId}/voucher`).set('Authorization', as(user)).send();
  const verify = (credential: unknown) => api().post('/api/v1/credentials/verify').send({ verifiableCredential: credential });

  describe('issuing', () => {
    it('issues a signed voucher for the amount assessed, valid for the program days, and moves the application on', async () => {
      const id = await approved('amina', '1100.00');
      const res = await issue(id);
      expect(res.status).toBe(201);
      const voucher = res.body as Voucher;
      expect(voucher).toMatchObject({ applicationId: id, status: 'ACTIVE', amount: '1100.00', currency: 'USD' });
      expect(voucher.credential.type).toEqual(['VerifiableCredential', 'EntitlementVoucher']);
      expect(voucher.credential.credentialSubject).toMatchObject({
        name: 'Amina Yusuf',
        amount: '1100.00',
        currency: 'USD',
        program: program.code,
      });
      expect(voucher.credential.credentialSubject.beneficiaryReference).toMatch(/^[0-9A-Z]{12}$/);
      expect(Date.parse(voucher.validUntil) - Date.parse(voucher.validFrom)).toBe(30 * 86_400_000);
      expect(voucher.credential.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' });
      expect(voucher.qrText).toMatch(/^VC1-R[0-9A-Z $%*+\-./:]+$/);

      const application = await api().get(`/api/v1/applications/${id}`).set('Authorization', as('amina'));
      expect(application.body.status).toBe('VOUCHER_ISSUED');
      const verified = await verify(voucher.credential);
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ verified: true, errors: [] });
      expect(verified.body.checks).toEqual(['format', 'signature', 'issuer', 'validity', 'status']);
    });

    it('puts in the QR code the same credential, which decodes and verifies', async () => {
      const voucher = (await issue(await approved())).body as Voucher;
      const decoded = await decodeVoucherQr({
        text: voucher.qrText,
        documentLoader: createDocumentLoader(),
        typeTables: new Map([
          [
            VOUCHER_REGISTRY_ENTRY_ID,
            createVoucherTypeTable({ publicUrl: testApp.config.publicUrl, issuerKeys: testApp.runtime.issuerKeys.keys }),
          ],
        ]),
      });
      expect(decoded).toEqual(voucher.credential);
      expect((await verify(decoded)).body.verified).toBe(true);
      expect(new TextEncoder().encode(voucher.qrText).length).toBeLessThan(460);
    });

    it('records the issue with ids and amounts, never the name', async () => {
      const voucher = (await issue(await approved())).body as Voucher;
      const events = await selectRows<{ event_type: string; payload: Body }>(
        testApp.runtime.database.sequelize,
        "SELECT event_type, payload FROM outbox_events WHERE aggregate_type = 'voucher' AND aggregate_id = :id",
        { id: voucher.id },
      );
      expect(events.map((event) => event.event_type)).toEqual(['voucher.issued']);
      expect(events[0]?.payload).toMatchObject({ applicationId: voucher.applicationId, amount: '1100.00', currency: 'USD' });
      expect(JSON.stringify(events[0]?.payload)).not.toContain('Amina');
    });

    it('refuses a second voucher for the same application', async () => {
      const id = await approved();
      expect((await issue(id)).status).toBe(201);
      const again = await issue(id);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ERR_VOUCHER_ALREADY_ISSUED');
    });

    it('issues exactly one voucher when several officers press issue at the same moment', async () => {
      const id = await approved();
      const answers = await Promise.all(Array.from({ length: 6 }, () => issue(id)));
      expect(answers.map((res) => res.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const rows = await selectRows<{ n: string }>(
        testApp.runtime.database.sequelize,
        'SELECT count(*) AS n FROM vouchers WHERE application_id = :id',
        {
          id,
        },
      );
      expect(Number(rows[0]?.n)).toBe(1);
    });

    it('refuses an application that is not approved, and answers 404 for an unknown one', async () => {
      const waiting = await issue(await submitted());
      expect(waiting.status).toBe(409);
      expect(waiting.body.code).toBe('ERR_APPLICATION_NOT_APPROVED');
      const unknown = await issue('7d1f0c52-8b8e-4a59-9d3a-2f7f6f0b1c11');
      expect(unknown.status).toBe(404);
      const notUuid = await issue('not-an-id');
      expect(notUuid.status).toBe(400);
    });

    it('lets only issuing officers issue', async () => {
      const id = await approved();
      for (const user of ['amina', 'sena', 'maria'] as const) {
        const res = await issue(id, user);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('ERR_FORBIDDEN_ROLE');
      }
    });

    it('issues in bulk with one result per application, a refusal not stopping the others', async () => {
      const first = await approved();
      const second = await approved();
      const waiting = await submitted();
      const res = await api()
        .post('/api/v1/vouchers/issuance')
        .set('Authorization', as('ivan'))
        .send({ applicationIds: [first, waiting, second] });
      expect(res.status).toBe(200);
      expect(res.body.results).toEqual([
        { applicationId: first, outcome: 'issued', voucherId: expect.any(String) },
        { applicationId: waiting, outcome: 'refused', code: 'ERR_APPLICATION_NOT_APPROVED', detail: expect.any(String) },
        { applicationId: second, outcome: 'issued', voucherId: expect.any(String) },
      ]);
      const tooMany = await api().post('/api/v1/vouchers/issuance').set('Authorization', as('ivan')).send({ applicationIds: [] });
      expect(tooMany.status).toBe(400);
    });

    it('issues each application once when overlapping bulk requests run at once or name it twice, each voucher recorded', async () => {
      const ids = [];
      for (let i = 0; i < 4; i++) ids.push(await approved());
      const [a, b, c, d] = ids as [string, string, string, string];
      const bulk = (applicationIds: string[]) =>
        api().post('/api/v1/vouchers/issuance').set('Authorization', as('ivan')).send({ applicationIds });
      const answers = await Promise.all([bulk([a, b, c]), bulk([d, c, b, a]), bulk([b, d, b.toUpperCase()])]);
      expect(answers.map((res) => res.status)).toEqual([200, 200, 200]);
      const results = answers.flatMap(
        (res) => (res.body as { results: Array<{ applicationId: string; outcome: string; code?: string }> }).results,
      );
      expect(results).toHaveLength(10);
      for (const id of ids) {
        const mine = results.filter((item) => item.applicationId.toLowerCase() === id);
        expect(mine.filter((item) => item.outcome === 'issued')).toHaveLength(1);
        expect(mine.filter((item) => item.outcome === 'refused').every((item) => item.code === 'ERR_VOUCHER_ALREADY_ISSUED')).toBe(true);
      }
      const rows = await selectRows<{ vouchers: string; events: string }>(
        testApp.runtime.database.sequelize,
        `SELECT (SELECT count(*) FROM vouchers WHERE application_id = ANY(CAST(:ids AS uuid[]))) AS vouchers,
           (SELECT count(*) FROM audit_events
            WHERE action = 'voucher.issued' AND details->>'applicationId' = ANY(CAST(:ids AS text[]))) AS events`,
        { ids: `{${ids.join(',')}}` },
      );
      expect(rows[0]).toEqual({ vouchers: '4', events: '4' });
    });

    it('lists approved applications that wait for their voucher, and no longer once issued', async () => {
      const id = await approved();
      const listed = async () =>
        (
          (await api().get(`/api/v1/vouchers/issuable?programId=${program.id}&pageSize=100`).set('Authorization', as('ivan'))).body as {
            items: Array<{ applicationId: string; amount: string }>;
          }
        ).items;
      expect((await listed()).find((item) => item.applicationId === id)).toMatchObject({ amount: '1100.00' });
      await issue(id);
      expect((await listed()).some((item) => item.applicationId === id)).toBe(false);
    });
  });

  describe('reading', () => {
    it('shows the applicant their own voucher and its QR code, and nobody else but officers of vouchers', async () => {
      const id = await approved('amina');
      const voucher = (await issue(id)).body as Voucher;
      const own = await api().get(`/api/v1/applications/${id}/voucher`).set('Authorization', as('amina'));
      expect(own.status).toBe(200);
      expect(own.body.id).toBe(voucher.id);
      const qr = await api().get(`/api/v1/vouchers/${voucher.id}/qr`).set('Authorization', as('amina'));
      expect(qr.status).toBe(200);
      expect(qr.headers['content-type']).toBe('image/png');
      expect((qr.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
      expect((await api().get(`/api/v1/vouchers/${voucher.id}`).set('Authorization', as('pedro'))).status).toBe(404);
      expect((await api().get(`/api/v1/vouchers/${voucher.id}`).set('Authorization', as('samuel'))).status).toBe(403);
      expect((await api().get(`/api/v1/vouchers/${voucher.id}`).set('Authorization', as('otto'))).status).toBe(200);
    });
  });

  describe('status', () => {
    it('revokes a voucher so that verification fails with ERR_VOUCHER_REVOKED, and the status list says so', async () => {
      const voucher = (await issue(await approved())).body as Voucher;
      const revoked = await api()
        .post(`/api/v1/vouchers/${voucher.id}/revocation`)
        .set('Authorization', as('maria'))
        .send({ reason: 'Paid by the insurer.' });
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ status: 'REVOKED', statusReason: 'Paid by the insurer.' });
      const result = await verify(voucher.credential);
      expect(result.body.verified).toBe(false);
      expect(result.body.errors).toEqual([{ check: 'status', code: 'ERR_VOUCHER_REVOKED', title: expect.any(String) }]);
      const again = await api()
        .post(`/api/v1/vouchers/${voucher.id}/revocation`)
        .set('Authorization', as('maria'))
        .send({ reason: 'Twice.' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ERR_VOUCHER_REVOKED_ALREADY');
      const application = await api().get(`/api/v1/applications/${voucher.applicationId}`).set('Authorization', as('amina'));
      expect(application.body.status).toBe('REVOKED');
    });

    it('suspends and reinstates a voucher', async () => {
      const voucher = (await issue(await approved())).body as Voucher;
      const suspend = await api()
        .post(`/api/v1/vouchers/${voucher.id}/suspension`)
        .set('Authorization', as('maria'))
        .send({ reason: 'Reported lost.' });
      expect(suspend.body.status).toBe('SUSPENDED');
      expect((await verify(voucher.credential)).body.errors.map((error: Body) => error.code)).toEqual(['ERR_VOUCHER_SUSPENDED']);
      const reinstate = await api().delete(`/api/v1/vouchers/${voucher.id}/suspension`).set('Authorization', as('maria'));
      expect(reinstate.body.status).toBe('ACTIVE');
      expect((await verify(voucher.credential)).body.verified).toBe(true);
      const notSuspended = await api().delete(`/api/v1/vouchers/${voucher.id}/suspension`).set('Authorization', as('maria'));
      expect(notSuspended.status).toBe(409);
      expect(notSuspended.body.code).toBe('ERR_VOUCHER_NOT_SUSPENDED');
    });

    it('refuses to revoke an unknown voucher, or by anyone but a program manager', async () => {
      const unknown = await api()
        .post('/api/v1/vouchers/7d1f0c52-8b8e-4a59-9d3a-2f7f6f0b1c11/revocation')
        .set('Authorization', as('maria'))
        .send({ reason: 'x' });
      expect(unknown.status).toBe(404);
      const voucher = (await issue(await approved())).body as Voucher;
      const byIvan = await api().post(`/api/v1/vouchers/${voucher.id}/revocation`).set('Authorization', as('ivan')).send({ reason: 'x' });
      expect(byIvan.status).toBe(403);
      const noReason = await api()
        .post(`/api/v1/vouchers/${voucher.id}/revocation`)
        .set('Authorization', as('maria'))
        .send({ reason: ' ' });
      expect(noReason.status).toBe(400);
      expect((await verify(voucher.credential)).body.verified).toBe(true);
    });

    it('serves signed status lists publicly with cache headers, and 304 for an unchanged one', async () => {
      const voucher = (await issue(await approved())).body as Voucher;
      const entry = voucher.credential.credentialStatus.find((e) => e.statusPurpose === 'revocation') as { statusListCredential: string };
      const path = new URL(entry.statusListCredential).pathname;
      const list = await api().get(path);
      expect(list.status).toBe(200);
      expect(list.headers['cache-control']).toBe('public, max-age=300');
      expect(list.headers['access-control-allow-origin']).toBe('*');
      expect(list.body).toMatchObject({ type: ['VerifiableCredential', 'BitstringStatusListCredential'], id: entry.statusListCredential });
      expect(list.body.proof).toMatchObject({ cryptosuite: 'eddsa-rdfc-2022' });
      const unchanged = await api()
        .get(path)
        .set('If-None-Match', list.headers.etag as string);
      expect(unchanged.status).toBe(304);
      expect((await api().get('/status-lists/999/revocation')).status).toBe(404);
      expect((await api().get('/status-lists/1/other')).status).toBe(404);
    });
    it('publishes a list again when its stored copy names another address (the public URL changed)', async () => {
      const voucher = (await issue(await approved())).body as Voucher;
      const entry = voucher.credential.credentialStatus.find((e) => e.statusPurpose === 'revocation') as { statusListCredential: string };
      const path = new URL(entry.statusListCredential).pathname;
      await api().get(path);
      const [, listNumber] = /\/status-lists\/(\d+)\//.exec(path) as RegExpExecArray;
      await selectRows(
        testApp.runtime.database.sequelize,
        `UPDATE status_lists SET credential = jsonb_set(credential, '{id}', '"https://old.example.org/list"')
         WHERE list_number = :listNumber RETURNING list_number`,
        { listNumber: Number(listNumber) },
      );
      expect((await verify(voucher.credential)).body.verified).toBe(true);
      expect((await api().get(path)).body.id).toBe(entry.statusListCredential);
    });
  });

  describe('VC-API verify', () => {
    it('names the failed check of an altered credential, and of one from another issuer', async () => {
      const voucher = (await issue(await approved())).body as Voucher;
      const altered = structuredClone(voucher.credential);
      altered.credentialSubject.amount = '9100.00';
      expect((await verify(altered)).body.errors.map((error: Body) => error.code)).toEqual(['ERR_VOUCHER_SIGNATURE_INVALID']);
      const unsigned = structuredClone(voucher.credential);
      delete unsigned.proof;
      expect((await verify(unsigned)).body.verified).toBe(false);
      const foreign = { ...structuredClone(voucher.credential), issuer: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' };
      const result = await verify(foreign);
      expect(result.body.verified).toBe(false);
      expect(result.body.errors.map((error: Body) => error.code)).toContain('ERR_VOUCHER_ISSUER_UNTRUSTED');
    });

    it('answers 400 for a body that is not a credential, and ERR_VOUCHER_MALFORMED for a credential of another kind', async () => {
      expect((await api().post('/api/v1/credentials/verify').send({ verifiableCredential: 'VC1-XYZ' })).status).toBe(400);
      expect((await api().post('/api/v1/credentials/verify').send({})).status).toBe(400);
      const other = await verify({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        issuer: 'did:example:1',
      });
      expect(other.status).toBe(200);
      expect(other.body.errors.map((error: Body) => error.code)).toEqual(['ERR_VOUCHER_MALFORMED']);
    });
  });

  describe('VC-API issue', () => {
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      credentialSubject: { id: 'did:example:subject' },
    };

    it('signs a credential of bundled contexts with the current key', async () => {
      const res = await api().post('/api/v1/credentials/issue').set('Authorization', as('ivan')).send({ credential });
      expect(res.status).toBe(201);
      expect(res.body.verifiableCredential).toMatchObject({
        issuer: testApp.runtime.issuerKeys.current.did,
        proof: { cryptosuite: 'eddsa-rdfc-2022' },
      });
    });

    it('refuses an entitlement voucher, an unknown context, and callers without the issuing role', async () => {
      const voucherType = await api()
        .post('/api/v1/credentials/issue')
        .set('Authorization', as('ivan'))
        .send({ credential: { ...credential, type: ['VerifiableCredential', 'EntitlementVoucher'] } });
      expect(voucherType.status).toBe(422);
      expect(voucherType.body.code).toBe('ERR_CREDENTIAL_VOUCHER_TYPE');
      const unknownContext = await api()
        .post('/api/v1/credentials/issue')
        .set('Authorization', as('ivan'))
        .send({ credential: { ...credential, '@context': [...credential['@context'], 'https://example.org/unknown/v1'] } });
      expect(unknownContext.status).toBe(422);
      expect(unknownContext.body.code).toBe('ERR_CREDENTIAL_NOT_SIGNABLE');
      expect((await api().post('/api/v1/credentials/issue').set('Authorization', as('amina')).send({ credential })).status).toBe(403);
      expect((await api().post('/api/v1/credentials/issue').send({ credential })).status).toBe(401);
    });
  });
});
