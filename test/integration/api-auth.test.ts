/**
 * One suite, two identity back-ends: the tokens come from the run's provider, Keycloak under
 * `npm run test:stack`, the built-in development provider under `npm test`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { ROLES } from '../../src/platform/auth/principal.js';
import { createAccessTokenVerifier, startTestApp, type TestApp } from '../support/harness.js';
import { DEMO_USER_FOR_ROLE, jwksUri, tokenFor } from '../support/tokens.js';

describe('API authentication and roles', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it.each(ROLES.map((role) => [role, DEMO_USER_FOR_ROLE[role]]))('lets a %s (%s) open their portal', async (role, username) => {
    const token = await tokenFor(username);
    const res = await request(testApp.app).get(`/api/v1/portals/${role}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: role, roles: [role] });
  });

  it('tells a signed-in user who they are and which portals they may open', async () => {
    const res = await request(testApp.app)
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${await tokenFor('amina')}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: 'amina', displayName: 'Amina Yusuf', email: 'amina@example.org', roles: ['applicant'] });
    expect(res.body.portals.map((p: { id: string }) => p.id)).toEqual(['applicant']);
  });

  it('asks every cache to keep no copy of an API answer, an error included', async () => {
    const token = await tokenFor('amina');
    const answers = await Promise.all([
      request(testApp.app).get('/api/v1/me').set('Authorization', `Bearer ${token}`),
      request(testApp.app).get('/api/v1/me/registrant').set('Authorization', `Bearer ${token}`),
      request(testApp.app).get('/api/v1/me'),
      request(testApp.app).get('/api/v1/no-such-thing').set('Authorization', `Bearer ${token}`),
    ]);
    expect(answers.map((res) => res.headers['cache-control'])).toEqual(['no-store', 'no-store', 'no-store', 'no-store']);
  });

  it('refuses a request without a token with 401', async () => {
    const res = await request(testApp.app).get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body.code).toBe('ERR_AUTH_REQUIRED');
  });

  it('refuses a valid token whose role does not open the portal with 403', async () => {
    const res = await request(testApp.app)
      .get('/api/v1/portals/reviewer')
      .set('Authorization', `Bearer ${await tokenFor('amina')}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ERR_FORBIDDEN_ROLE');
  });

  it('checks authentication before the body, so a bad body without a token is still 401', async () => {
    const res = await request(testApp.app).put('/api/v1/me/preferences').set('Content-Type', 'application/json').send('{"nonsense":');
    expect(res.status).toBe(401);
  });

  it('refuses a token with a tampered payload (forged signature)', async () => {
    const [header, , signature] = (await tokenFor('amina')).split('.');
    const claims = decodeJwt(await tokenFor('amina'));
    const escalated = Buffer.from(JSON.stringify({ ...claims, realm_access: { roles: ['program-manager'] } })).toString('base64url');
    const res = await request(testApp.app)
      .get('/api/v1/portals/program-manager')
      .set('Authorization', `Bearer ${header}.${escalated}.${signature}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_AUTH_TOKEN_INVALID');
  });

  it("refuses a token signed by someone else's key under the provider's key id", async () => {
    const real = await tokenFor('maria');
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(real))
      .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(real).kid ?? 'x' })
      .sign(privateKey);
    const res = await request(testApp.app).get('/api/v1/portals/program-manager').set('Authorization', `Bearer ${forged}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_AUTH_TOKEN_INVALID');
  });

  it('asks for a bearer token when another scheme is sent', async () => {
    const res = await request(testApp.app).get('/api/v1/me').set('Authorization', 'Basic YW1pbmE6ZGVtbw==');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_AUTH_REQUIRED');
  });

  it('refuses a bearer value that is not a JWT', async () => {
    const res = await request(testApp.app).get('/api/v1/me').set('Authorization', 'Bearer not-a-token');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_AUTH_TOKEN_INVALID');
  });

  describe('with tokens checked under other conditions', () => {
    const started: TestApp[] = [];
    afterAll(async () => {
      for (const app of started) await app.close();
    });

    it('refuses an expired token (the same token, an hour later)', async () => {
      const inAnHour = await startTestApp({
        verifier: (defaults) => createAccessTokenVerifier({ ...defaults, currentDate: () => new Date(Date.now() + 3_600_000) }),
      });
      started.push(inAnHour);
      const res = await request(inAnHour.app)
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${await tokenFor('amina')}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('ERR_AUTH_TOKEN_EXPIRED');
    });

    it('refuses a token from another issuer even when its key is trusted', async () => {
      const keys = createRemoteJWKSet(new URL(await jwksUri()));
      const otherRealm = await startTestApp({
        verifier: (defaults) => createAccessTokenVerifier({ ...defaults, issuer: `${defaults.issuer}-elsewhere`, keys }),
      });
      started.push(otherRealm);
      const res = await request(otherRealm.app)
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${await tokenFor('amina')}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('ERR_AUTH_TOKEN_INVALID');
      expect(res.body.detail).toContain('"iss"');
    });

    it('refuses a token meant for another audience', async () => {
      const otherApi = await startTestApp({
        verifier: (defaults) => createAccessTokenVerifier({ ...defaults, audience: 'another-api', webClientId: 'another-web' }),
      });
      started.push(otherApi);
      const res = await request(otherApi.app)
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${await tokenFor('amina')}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('ERR_AUTH_TOKEN_INVALID');
      expect(res.body.detail).toContain('another-api');
    });
  });
});
