/**
 * JWT access tokens shaped like Keycloak's. oidc-provider issues JWT access tokens only for a
 * resource server, so every client's requests resolve to one internal resource indicator whose
 * tokens are RS256 JWTs; the customizer then rewrites the payload into Keycloak's shape.
 */
import type { AccessToken, ClientCredentials, JWTStructured, KoaContextWithOIDC, ResourceServer } from 'oidc-provider';
import type { RealmClient, RealmUser } from '../realm.js';
import type { RealmDirectory } from './directory.js';
import { SUPPORTED_SCOPES, accessTokenAudience, buildAccessTokenClaims } from './keycloak-claims.js';

/** Never shown to clients: Keycloak has no resource indicators, so clients do not send one. */
export const ACCESS_TOKEN_RESOURCE = 'urn:iaod:dev-provider:access-token';

export function describeAccessTokenResource(client: RealmClient | undefined, lifetimeSeconds: number): ResourceServer {
  const audience = client ? accessTokenAudience(client) : undefined;
  return {
    scope: SUPPORTED_SCOPES.join(' '),
    // The customizer writes the full `aud`; oidc-provider only needs one to issue a JWT.
    audience: Array.isArray(audience) ? audience[0] : audience,
    accessTokenFormat: 'jwt',
    accessTokenTTL: lifetimeSeconds,
    jwt: { sign: { alg: 'RS256' } },
  };
}

/** The `formats.customizers.jwt` hook: Keycloak's header and claims for the token's user and client. */
export function createKeycloakTokenCustomizer(directory: RealmDirectory) {
  return function shapeLikeKeycloak(_ctx: KoaContextWithOIDC, token: AccessToken | ClientCredentials, parts: JWTStructured): void {
    const clientId = token.clientId ?? '';
    const client = directory.findClient(clientId);
    const user = subjectOf(directory, token);
    if (!client || !user) {
      // A token for someone the realm no longer has: refuse to sign rather than sign a wrong token.
      throw new Error(`dev provider: no realm ${client ? 'user' : 'client'} for a token issued to ${clientId}`);
    }
    // Keycloak's header says JWT, not at+jwt; verifiers written against Keycloak may check it.
    parts.header = { ...parts.header, typ: 'JWT' };
    Object.assign(parts.payload, buildAccessTokenClaims({ user, client, grantedScope: token.scope, sessionId: sessionIdOf(token) }));
    if (user.serviceAccountClientId === undefined) delete parts.payload.client_id;
  };
}

function subjectOf(directory: RealmDirectory, token: AccessToken | ClientCredentials): RealmUser | undefined {
  if (token.kind === 'ClientCredentials') return token.clientId === undefined ? undefined : directory.findServiceAccount(token.clientId);
  return directory.findUserById(token.accountId);
}

function sessionIdOf(token: AccessToken | ClientCredentials): string | undefined {
  return token.kind === 'AccessToken' ? token.sid : undefined;
}
