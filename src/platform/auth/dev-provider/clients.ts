/**
 * Realm clients as oidc-provider client metadata. Grant types follow the Keycloak switches:
 * standard flow → authorization code (+ refresh), direct access grants → password, service
 * accounts → client credentials. Bearer-only and disabled clients get no tokens, so none are registered.
 */
import type { ClientMetadata } from 'oidc-provider';
import type { RealmClient } from '../realm.js';

export function grantTypesOf(client: RealmClient): string[] {
  return [
    ...(client.standardFlowEnabled ? ['authorization_code', 'refresh_token'] : []),
    ...(client.directAccessGrantsEnabled ? ['password'] : []),
    ...(client.serviceAccountsEnabled ? ['client_credentials'] : []),
  ];
}

export function isTokenClient(client: RealmClient): boolean {
  return client.enabled && !client.bearerOnly && grantTypesOf(client).length > 0;
}

/**
 * `redirect_uris` keep Keycloak's `*` patterns verbatim; the provider's redirect check is replaced
 * by one that understands them (see redirect-uris.ts).
 */
export function toClientMetadata(client: RealmClient, extraRedirectUris: readonly string[]): ClientMetadata {
  const redirectUris = client.standardFlowEnabled ? [...client.redirectUris, ...extraRedirectUris] : [];
  return {
    client_id: client.clientId,
    client_name: client.name,
    ...(client.publicClient
      ? { token_endpoint_auth_method: 'none' }
      : { client_secret: client.secret, token_endpoint_auth_method: 'client_secret_basic' }),
    grant_types: grantTypesOf(client),
    response_types: client.standardFlowEnabled ? ['code'] : [],
    redirect_uris: redirectUris,
    post_logout_redirect_uris: client.standardFlowEnabled ? [...client.postLogoutRedirectUris, ...extraRedirectUris] : [],
  };
}
