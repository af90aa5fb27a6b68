/**
 * Officers are known by subject, so a new user name in the identity provider changes nothing they may
 * do. Two development providers stand for the provider before and after the rename: the second serves
 * the same realm with `samuel` renamed `samuel.mensah`, his id (the `sub` of his tokens) unchanged.
 * Each provider has its own app on the run's database.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { startDevProvider, type DevProvider } from '../../src/platform/auth/dev-provider.js';
import { loadRealm, type Realm } from '../../src/platform/auth/realm.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { applicationFor, uniqueCode } from '../support/fixtures.js';

const RENAMED = 'samuel.mensah';

async function tokenFrom(issuer: string, username: string): Promise<string> {
  const response = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'iaod-tests', username, password: 'demo' }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token for ${username} from ${issuer}: ${response.status}`);
  return body.access_token;
}

function withSamuelRenamed(realm: Realm): Realm {
  return { ...realm, users: realm.users.map((user) => (user.username === 'samuel' ? { ...user, username: RENAMED } : user)) };
}

describe('an officer whose user name changed in the identity provider', () => {
  let keysDir: string;
  let before: DevProvider;
  let after: DevProvider;
  let appBefore: TestApp;
  let appAfter: TestApp;

  beforeAll(async () => {
    keysDir = await mkdtemp(path.join(tmpdir(), 'iaod-renamed-officer-'));
    const realm = await loadRealm(path.join(PROJECT_ROOT, 'keycloak', 'realm.json'));
    const { devProviderLockout: lockout } = loadConfig({}).oidc;
    before = await startDevProvider({ realm, port: 0, keysDir, lockout });
    after = await startDevProvider({ realm: withSamuelRenamed(realm), port: 0, keysDir, lockout });
    appBefore = await startTestApp({ env: { OIDC_ISSUER: before.issuer } });
    appAfter = await startTestApp({ env: { OIDC_ISSUER: after.issuer } });
  });
  afterAll(async () => {
    await appAfter?.close();
    await appBefore?.close();
    await after?.close();
    await before?.close();
    await rm(keysDir, { recursive: true, force: true });
  });

  /** An open program whose first stage samuel decides, and amina's application to it; made before the rename. */
  async function applicationDecidedBySamuel(): Promise<{ programId: string; applicationId: string; samuelRef: string }> {
    const manager = await tokenFrom(before.issuer, 'maria');
    const created = await request(appBefore.app)
      .post('/api/v1/programs')
      .set('Authorization', `Bearer ${manager}`)
      .send({
        code: uniqueCode(),
        name: 'Renamed officer',
        currency: 'USD',
        maxAmount: '5000.00',
        voucherValidityDays: 30,
        treatmentTypes: [{ code: 'surgery', label: 'Urgent surgery' }],
        reasonCodes: [{ code: 'eligible', label: 'Eligible' }],
        stages: [
          { name: 'Social worker', kind: 'review', officer: { type: 'user', ref: 'samuel' } },
          { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' } },
        ],
      });
    expect(created.status).toBe(201);
    const opened = await request(appBefore.app)
      .patch(`/api/v1/programs/${created.body.id}`)
      .set('Authorization', `Bearer ${manager}`)
      .send({ version: created.body.version, state: 'open' });
    expect(opened.status).toBe(200);
    const submitted = await request(appBefore.app)
      .post('/api/v1/applications')
      .set('Authorization', `Bearer ${await tokenFrom(before.issuer, 'amina')}`)
      .send(applicationFor(created.body.id));
    expect(submitted.status).toBe(201);
    return { programId: created.body.id, applicationId: submitted.body.id, samuelRef: created.body.stages[0].officer.ref };
  }

  it('still sees the applications of their stage, and another reviewer still does not', async () => {
    const { applicationId } = await applicationDecidedBySamuel();
    const renamed = await tokenFrom(after.issuer, RENAMED);

    const read = await request(appAfter.app).get(`/api/v1/applications/${applicationId}`).set('Authorization', `Bearer ${renamed}`);
    expect(read.status).toBe(200);
    const list = await request(appAfter.app).get('/api/v1/applications?pageSize=100').set('Authorization', `Bearer ${renamed}`);
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(applicationId);

    const joy = await tokenFrom(after.issuer, 'joy');
    const other = await request(appAfter.app).get(`/api/v1/applications/${applicationId}`).set('Authorization', `Bearer ${joy}`);
    expect(other.status).toBe(404);
  });

  it('is the same officer when designated again under the new user name; the old one is unknown', async () => {
    const { programId, samuelRef } = await applicationDecidedBySamuel();
    const manager = await tokenFrom(after.issuer, 'maria');
    const program = await request(appAfter.app).get(`/api/v1/programs/${programId}`).set('Authorization', `Bearer ${manager}`);
    const addStage = (ref: string) =>
      request(appAfter.app)
        .post(`/api/v1/programs/${programId}/stages`)
        .set('Authorization', `Bearer ${manager}`)
        .send({ version: program.body.version, name: 'Second look', kind: 'review', officer: { type: 'user', ref } });

    const old = await addStage('samuel');
    expect(old.status).toBe(400);
    expect(old.body.code).toBe('ERR_OFFICER_UNKNOWN');

    const added = await addStage(RENAMED);
    expect(added.status).toBe(201);
    expect(added.body.stages.at(-1).officer).toEqual({ type: 'user', ref: samuelRef, displayName: 'Samuel Mensah', username: RENAMED });
  });
});
