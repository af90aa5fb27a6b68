/**
 * The user directory against the run's identity provider: the development provider on embedded
 * defaults, Keycloak under `npm run test:stack`. Both must answer the same admin API calls the same way.
 */
import { describe, expect, it } from '@jest/globals';
import { adminBaseOf, createKeycloakUserDirectory, type KeycloakUserDirectoryOptions } from '../../src/platform/auth/user-directory.js';
import { readTestEnvironment } from '../support/environment.js';
import { subjectOf, tokenFor } from '../support/tokens.js';
import { freePort } from '../support/postgres-cluster.js';

const DIRECTORY_CLIENT = { clientId: 'iaod-directory', clientSecret: 'iaod-directory-dev-secret' };

function directory(overrides: Partial<KeycloakUserDirectoryOptions> = {}) {
  return createKeycloakUserDirectory({ issuer: readTestEnvironment().issuer, ...DIRECTORY_CLIENT, ...overrides });
}

/** A service-account token of a client, straight from the token endpoint. */
async function clientToken(clientId: string, clientSecret: string): Promise<string> {
  const response = await fetch(`${readTestEnvironment().issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token for ${clientId}: ${response.status}`);
  return body.access_token;
}

/** Counts the token requests the directory makes, passing every request on to the real provider. */
function countingFetch(): { fetch: typeof fetch; tokenRequests: () => number } {
  let count = 0;
  return {
    fetch: (input, init) => {
      if (String(input).endsWith('/protocol/openid-connect/token')) count += 1;
      return fetch(input, init);
    },
    tokenRequests: () => count,
  };
}

describe('the user directory', () => {
  it('finds an officer by user name: their subject, name, email and realm roles', async () => {
    const found = await directory().findUser('samuel');
    expect(found).toEqual({
      subject: await subjectOf('samuel'),
      username: 'samuel',
      displayName: 'Samuel Mensah',
      enabled: true,
      email: 'samuel@example.org',
      roles: expect.arrayContaining(['reviewer']),
    });
    expect(found?.roles).not.toContain('assessor');
  });

  it('finds the same person by their subject, and by their user name in other letter case', async () => {
    const subject = await subjectOf('sena');
    const bySubject = await directory().findUser(subject);
    expect(bySubject).toMatchObject({ subject, username: 'sena', displayName: 'Sena Kofi', roles: expect.arrayContaining(['assessor']) });
    await expect(directory().findUser('Sena')).resolves.toMatchObject({ subject });
  });

  it('answers "no such user" for an unknown user name or subject', async () => {
    await expect(directory().findUser('nobody-by-this-name')).resolves.toBeUndefined();
    await expect(directory().findUser('00000000-0000-4000-8000-000000000000')).resolves.toBeUndefined();
    await expect(directory().findUser('   ')).resolves.toBeUndefined();
  });

  it('takes one token and reuses it until it is about to expire', async () => {
    let clock = Date.now();
    const counting = countingFetch();
    const users = directory({ fetch: counting.fetch, now: () => clock });
    await users.findUser('joy');
    await Promise.all([users.findUser('samuel'), users.findUser('sena')]);
    expect(counting.tokenRequests()).toBe(1);
    // The realm's tokens live five minutes.
    clock += 5 * 60 * 1000;
    await users.findUser('joy');
    expect(counting.tokenRequests()).toBe(2);
  });

  it('reports a refused client secret as the directory being unavailable, not as an unknown user', async () => {
    await expect(directory({ clientSecret: 'wrong-secret' }).findUser('samuel')).rejects.toMatchObject({
      code: 'ERR_SERVICE_UNAVAILABLE',
      status: 503,
    });
  });

  it('reports a client without the realm-management roles as unavailable', async () => {
    const external = directory({ clientId: 'iaod-external', clientSecret: 'iaod-external-dev-secret' });
    await expect(external.findUser('samuel')).rejects.toMatchObject({ code: 'ERR_SERVICE_UNAVAILABLE', status: 503 });
  });

  it('reports a provider that does not answer as unavailable', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/realms/iaod`;
    await expect(directory({ issuer: closed, timeoutMs: 2000 }).findUser('samuel')).rejects.toMatchObject({
      code: 'ERR_SERVICE_UNAVAILABLE',
    });
  });
});

describe("the provider's admin API, as the directory calls it", () => {
  const users = () => `${adminBaseOf(readTestEnvironment().issuer)}/users?username=samuel&exact=true`;

  it('refuses a call without a token with 401', async () => {
    expect((await fetch(users())).status).toBe(401);
  });

  it("refuses a person's own token with 403: reading users needs the realm-management roles", async () => {
    const response = await fetch(users(), { headers: { authorization: `Bearer ${await tokenFor('maria')}` } });
    expect(response.status).toBe(403);
  });

  it('lets the directory client search users and read their effective realm roles', async () => {
    const token = await clientToken(DIRECTORY_CLIENT.clientId, DIRECTORY_CLIENT.clientSecret);
    const headers = { authorization: `Bearer ${token}` };
    const found = (await (await fetch(users(), { headers })).json()) as Array<{ id: string; username: string }>;
    expect(found.map((user) => user.username)).toEqual(['samuel']);
    const base = adminBaseOf(readTestEnvironment().issuer);
    const roles = (await (await fetch(`${base}/users/${found[0]?.id}/role-mappings/realm/composite`, { headers })).json()) as Array<{
      name: string;
    }>;
    expect(roles.map((role) => role.name)).toContain('reviewer');
    expect((await fetch(`${base}/users/00000000-0000-4000-8000-000000000000`, { headers })).status).toBe(404);
  });
});
