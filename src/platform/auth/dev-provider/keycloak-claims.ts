/**
 * Token contents shaped like Keycloak 26's for the same realm, so the API and pages cannot tell the
 * dev provider from Keycloak. Keycloak applies a client's default scopes (profile, email, roles)
 * whether or not they were requested; these functions do the same.
 */
import type { RealmClient, RealmUser } from '../realm.js';

/** Scopes a client may ask for; `roles` exists so a Keycloak-style request is not refused. */
export const SUPPORTED_SCOPES = ['openid', 'profile', 'email', 'roles', 'offline_access'] as const;

/** Keycloak's default client scopes that carry claims and appear in the token's `scope`. */
const DEFAULT_CLIENT_SCOPES = ['profile', 'email'];

export const PROFILE_CLAIMS = ['preferred_username', 'given_name', 'family_name', 'name'] as const;
export const EMAIL_CLAIMS = ['email', 'email_verified'] as const;

export type TokenUse = 'access_token' | 'id_token' | 'userinfo';

export type ClaimSet = Record<string, unknown>;

/** Profile, email and mapped attribute claims of a user, as one kind of token carries them. */
export function buildProfileClaims(user: RealmUser, client: RealmClient | undefined, use: TokenUse): ClaimSet {
  const fullName = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return withoutUndefined({
    preferred_username: user.username,
    given_name: user.firstName,
    family_name: user.lastName,
    name: fullName || undefined,
    email: user.email,
    email_verified: user.emailVerified,
    ...buildAttributeClaims(user, client, use),
  });
}

function buildAttributeClaims(user: RealmUser, client: RealmClient | undefined, use: TokenUse): ClaimSet {
  const claims: ClaimSet = {};
  for (const mapper of client?.attributeClaims ?? []) {
    const applies = use === 'access_token' ? mapper.accessToken : use === 'id_token' ? mapper.idToken : mapper.userinfo;
    const value = user.attributes[mapper.userAttribute];
    if (applies && value !== undefined) claims[mapper.claimName] = value;
  }
  return claims;
}

/** Audience mappers decide `aud`; a client without one gets its own id (oidc-provider needs some `aud`). */
export function accessTokenAudience(client: RealmClient): string | string[] {
  const [first, ...others] = client.audiences;
  if (first === undefined) return client.clientId;
  return others.length === 0 ? first : [first, ...others];
}

/** The `scope` claim Keycloak would write: what was granted plus the default client scopes. */
export function keycloakScope(granted: string | undefined): string {
  const scopes = new Set((granted ?? '').split(' ').filter(Boolean));
  DEFAULT_CLIENT_SCOPES.forEach((scope) => scopes.add(scope));
  return [...scopes].join(' ');
}

export interface AccessTokenSubject {
  user: RealmUser;
  client: RealmClient;
  grantedScope: string | undefined;
  /** The sign-in session, for tokens from a browser sign-in. */
  sessionId?: string | undefined;
}

/** Claims added to (or replacing) oidc-provider's JWT access token payload. */
export function buildAccessTokenClaims({ user, client, grantedScope, sessionId }: AccessTokenSubject): ClaimSet {
  return withoutUndefined({
    sub: user.id,
    aud: accessTokenAudience(client),
    typ: 'Bearer',
    azp: client.clientId,
    sid: sessionId,
    scope: keycloakScope(grantedScope),
    ...buildProfileClaims(user, client, 'access_token'),
    realm_access: { roles: [...user.realmRoles] },
    resource_access: resourceAccess(user),
    // Keycloak names the client in service-account tokens only.
    client_id: user.serviceAccountClientId,
  });
}

/** Client roles as Keycloak writes them, e.g. the directory's `realm-management` roles; absent when there are none. */
function resourceAccess(user: RealmUser): Record<string, { roles: string[] }> | undefined {
  const entries = Object.entries(user.clientRoles).filter(([, roles]) => roles.length > 0);
  return entries.length === 0 ? undefined : Object.fromEntries(entries.map(([client, roles]) => [client, { roles: [...roles] }]));
}

function withoutUndefined(claims: ClaimSet): ClaimSet {
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
}
