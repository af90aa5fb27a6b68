/**
 * Assembles the development provider: oidc-provider configured from the realm, mounted under the
 * issuer path of an express app that also serves the sign-in pages, UserInfo and the admin API calls
 * the service's user directory makes.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Provider, errors, type Account, type Client, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { DevProvider, StartDevProviderOptions } from '../dev-provider.js';
import type { Realm } from '../realm.js';
import { sendFavicon } from '../../web/favicon.js';
import { createAdminRoutes } from './admin-routes.js';
import { ACCESS_TOKEN_RESOURCE, createKeycloakTokenCustomizer, describeAccessTokenResource } from './access-tokens.js';
import { isTokenClient, toClientMetadata } from './clients.js';
import { createRealmDirectory, type RealmDirectory } from './directory.js';
import { EMAIL_CLAIMS, PROFILE_CLAIMS, SUPPORTED_SCOPES, buildProfileClaims } from './keycloak-claims.js';
import { renderErrorPage, renderSignedOutPage, renderSignOutPage } from './pages.js';
import { createPasswordCheck } from './password-check.js';
import { registerPasswordGrant } from './password-grant.js';
import { isRedirectUriAllowed } from './redirect-uris.js';
import { createSignInRoutes, interactionPath } from './sign-in-routes.js';
import { createSignInLockout } from './sign-in-lockout.js';
import { loadOrCreateSigningKey, type SigningKeySet } from './signing-key.js';
import { createAccessTokenCheck } from './token-check.js';
import { USERINFO_PATH, createUserinfoRoute } from './userinfo-route.js';

/** Keycloak's endpoint paths under the issuer, so URLs look the same with either provider. */
const KEYCLOAK_ROUTES = {
  authorization: '/protocol/openid-connect/auth',
  token: '/protocol/openid-connect/token',
  jwks: '/protocol/openid-connect/certs',
  end_session: '/protocol/openid-connect/logout',
  pushed_authorization_request: '/protocol/openid-connect/ext/par/request',
};

export async function startDevProviderServer(options: StartDevProviderOptions): Promise<DevProvider> {
  const signingKey = await loadOrCreateSigningKey(options.keysDir);
  // Idle keep-alive sockets are closed by the client first (undici's fetch, the browser): a server that
  // closes one at the moment a client reuses it resets that request (ECONNRESET), which a loaded machine
  // makes likely with Node's 5 s default.
  const server = createServer();
  server.keepAliveTimeout = 65_000;
  const port = await listen(server, options.port, options.host ?? '127.0.0.1');
  const issuer = new URL(`http://${options.publicHost ?? 'localhost'}:${port}/realms/${encodeURIComponent(options.realm.name)}`).href;
  try {
    server.on('request', buildApp({ ...options, issuer, signingKey }));
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  options.logger?.info(
    { issuer, signingKeyFile: signingKey.path, signingKeyCreated: signingKey.created, kid: signingKey.kid },
    'development OpenID provider started (not for production)',
  );
  return { issuer, close: () => closeServer(server) };
}

interface AppOptions extends StartDevProviderOptions {
  issuer: string;
  signingKey: SigningKeySet;
}

function buildApp(options: AppOptions): express.Express {
  const directory = createRealmDirectory(options.realm);
  const issuerPath = new URL(options.issuer).pathname;
  const provider = new Provider(options.issuer, buildConfiguration(options, directory, issuerPath));
  allowKeycloakRedirectPatterns(provider);
  // One lockout for the login page and the password grant, as Keycloak counts both.
  const checkPassword = createPasswordCheck({ directory, lockout: createSignInLockout(options.lockout), logger: options.logger });
  registerPasswordGrant(provider, { directory, checkPassword, accessTokenLifetimeSeconds: options.realm.accessTokenLifespanSeconds });
  provider.on('server_error', (_ctx: KoaContextWithOIDC, error: Error) => {
    options.logger?.warn({ err: error }, 'dev provider: request failed');
  });

  const app = express();
  app.disable('x-powered-by');
  app.get('/favicon.ico', sendFavicon);
  app.use(createSignInRoutes({ provider, directory, checkPassword, issuerPath, logger: options.logger }));
  const checkToken = createAccessTokenCheck({ issuer: options.issuer, directory, signingKeys: options.signingKey.jwks.keys });
  app.use(createUserinfoRoute({ issuerPath, directory, checkToken }));
  app.use(createAdminRoutes({ realm: options.realm, directory, checkToken }));
  app.use(issuerPath, provider.callback());
  return app;
}

function buildConfiguration(options: AppOptions, directory: RealmDirectory, issuerPath: string): Configuration {
  const { realm } = options;
  const tokenLifetime = realm.accessTokenLifespanSeconds;
  return {
    clients: realm.clients.filter(isTokenClient).map((client) => toClientMetadata(client, options.extraRedirectUris ?? [])),
    jwks: options.signingKey.jwks,
    // Dev only: new keys each start, so browser sessions end with the process, like the in-memory store.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // Sessions, grants and interactions stay in oidc-provider's default in-memory adapter: a dev
    // provider may forget them on restart (it warns about this adapter at start).
    claims: buildClaimsConfiguration(realm),
    scopes: [...SUPPORTED_SCOPES],
    // Keycloak puts profile claims in the ID token even when an access token could fetch them.
    conformIdTokenClaims: false,
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    responseTypes: ['code'],
    routes: KEYCLOAK_ROUTES,
    discovery: { userinfo_endpoint: `${options.issuer}${USERINFO_PATH}` },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // Served by userinfo-route.ts: oidc-provider's refuses JWT access tokens with an audience.
      userinfo: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = renderSignOutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = renderSignedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => ACCESS_TOKEN_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator, client) => {
          if (indicator !== ACCESS_TOKEN_RESOURCE) throw new errors.InvalidTarget();
          return describeAccessTokenResource(directory.findClient(client.clientId), tokenLifetime);
        },
      },
    },
    formats: { customizers: { jwt: createKeycloakTokenCustomizer(directory) } },
    findAccount: (ctx, sub) => findRealmAccount(directory, ctx, sub),
    interactions: { url: (_ctx, interaction) => interactionPath(issuerPath, interaction.uid) },
    // Keycloak issues refresh tokens to browser sign-ins without asking for offline_access.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    pkce: { required: (_ctx, client) => requiresPkce(directory, client) },
    clientBasedCORS: (_ctx, origin, client) => isRedirectUriAllowed(`${origin}/`, client.redirectUris ?? []),
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = renderErrorPage(out.error_description ?? 'The sign-in request is not valid.', out.error);
    },
    ttl: {
      AccessToken: tokenLifetime,
      ClientCredentials: tokenLifetime,
      IdToken: tokenLifetime,
      AuthorizationCode: 60,
      Interaction: 60 * 60,
      RefreshToken: realm.ssoSessionIdleTimeoutSeconds,
      Session: realm.ssoSessionMaxLifespanSeconds,
      Grant: realm.ssoSessionMaxLifespanSeconds,
    },
  };
}

/**
 * Keycloak's default client scopes apply whatever was requested, so the profile and email claims
 * (and mapped attributes such as national_id) ride on `openid` as well as on their own scopes.
 */
function buildClaimsConfiguration(realm: Realm): Configuration['claims'] {
  const attributeClaims = [...new Set(realm.clients.flatMap((client) => client.attributeClaims.map((mapper) => mapper.claimName)))];
  return {
    openid: ['sub', ...PROFILE_CLAIMS, ...EMAIL_CLAIMS, ...attributeClaims],
    profile: [...PROFILE_CLAIMS],
    email: [...EMAIL_CLAIMS],
    acr: null,
    sid: null,
    auth_time: null,
    iss: null,
  };
}

function findRealmAccount(directory: RealmDirectory, ctx: KoaContextWithOIDC, sub: string): Account | undefined {
  const user = directory.findUserById(sub);
  if (!user) return undefined;
  const clientId = ctx.oidc?.client?.clientId;
  const client = clientId === undefined ? undefined : directory.findClient(clientId);
  return {
    accountId: user.id,
    claims: (use) => ({ sub: user.id, ...buildProfileClaims(user, client, use === 'id_token' ? 'id_token' : 'userinfo') }),
  };
}

function requiresPkce(directory: RealmDirectory, client: Client): boolean {
  const realmClient = directory.findClient(client.clientId);
  return realmClient === undefined || realmClient.publicClient || realmClient.pkceMethod !== undefined;
}

/**
 * oidc-provider matches redirect URIs exactly; Keycloak treats a trailing `*` as a prefix. The
 * per-provider Client class is patched, so other Provider instances in the process are untouched.
 */
function allowKeycloakRedirectPatterns(provider: Provider): void {
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(this: Client, uri: string): boolean {
    return isRedirectUriAllowed(uri, this.redirectUris ?? []);
  };
  provider.Client.prototype.postLogoutRedirectUriAllowed = function postLogoutRedirectUriAllowed(this: Client, uri: string): boolean {
    return isRedirectUriAllowed(uri, this.postLogoutRedirectUris ?? []);
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive connections (fetch, browsers) would otherwise hold close() open.
    server.closeAllConnections();
  });
}
