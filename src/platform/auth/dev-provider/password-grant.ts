/**
 * `grant_type=password` (Keycloak's "direct access grants"), which oidc-provider does not ship.
 * Registered with `provider.registerGrantType`; oidc-provider has already authenticated the client
 * and checked that the client may use this grant before the handler runs.
 */
import { errors, type Provider, type TokenEndpointGrantContext } from 'oidc-provider';
import type { RealmClient, RealmUser } from '../realm.js';
import { ACCESS_TOKEN_RESOURCE, describeAccessTokenResource } from './access-tokens.js';
import type { RealmDirectory } from './directory.js';
import type { PasswordCheck } from './password-check.js';
import { SUPPORTED_SCOPES, buildProfileClaims, keycloakScope } from './keycloak-claims.js';

export const PASSWORD_GRANT_TYPE = 'password';

interface PasswordGrantParameters {
  username?: string;
  password?: string;
}

export interface RegisterPasswordGrantOptions {
  directory: RealmDirectory;
  checkPassword: PasswordCheck;
  accessTokenLifetimeSeconds: number;
}

export function registerPasswordGrant(provider: Provider, options: RegisterPasswordGrantOptions): void {
  provider.registerGrantType<PasswordGrantParameters>(PASSWORD_GRANT_TYPE, (ctx) => issuePasswordGrantTokens(ctx, options), [
    'username',
    'password',
    'scope',
  ]);
}

async function issuePasswordGrantTokens(
  ctx: TokenEndpointGrantContext<PasswordGrantParameters>,
  options: RegisterPasswordGrantOptions,
): Promise<void> {
  const { provider, client, params } = ctx.oidc;
  if (!params.username || !params.password) {
    throw new errors.InvalidRequest('username and password are required');
  }
  const user = options.checkPassword(params.username, params.password);
  // Keycloak's answer, word for word, so scripts written against it read the same error; a locked
  // account gets it too.
  if (!user) throw new errors.CustomOIDCProviderError('invalid_grant', 'Invalid user credentials');

  const realmClient = options.directory.findClient(client.clientId);
  const scope = grantableScope(params.scope);
  const grant = new provider.Grant({ clientId: client.clientId, accountId: user.id });
  grant.addOIDCScope(scope);
  grant.addResourceScope(ACCESS_TOKEN_RESOURCE, scope);
  const grantId = await grant.save();

  const accessToken = new provider.AccessToken({ client, accountId: user.id, grantId, gty: PASSWORD_GRANT_TYPE, scope });
  accessToken.resourceServer = new provider.ResourceServer(
    ACCESS_TOKEN_RESOURCE,
    describeAccessTokenResource(realmClient, options.accessTokenLifetimeSeconds),
  );
  const accessTokenValue = await accessToken.save();

  ctx.body = {
    access_token: accessTokenValue,
    expires_in: accessToken.expiration,
    token_type: 'Bearer',
    id_token: scope.split(' ').includes('openid') ? await issueIdToken(ctx, user, realmClient, scope) : undefined,
    scope: keycloakScope(scope),
  };
}

/** Requested scopes this provider knows; offline access needs a browser sign-in, as in oidc-provider. */
function grantableScope(requested: string | undefined): string {
  const known = new Set<string>(SUPPORTED_SCOPES);
  return (requested ?? '')
    .split(' ')
    .filter((scope) => known.has(scope) && scope !== 'offline_access')
    .join(' ');
}

async function issueIdToken(
  ctx: TokenEndpointGrantContext<PasswordGrantParameters>,
  user: RealmUser,
  client: RealmClient | undefined,
  scope: string,
): Promise<string> {
  const idToken = new ctx.oidc.provider.IdToken({ sub: user.id, ...buildProfileClaims(user, client, 'id_token') }, { ctx });
  // `scope` picks which claims the ID token keeps; the typings omit this property of IdToken.
  Object.assign(idToken, { scope });
  return idToken.issue({ use: 'idtoken' });
}
