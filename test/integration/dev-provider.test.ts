/**
 * The built-in development OpenID provider, driven over HTTP as the app and a browser would:
 * tokens must look like Keycloak's for the users, roles and clients of keycloak/realm.json.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import * as oidc from 'openid-client';
import { loadConfig } from '../../src/config.js';
import { startDevProvider, type DevProvider } from '../../src/platform/auth/dev-provider.js';
import { RealmExportError, loadRealm, parseRealm, type Realm, type RealmUser } from '../../src/platform/auth/realm.js';

const REALM_FILE = new URL('../../keycloak/realm.json', import.meta.url).pathname;
const APP_ORIGIN = 'http://localhost:3000';
const REDIRECT_URI = `${APP_ORIGIN}/auth/callback`;
/** The default lockout: five wrong passwords in a row lock an account for a minute. */
const LOCKOUT = loadConfig({}).oidc.devProviderLockout;

interface KeycloakAccessToken extends JWTPayload {
  typ?: string;
  azp?: string;
  scope?: string;
  preferred_username?: string;
  given_name?: string;
  family_name?: string;
  name?: string;
  email?: string;
  email_verified?: boolean;
  national_id?: string;
  realm_access?: { roles: string[] };
}

interface TokenResponse {
  access_token?: string;
  id_token?: string;
  token_type?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

async function discover(
  issuer: string,
): Promise<{ issuer: string; token_endpoint: string; jwks_uri: string; end_session_endpoint: string }> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  expect(response.status).toBe(200);
  return (await response.json()) as { issuer: string; token_endpoint: string; jwks_uri: string; end_session_endpoint: string };
}

async function requestToken(
  tokenEndpoint: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: TokenResponse }> {
  const response = await fetch(tokenEndpoint, { method: 'POST', headers, body: new URLSearchParams(form) });
  return { status: response.status, body: (await response.json()) as TokenResponse };
}

function signInUsers(realm: Realm): RealmUser[] {
  return realm.users.filter((user) => user.password !== undefined && user.serviceAccountClientId === undefined);
}

function decodeHtml(value: string): string {
  return value.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');
}

/** The action and hidden fields of the first form on a page. */
function readForm(html: string, pageUrl: URL): { action: URL; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('the page has no form');
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields[decodeHtml(match[1] ?? '')] = decodeHtml(match[2] ?? '');
  }
  return { action: new URL(decodeHtml(action), pageUrl), fields };
}

/**
 * A minimal browser: keeps cookies, follows redirects by hand, and stops where the provider sends
 * the user back to the app (which does not run in these tests).
 */
class Browser {
  private readonly cookies = new Map<string, string>();

  async open(url: URL | string, form?: Record<string, string>): Promise<{ url: URL; status: number; html: string; leftFor?: URL }> {
    let current = new URL(url);
    let init: RequestInit = form ? { method: 'POST', body: new URLSearchParams(form) } : { method: 'GET' };
    for (let hop = 0; hop < 15; hop += 1) {
      const response = await fetch(current, { ...init, redirect: 'manual', headers: { cookie: this.cookieHeader() } });
      this.storeCookies(response);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        return { url: current, status: response.status, html: await response.text() };
      }
      await response.body?.cancel();
      const next = new URL(location, current);
      if (next.origin === APP_ORIGIN) return { url: current, status: response.status, html: '', leftFor: next };
      current = next;
      init = { method: 'GET' };
    }
    throw new Error('too many redirects');
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private storeCookies(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some(
        (attribute) => /^\s*expires=/i.test(attribute) && Date.parse(attribute.split('=')[1] ?? '') < Date.now(),
      );
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

async function discoverWebClient(issuer: string): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(issuer), 'iaod-web', 'iaod-web-dev-secret', undefined, { execute: [oidc.allowInsecureRequests] });
}

async function startSignIn(config: oidc.Configuration): Promise<{ url: URL; codeVerifier: string; state: string; nonce: string }> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile email',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, codeVerifier, state, nonce };
}

describe('development OpenID provider', () => {
  let realm: Realm;
  let keysDir: string;
  let provider: DevProvider;
  let metadata: Awaited<ReturnType<typeof discover>>;

  beforeAll(async () => {
    realm = await loadRealm(REALM_FILE);
    keysDir = await mkdtemp(join(tmpdir(), 'iaod-dev-oidc-'));
    provider = await startDevProvider({ realm, port: 0, keysDir, lockout: LOCKOUT });
    metadata = await discover(provider.issuer);
  });

  afterAll(async () => {
    await provider?.close();
    await rm(keysDir, { recursive: true, force: true });
  });

  it('publishes a discovery document naming a Keycloak-shaped issuer', () => {
    expect(provider.issuer).toMatch(/^http:\/\/localhost:\d+\/realms\/iaod$/);
    expect(metadata.issuer).toBe(provider.issuer);
    expect(metadata.jwks_uri.startsWith(`${provider.issuer}/`)).toBe(true);
  });

  it('gives every realm user a verifiable Keycloak-shaped access token by password grant', async () => {
    const users = signInUsers(realm);
    expect(users.length).toBeGreaterThanOrEqual(11);
    const keys = createRemoteJWKSet(new URL(metadata.jwks_uri));
    for (const user of users) {
      const { status, body } = await requestToken(metadata.token_endpoint, {
        grant_type: 'password',
        client_id: 'iaod-tests',
        username: user.username,
        password: user.password ?? '',
        scope: 'openid',
      });
      expect(status).toBe(200);
      expect(body.token_type).toBe('Bearer');
      expect(body.expires_in).toBe(300);
      const { payload, protectedHeader } = await jwtVerify<KeycloakAccessToken>(body.access_token ?? '', keys, {
        issuer: provider.issuer,
        audience: 'iaod-api',
      });
      expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
      expect(payload).toMatchObject({
        sub: user.id,
        typ: 'Bearer',
        azp: 'iaod-tests',
        preferred_username: user.username,
        given_name: user.firstName,
        family_name: user.lastName,
        name: `${user.firstName} ${user.lastName}`,
        email: user.email,
        email_verified: true,
        realm_access: { roles: user.realmRoles },
      });
      expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(300);
      expect(payload.jti).toEqual(expect.any(String));
      expect(payload.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(payload.national_id).toBe(user.attributes.national_id);
    }
  });

  it('gives amina the applicant role and her national id', async () => {
    const { body } = await requestToken(metadata.token_endpoint, {
      grant_type: 'password',
      client_id: 'iaod-tests',
      username: 'amina',
      password: 'demo',
    });
    const { payload } = await jwtVerify<KeycloakAccessToken>(body.access_token ?? '', createRemoteJWKSet(new URL(metadata.jwks_uri)), {
      issuer: provider.issuer,
      audience: 'iaod-api',
    });
    expect(payload.realm_access?.roles).toEqual(['applicant']);
    expect(payload.national_id).toBe('NID-1001');
  });

  it('refuses a wrong password with invalid_grant', async () => {
    const { status, body } = await requestToken(metadata.token_endpoint, {
      grant_type: 'password',
      client_id: 'iaod-tests',
      username: 'amina',
      password: 'wrong',
    });
    expect([400, 401]).toContain(status);
    expect(body.error).toBe('invalid_grant');
    expect(body.access_token).toBeUndefined();
  });

  it('refuses the password grant to a client without direct access grants', async () => {
    const basic = `Basic ${Buffer.from('iaod-external:iaod-external-dev-secret').toString('base64')}`;
    const { status, body } = await requestToken(
      metadata.token_endpoint,
      { grant_type: 'password', username: 'amina', password: 'demo' },
      { authorization: basic },
    );
    expect(status).toBe(400);
    expect(body.access_token).toBeUndefined();
  });

  it('gives iaod-external a service-account token with the service account roles', async () => {
    const basic = `Basic ${Buffer.from('iaod-external:iaod-external-dev-secret').toString('base64')}`;
    const { status, body } = await requestToken(metadata.token_endpoint, { grant_type: 'client_credentials' }, { authorization: basic });
    expect(status).toBe(200);
    const { payload } = await jwtVerify<KeycloakAccessToken>(body.access_token ?? '', createRemoteJWKSet(new URL(metadata.jwks_uri)), {
      issuer: provider.issuer,
      audience: 'iaod-api',
    });
    const serviceAccount = realm.users.find((user) => user.serviceAccountClientId === 'iaod-external');
    expect(payload).toMatchObject({
      sub: serviceAccount?.id,
      azp: 'iaod-external',
      typ: 'Bearer',
      preferred_username: 'service-account-iaod-external',
      realm_access: { roles: ['analyst'] },
    });
  });

  it('refuses client credentials with a wrong secret', async () => {
    const basic = `Basic ${Buffer.from('iaod-external:wrong').toString('base64')}`;
    const { status, body } = await requestToken(metadata.token_endpoint, { grant_type: 'client_credentials' }, { authorization: basic });
    expect(status).toBe(401);
    expect(body.error).toBe('invalid_client');
  });

  it('shows a development sign-in page that lists the demo accounts', async () => {
    const config = await discoverWebClient(provider.issuer);
    const page = await new Browser().open((await startSignIn(config)).url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('development identity provider');
    for (const user of signInUsers(realm)) expect(page.html).toContain(`<code>${user.username}</code>`);
    expect(page.html).toContain('<code>demo</code>');
  });

  it('signs amina in through the login page with authorization code and PKCE', async () => {
    const config = await discoverWebClient(provider.issuer);
    const signIn = await startSignIn(config);
    const browser = new Browser();
    const loginPage = await browser.open(signIn.url);
    const { action } = readForm(loginPage.html, loginPage.url);

    const afterLogin = await browser.open(action, { username: 'amina', password: 'demo' });

    expect(afterLogin.leftFor?.href.startsWith(`${REDIRECT_URI}?`)).toBe(true);
    const tokens = await oidc.authorizationCodeGrant(config, afterLogin.leftFor ?? new URL(REDIRECT_URI), {
      pkceCodeVerifier: signIn.codeVerifier,
      expectedState: signIn.state,
      expectedNonce: signIn.nonce,
    });
    const { payload } = await jwtVerify<KeycloakAccessToken>(tokens.access_token, createRemoteJWKSet(new URL(metadata.jwks_uri)), {
      issuer: provider.issuer,
      audience: 'iaod-api',
    });
    expect(payload).toMatchObject({
      preferred_username: 'amina',
      azp: 'iaod-web',
      national_id: 'NID-1001',
      realm_access: { roles: ['applicant'] },
    });
    expect(payload.scope?.split(' ')).toEqual(expect.arrayContaining(['openid', 'profile', 'email']));
    expect(tokens.claims()).toMatchObject({
      preferred_username: 'amina',
      given_name: 'Amina',
      family_name: 'Yusuf',
      national_id: 'NID-1001',
    });
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token ?? '');
    const { payload: again } = await jwtVerify<KeycloakAccessToken>(
      refreshed.access_token,
      createRemoteJWKSet(new URL(metadata.jwks_uri)),
      {
        issuer: provider.issuer,
        audience: 'iaod-api',
      },
    );
    expect(again).toMatchObject({ sub: payload.sub, preferred_username: 'amina', realm_access: { roles: ['applicant'] } });
  });

  it('shows a plain-language error when the password on the login page is wrong', async () => {
    const config = await discoverWebClient(provider.issuer);
    const browser = new Browser();
    const loginPage = await browser.open((await startSignIn(config)).url);
    const { action } = readForm(loginPage.html, loginPage.url);

    const retry = await browser.open(action, { username: 'amina', password: 'not-demo' });

    expect(retry.status).toBe(401);
    expect(retry.leftFor).toBeUndefined();
    expect(retry.html).toContain('The username or password is not right');
    expect(retry.html).toContain('value="amina"');
    expect(retry.html).not.toMatch(/\bat .+\.(js|ts):\d+/);
  });

  it('answers the right password of a locked account on the login page as it answers a wrong one', async () => {
    const config = await discoverWebClient(provider.issuer);
    const browser = new Browser();
    const loginPage = await browser.open((await startSignIn(config)).url);
    const { action } = readForm(loginPage.html, loginPage.url);
    expect(LOCKOUT.maxFailures).toBe(5);

    let wrong = await browser.open(action, { username: 'lockout-test', password: 'not-demo' });
    for (let attempt = 1; attempt < LOCKOUT.maxFailures; attempt += 1) {
      wrong = await browser.open(action, { username: 'lockout-test', password: 'not-demo' });
    }
    const right = await browser.open(action, { username: 'lockout-test', password: 'demo' });

    expect(right.leftFor).toBeUndefined();
    expect(right.status).toBe(wrong.status);
    expect(right.html).toBe(wrong.html);
    expect(/role="alert">([^<]*)</.exec(right.html)?.[1]).toBe('The username or password is not right. Check them and try again.');
    // One count for the login page and the password grant, as in Keycloak.
    const grant = await requestToken(metadata.token_endpoint, {
      grant_type: 'password',
      client_id: 'iaod-tests',
      username: 'lockout-test',
      password: 'demo',
    });
    expect(grant.body).toEqual({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
    // Another account is not locked with it.
    const other = await requestToken(metadata.token_endpoint, {
      grant_type: 'password',
      client_id: 'iaod-tests',
      username: 'amina',
      password: 'demo',
    });
    expect(other.status).toBe(200);
  });

  it('refuses to send a sign-in to a redirect URI the realm does not allow', async () => {
    const config = await discoverWebClient(provider.issuer);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: 'https://attacker.example/callback',
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const page = await new Browser().open(url);
    expect(page.status).toBe(400);
    expect(page.leftFor).toBeUndefined();
    expect(page.html).toContain('redirect_uri');
  });

  it('signs out and returns to the app without a confirmation page', async () => {
    const config = await discoverWebClient(provider.issuer);
    const signIn = await startSignIn(config);
    const browser = new Browser();
    const loginPage = await browser.open(signIn.url);
    const afterLogin = await browser.open(readForm(loginPage.html, loginPage.url).action, { username: 'amina', password: 'demo' });
    const tokens = await oidc.authorizationCodeGrant(config, afterLogin.leftFor ?? new URL(REDIRECT_URI), {
      pkceCodeVerifier: signIn.codeVerifier,
      expectedState: signIn.state,
      expectedNonce: signIn.nonce,
    });

    // The page a browser gets submits itself by script; this client submits the same form.
    const logoutPage = await browser.open(
      oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token ?? '', post_logout_redirect_uri: `${APP_ORIGIN}/` }),
    );
    expect(logoutPage.html).toContain('document.forms[0].submit()');
    const { action, fields } = readForm(logoutPage.html, logoutPage.url);
    expect(fields.logout).toBe('yes');
    const afterLogout = await browser.open(action, fields);

    expect(afterLogout.leftFor?.href).toBe(`${APP_ORIGIN}/`);
    const nextSignIn = await browser.open((await startSignIn(config)).url);
    expect(nextSignIn.html).toContain('name="password"');
  });

  it('signs out with the client id and the post-logout address, no ID token in the URL', async () => {
    const config = await discoverWebClient(provider.issuer);
    const signIn = await startSignIn(config);
    const browser = new Browser();
    const loginPage = await browser.open(signIn.url);
    await browser.open(readForm(loginPage.html, loginPage.url).action, { username: 'amina', password: 'demo' });

    const logoutUrl = oidc.buildEndSessionUrl(config, { client_id: 'iaod-web', post_logout_redirect_uri: `${APP_ORIGIN}/` });
    expect(logoutUrl.searchParams.has('id_token_hint')).toBe(false);
    const logoutPage = await browser.open(logoutUrl);
    const { action, fields } = readForm(logoutPage.html, logoutPage.url);
    const afterLogout = await browser.open(action, fields);

    expect(afterLogout.leftFor?.href).toBe(`${APP_ORIGIN}/`);
    const nextSignIn = await browser.open((await startSignIn(config)).url);
    expect(nextSignIn.html).toContain('name="password"');
  });
});

describe('development OpenID provider signing key', () => {
  let keysDir: string;

  beforeAll(async () => {
    keysDir = await mkdtemp(join(tmpdir(), 'iaod-dev-oidc-keys-'));
  });

  afterAll(async () => {
    await rm(keysDir, { recursive: true, force: true });
  });

  async function signedKid(realm: Realm): Promise<{ published: string[]; signedWith: string | undefined }> {
    const provider = await startDevProvider({ realm, port: 0, keysDir, lockout: LOCKOUT });
    try {
      const metadata = await discover(provider.issuer);
      const jwks = (await (await fetch(metadata.jwks_uri)).json()) as { keys: { kid: string; d?: string }[] };
      expect(jwks.keys.every((key) => key.d === undefined)).toBe(true);
      const { body } = await requestToken(metadata.token_endpoint, {
        grant_type: 'password',
        client_id: 'iaod-tests',
        username: 'maria',
        password: 'demo',
      });
      return { published: jwks.keys.map((key) => key.kid), signedWith: decodeProtectedHeader(body.access_token ?? '').kid };
    } finally {
      await provider.close();
    }
  }

  it('keeps the signing key in keysDir and signs with the same kid after a restart', async () => {
    const realm = await loadRealm(REALM_FILE);

    const first = await signedKid(realm);
    const stored = JSON.parse(await readFile(join(keysDir, 'dev-oidc-jwks.json'), 'utf8')) as { keys: { kid: string }[] };
    const second = await signedKid(realm);

    expect(first.published).toEqual([stored.keys[0]?.kid]);
    expect(first.signedWith).toBe(stored.keys[0]?.kid);
    expect(second.published).toEqual(first.published);
    expect(second.signedWith).toBe(first.signedWith);
  });
});

describe('realm export', () => {
  async function readExport(): Promise<{ users: Record<string, unknown>[]; clients: Record<string, unknown>[] }> {
    return JSON.parse(await readFile(REALM_FILE, 'utf8')) as { users: Record<string, unknown>[]; clients: Record<string, unknown>[] };
  }

  function parseError(document: unknown): RealmExportError {
    try {
      parseRealm(document);
    } catch (error) {
      if (error instanceof RealmExportError) return error;
      throw error;
    }
    throw new Error('the export was accepted');
  }

  it('reads the users, roles and clients the dev provider serves', async () => {
    const realm = await loadRealm(REALM_FILE);
    const web = realm.clients.find((client) => client.clientId === 'iaod-web');
    expect(realm.name).toBe('iaod');
    expect(realm.accessTokenLifespanSeconds).toBe(300);
    expect(realm.users.find((user) => user.username === 'amina')).toMatchObject({
      password: 'demo',
      realmRoles: ['applicant'],
      attributes: { national_id: 'NID-1001' },
    });
    expect(realm.users.find((user) => user.username === 'service-account-iaod-external')).toMatchObject({
      serviceAccountClientId: 'iaod-external',
      realmRoles: ['analyst'],
    });
    expect(web).toMatchObject({
      publicClient: false,
      secret: 'iaod-web-dev-secret',
      standardFlowEnabled: true,
      audiences: ['iaod-api'],
      pkceMethod: 'S256',
    });
    expect(web?.redirectUris).toContain('http://localhost:3000/*');
    expect(web?.attributeClaims).toEqual([
      expect.objectContaining({ userAttribute: 'national_id', claimName: 'national_id', accessToken: true }),
    ]);
    expect(realm.clients.find((client) => client.clientId === 'iaod-tests')).toMatchObject({
      publicClient: true,
      directAccessGrantsEnabled: true,
    });
  });

  it('names a user whose realm role the export does not define', async () => {
    const document = await readExport();
    (document.users[0] as { realmRoles: string[] }).realmRoles = ['applicnt'];
    const error = parseError(document);
    expect(error.code).toBe('ERR_REALM_EXPORT_INVALID');
    expect(error.message).toMatch(/amina.*applicnt/);
  });

  it('names a confidential client that has no secret', async () => {
    const document = await readExport();
    delete (document.clients.find((client) => client.clientId === 'iaod-web') as { secret?: string }).secret;
    const error = parseError(document);
    expect(error.code).toBe('ERR_REALM_EXPORT_INVALID');
    expect(error.message).toContain('iaod-web');
  });

  it('says when the export file cannot be read', async () => {
    await expect(loadRealm(join(tmpdir(), 'no-such-realm.json'))).rejects.toMatchObject({ code: 'ERR_REALM_EXPORT_UNREADABLE' });
  });
});
