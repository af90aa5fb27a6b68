/**
 * The demo facility `npm start` sets up: Grace Hospital with the demo provider user `clinic` linked, made once
 * however many starts; a clinic linked to another facility meanwhile is left where it is.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createClaimsService, DEMO_FACILITY_NAME, seedDemoFacility } from '../../src/modules/claims/index.js';
import { createCommandRunner } from '../../src/platform/db/command.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { unlinkClinic } from '../support/fixtures.js';
import { tokenFor } from '../support/tokens.js';

describe('the demo facility', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('is made once with clinic linked, and leaves a clinic linked elsewhere where it is', async () => {
    const { sequelize, pool } = testApp.runtime.database;
    const claims = createClaimsService({
      sequelize,
      commands: createCommandRunner({ sequelize, pool }),
      directory: testApp.runtime.directory,
      vouchers: {
        drawFromVoucher: () => Promise.reject(new Error('not drawn')),
        moveApplications: () => Promise.reject(new Error('not moved')),
      },
      documents: { findOwnedBy: async () => [] },
    });
    const maria = `Bearer ${await tokenFor('maria')}`;
    const providers = async () =>
      (await request(testApp.app).get('/api/v1/providers').set('Authorization', maria)).body.items as Array<{
        id: string;
        name: string;
        users: Array<{ subject: string; username: string }>;
      }>;
    await unlinkClinic(testApp.app);
    expect(await seedDemoFacility(claims)).toBe('created');
    expect(await seedDemoFacility(claims)).toBe('present');
    const demo = (await providers()).filter((provider) => provider.name === DEMO_FACILITY_NAME);
    expect(demo).toHaveLength(1);
    expect(demo[0]?.users.map((user) => user.username)).toEqual(['clinic']);

    // clinic moved to another facility: a later start leaves it there.
    const subject = demo[0]?.users[0]?.subject as string;
    await request(testApp.app)
      .delete(`/api/v1/providers/${demo[0]?.id}/users/${encodeURIComponent(subject)}`)
      .set('Authorization', maria);
    const other = await request(testApp.app)
      .post('/api/v1/providers')
      .set('Authorization', maria)
      .send({ name: 'Another Demo Clinic', kind: 'clinic', region: 'Coast', paymentDetails: 'KCB 1' });
    await request(testApp.app).post(`/api/v1/providers/${other.body.id}/users`).set('Authorization', maria).send({ username: 'clinic' });
    expect(await seedDemoFacility(claims)).toBe('present');
    const after = await providers();
    expect(after.find((provider) => provider.id === other.body.id)?.users.map((user) => user.username)).toEqual(['clinic']);
    expect(after.find((provider) => provider.name === DEMO_FACILITY_NAME)?.users).toEqual([]);
  });
});
