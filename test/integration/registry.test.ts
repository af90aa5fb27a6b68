import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { selectRows } from '../../src/platform/db/sql.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { applicationFor, createProgram } from '../support/fixtures.js';

describe('registry', () => {
  let testApp: TestApp;
  let reviewer: string;
  beforeAll(async () => {
    testApp = await startTestApp();
    reviewer = await tokenFor('samuel');
  });
  afterAll(async () => {
    await testApp.close();
  });

  const api = () => request(testApp.app);
  const person = (overrides: Record<string, unknown> = {}) => ({
    idType: 'PASSPORT',
    idValue: `P${randomUUID().slice(0, 8)}`,
    givenName: 'Halima',
    familyName: `Said${randomUUID().slice(0, 4)}`,
    gender: 'female',
    birthDate: '1988-04-12',
    address: { region: 'Highlands', district: 'Nyeri' },
    familyMembers: [{ relation: 'child', givenName: 'Omar', familyName: 'Said', gender: 'male', birthDate: '2015-09-01' }],
    ...overrides,
  });

  it('enrols a person with family members and derives ages', async () => {
    const res = await api().post('/api/v1/registrants').set('Authorization', `Bearer ${reviewer}`).send(person());
    expect(res.status).toBe(201);
    expect(res.body.age).toBeGreaterThanOrEqual(36);
    expect(res.body.familyMembers).toEqual([expect.objectContaining({ relation: 'child', givenName: 'Omar', age: expect.any(Number) })]);
  });

  it('refuses a second registrant with the same ID and leaves the first as it was', async () => {
    const first = person();
    await api().post('/api/v1/registrants').set('Authorization', `Bearer ${reviewer}`).send(first);
    const res = await api()
      .post('/api/v1/registrants')
      .set('Authorization', `Bearer ${reviewer}`)
      .send({ ...first, givenName: 'Someone else' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ERR_REGISTRANT_DUPLICATE');
    const found = await api()
      .get(`/api/v1/registrants?idType=PASSPORT&idValue=${first.idValue}`)
      .set('Authorization', `Bearer ${reviewer}`);
    expect(found.body.items.map((r: { givenName: string }) => r.givenName)).toEqual(['Halima']);
  });

  it('counts the matches of an ID exactly, whether or not the first page holds them all', async () => {
    const idValue = `X${randomUUID().slice(0, 8)}`;
    for (const idType of ['PASSPORT', 'REFUGEE_ID']) {
      const res = await api().post('/api/v1/registrants').set('Authorization', `Bearer ${reviewer}`).send(person({ idType, idValue }));
      expect(res.status).toBe(201);
    }
    const all = await api().get(`/api/v1/registrants?idValue=${idValue}`).set('Authorization', `Bearer ${reviewer}`);
    expect(all.body).toMatchObject({ total: 2, totalIsExact: true });
    expect(all.body.items.map((r: { idType: string }) => r.idType).sort()).toEqual(['PASSPORT', 'REFUGEE_ID']);
    const one = await api().get(`/api/v1/registrants?idType=REFUGEE_ID&idValue=${idValue}`).set('Authorization', `Bearer ${reviewer}`);
    expect(one.body).toMatchObject({ total: 1, totalIsExact: true, items: [{ idType: 'REFUGEE_ID', idValue }] });
    const first = await api().get(`/api/v1/registrants?idValue=${idValue}&pageSize=1`).set('Authorization', `Bearer ${reviewer}`);
    expect(first.body).toMatchObject({ total: 2, totalIsExact: true });
    expect(first.body.items).toHaveLength(1);
    const second = await api()
      .get(`/api/v1/registrants?idValue=${idValue}&pageSize=1&after=${first.body.nextAfter as string}`)
      .set('Authorization', `Bearer ${reviewer}`);
    expect(second.body).toMatchObject({ total: 2, totalIsExact: true });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextAfter).toBeUndefined();
    const none = await api().get(`/api/v1/registrants?idValue=${idValue}Z`).set('Authorization', `Bearer ${reviewer}`);
    expect(none.body).toMatchObject({ total: 0, totalIsExact: true, items: [] });
  });

  it('finds people by name start, any case, and by region, a page at a time', async () => {
    const familyName = `Kamau${randomUUID().slice(0, 6)}`;
    for (let i = 0; i < 3; i++)
      await api()
        .post('/api/v1/registrants')
        .set('Authorization', `Bearer ${reviewer}`)
        .send(person({ familyName, address: { region: 'Lakeside' } }));
    const page1 = await api()
      .get(`/api/v1/registrants?name=${familyName.toLowerCase().slice(0, 9)}&pageSize=2`)
      .set('Authorization', `Bearer ${reviewer}`);
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.body.items).toHaveLength(2);
    const page2 = await api().get(`/api/v1/registrants?name=${familyName}&pageSize=2&page=2`).set('Authorization', `Bearer ${reviewer}`);
    expect(page2.body.items).toHaveLength(1);
    const region = await api().get(`/api/v1/registrants?region=lakeside&name=${familyName}`).set('Authorization', `Bearer ${reviewer}`);
    expect(region.body.total).toBe(3);
  });

  it('walks every match of a name once with "after", in the order of the name that matched', async () => {
    const stem = `Zq${randomUUID().slice(0, 6)}`.toLowerCase();
    const people = [
      person({ familyName: `${stem}c`, givenName: 'Beth' }),
      person({ familyName: `${stem}a`, givenName: 'Amos' }),
      person({ familyName: 'Otieno', givenName: `${stem}b` }),
      person({ familyName: `${stem}a`, givenName: `${stem}z` }),
      person({ familyName: 'Mwangi', givenName: `${stem}d` }),
    ];
    for (const p of people)
      expect((await api().post('/api/v1/registrants').set('Authorization', `Bearer ${reviewer}`).send(p)).status).toBe(201);
    const seen: Array<{ givenName: string; familyName: string }> = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const res = await api()
        .get(`/api/v1/registrants?name=${stem.toUpperCase()}&pageSize=2${after ? `&after=${after}` : ''}`)
        .set('Authorization', `Bearer ${reviewer}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 5, totalIsExact: true });
      seen.push(...res.body.items);
      after = res.body.nextAfter;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(seen.map((p) => `${p.givenName} ${p.familyName}`)).toEqual([
      `Amos ${stem}a`,
      `${stem}z ${stem}a`,
      `${stem}b Otieno`,
      `Beth ${stem}c`,
      `${stem}d Mwangi`,
    ]);
  });

  it('walks a region a page at a time with "after", in name order', async () => {
    const region = `Delta ${randomUUID().slice(0, 8)}`;
    for (const familyName of ['Njeri', 'achieng', 'Ouma'])
      await api()
        .post('/api/v1/registrants')
        .set('Authorization', `Bearer ${reviewer}`)
        .send(person({ familyName, address: { region } }));
    const first = await api()
      .get(`/api/v1/registrants?region=${encodeURIComponent(region.toUpperCase())}&pageSize=2`)
      .set('Authorization', `Bearer ${reviewer}`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((p: { familyName: string }) => p.familyName)).toEqual(['achieng', 'Njeri']);
    const second = await api()
      .get(`/api/v1/registrants?region=${encodeURIComponent(region)}&pageSize=2&after=${first.body.nextAfter}`)
      .set('Authorization', `Bearer ${reviewer}`);
    expect(second.body.items.map((p: { familyName: string }) => p.familyName)).toEqual(['Ouma']);
    expect(second.body).toMatchObject({ total: 3, totalIsExact: true });
    expect(second.body.nextAfter).toBeUndefined();
  });

  it('reads a "+" in a region or name as a space, as form encoding (URLSearchParams, most HTTP clients) writes it', async () => {
    const region = `Upper ${randomUUID().slice(0, 8)}`;
    await api()
      .post('/api/v1/registrants')
      .set('Authorization', `Bearer ${reviewer}`)
      .send(person({ givenName: 'Mary Ann', address: { region } }));
    const query = new URLSearchParams({ region, name: 'mary a' }).toString();
    expect(query).toContain('+');
    const found = await api().get(`/api/v1/registrants?${query}`).set('Authorization', `Bearer ${reviewer}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((p: { givenName: string }) => p.givenName)).toEqual(['Mary Ann']);
  });

  it('refuses pages past the first 1,000 matches by number, "after" with a page, and an unknown "after"', async () => {
    const deep = await api().get('/api/v1/registrants?page=51&pageSize=20').set('Authorization', `Bearer ${reviewer}`);
    expect(deep.status).toBe(400);
    expect(deep.body.code).toBe('ERR_PAGE_TOO_DEEP');
    expect((await api().get('/api/v1/registrants?page=50&pageSize=20').set('Authorization', `Bearer ${reviewer}`)).status).toBe(200);
    const both = await api().get(`/api/v1/registrants?page=2&after=${randomUUID()}`).set('Authorization', `Bearer ${reviewer}`);
    expect(both.status).toBe(400);
    expect(both.body.errors[0].path).toBe('/query/page');
    const unknown = await api().get(`/api/v1/registrants?after=${randomUUID()}`).set('Authorization', `Bearer ${reviewer}`);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('/query/after');
  });

  it('treats a name search as text, not a pattern', async () => {
    const res = await api().get('/api/v1/registrants?name=%25').set('Authorization', `Bearer ${reviewer}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
  });

  it('records who changed which field and when', async () => {
    const created = await api().post('/api/v1/registrants').set('Authorization', `Bearer ${reviewer}`).send(person());
    const changed = await api()
      .patch(`/api/v1/registrants/${created.body.id}`)
      .set('Authorization', `Bearer ${reviewer}`)
      .send({ version: created.body.version, occupation: 'Teacher' });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(created.body.version + 1);
    const changes = await api().get(`/api/v1/registrants/${created.body.id}/changes`).set('Authorization', `Bearer ${reviewer}`);
    expect(changes.body.items).toEqual([
      expect.objectContaining({ changedBy: 'samuel', changes: { occupation: { from: null, to: 'Teacher' } } }),
    ]);
    const stale = await api()
      .patch(`/api/v1/registrants/${created.body.id}`)
      .set('Authorization', `Bearer ${reviewer}`)
      .send({ version: created.body.version, occupation: 'Baker' });
    expect(stale.status).toBe(409);
  });

  describe('payment accounts', () => {
    const WALLET = { kind: 'mobile-money', number: '+254 722 000101', provider: 'M-Pesa' };
    const enrol = (overrides: Record<string, unknown>) =>
      api().post('/api/v1/registrants').set('Authorization', `Bearer ${reviewer}`).send(person(overrides));
    const eventsOf = (id: string) =>
      selectRows<{ details: unknown }>(
        testApp.runtime.database.sequelize,
        `SELECT details FROM audit_events WHERE entity_id = :id
         UNION ALL SELECT payload FROM outbox_events WHERE aggregate_id = :id`,
        { id },
      );

    it('enrols a person with a payment account and corrects it part by part, each change recorded but never in events', async () => {
      const created = await enrol({ paymentAccount: WALLET });
      expect(created.status).toBe(201);
      expect(created.body.paymentAccount).toEqual(WALLET);
      expect(created.body.verifiedFields).toEqual(
        expect.arrayContaining(['payment_account_kind', 'payment_account_number', 'payment_account_provider']),
      );

      const changed = await api()
        .patch(`/api/v1/registrants/${created.body.id}`)
        .set('Authorization', `Bearer ${reviewer}`)
        .send({ version: created.body.version, paymentAccount: { ...WALLET, number: '+254 722 000202' } });
      expect(changed.status).toBe(200);
      expect(changed.body.paymentAccount).toEqual({ ...WALLET, number: '+254 722 000202' });
      const changes = await api().get(`/api/v1/registrants/${created.body.id}/changes`).set('Authorization', `Bearer ${reviewer}`);
      expect(changes.body.items.at(-1).changes).toEqual({ payment_account_number: { from: '+254 722 000101', to: '+254 722 000202' } });

      const events = await eventsOf(created.body.id);
      expect(events.length).toBeGreaterThanOrEqual(2);
      expect(JSON.stringify(events)).toContain('payment_account_number');
      expect(JSON.stringify(events)).not.toMatch(/722|M-Pesa|mobile-money/);
    });

    it('leaves a person without a payment account without one', async () => {
      const created = await enrol({});
      expect(created.status).toBe(201);
      expect(created.body).not.toHaveProperty('paymentAccount');
    });

    it.each([
      ['a mobile money number with letters', { ...WALLET, number: '+254 7OO 000101' }, 'ERR_PAYMENT_ACCOUNT_INVALID'],
      ['a mobile money number of 16 digits', { ...WALLET, number: '1234 5678 9012 3456' }, 'ERR_PAYMENT_ACCOUNT_INVALID'],
      [
        'a bank account number of 3 letters and digits',
        { kind: 'bank', number: '1 2-3', provider: 'Equity Bank' },
        'ERR_PAYMENT_ACCOUNT_INVALID',
      ],
      ['a number with a sign other than a space or dash', { ...WALLET, number: '0722#000101' }, 'ERR_VALIDATION'],
      ['a number longer than 40 characters', { kind: 'bank', number: '1'.repeat(41), provider: 'Equity Bank' }, 'ERR_VALIDATION'],
      ['a kind of account that is not offered', { ...WALLET, kind: 'cash' }, 'ERR_VALIDATION'],
      ['no provider', { kind: WALLET.kind, number: WALLET.number }, 'ERR_VALIDATION'],
      ['a blank provider', { ...WALLET, provider: '   ' }, 'ERR_VALIDATION'],
    ])('refuses %s, naming the field, and enrols no one', async (_case, paymentAccount, code) => {
      const sent = person({ paymentAccount });
      const res = await api().post('/api/v1/registrants').set('Authorization', `Bearer ${reviewer}`).send(sent);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
        expect.stringMatching(/^\/body\/paymentAccount(\/(kind|number|provider))?$/),
      ]);
      const found = await api()
        .get(`/api/v1/registrants?idType=PASSPORT&idValue=${sent.idValue as string}`)
        .set('Authorization', `Bearer ${reviewer}`);
      expect(found.body.total).toBe(0);
    });

    it('refuses a correction with a number that does not fit its kind, and changes nothing', async () => {
      const created = await enrol({ paymentAccount: WALLET });
      const res = await api()
        .patch(`/api/v1/registrants/${created.body.id}`)
        .set('Authorization', `Bearer ${reviewer}`)
        .send({ version: created.body.version, paymentAccount: { ...WALLET, kind: 'bank', number: '12' + '3'.repeat(33) } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'ERR_PAYMENT_ACCOUNT_INVALID', errors: [{ path: '/body/paymentAccount/number' }] });
      const after = await api().get(`/api/v1/registrants/${created.body.id}`).set('Authorization', `Bearer ${reviewer}`);
      expect(after.body).toMatchObject({ version: created.body.version, paymentAccount: WALLET });
    });
  });

  it('keeps the registry away from applicants and providers', async () => {
    for (const user of ['amina', 'clinic']) {
      const res = await api()
        .get('/api/v1/registrants')
        .set('Authorization', `Bearer ${await tokenFor(user)}`);
      expect(res.status).toBe(403);
    }
  });

  it('shows an applicant their own record, linked by the national ID in their token', async () => {
    const program = await createProgram(testApp.app);
    const amina = await tokenFor('amina');
    await api().post('/api/v1/applications').set('Authorization', `Bearer ${amina}`).send(applicationFor(program.id));
    const res = await api().get('/api/v1/me/registrant').set('Authorization', `Bearer ${amina}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ idType: 'NATIONAL_ID', idValue: 'NID-1001', givenName: 'Amina' });
  });
});
