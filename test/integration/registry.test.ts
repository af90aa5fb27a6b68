import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
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
