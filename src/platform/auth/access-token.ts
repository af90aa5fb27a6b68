/**
 * Verifies bearer JWTs against the provider's JWKS: signature, issuer, expiry, and audience (or the
 * web client as `azp`). Keys are fetched once and cached by jose; a key rotation refetches them.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthenticationError, ServiceUnavailableError } from '../http/errors.js';
import { isRole, type Principal, type Role } from './principal.js';

export interface AccessTokenVerifierOptions {
  issuer: string;
  /** Accepted when it appears in `aud`. */
  audience: string;
  /** Also accepted as `azp` when `aud` lacks the audience (tokens the web client obtained for itself). */
  webClientId: string;
  /** Key source; defaults to the issuer's JWKS from its discovery document. */
  keys?: JWTVerifyGetKey;
  /** Clock for expiry checks; defaults to now. */
  currentDate?: () => Date;
  /** Seconds of clock skew tolerated on `exp` and `nbf`. Default 5. */
  clockTolerance?: number;
  /**
   * How many verified tokens to remember (by their exact text) so a client's next request skips the
   * signature check; expiry is still checked on every use. 0 turns it off. Default 10,000.
   */
  cacheSize?: number;
}

export interface AccessTokenVerifier {
  verify(token: string): Promise<Principal>;
}

interface KeycloakClaims extends JWTPayload {
  azp?: string;
  preferred_username?: string;
  given_name?: string;
  family_name?: string;
  name?: string;
  email?: string;
  national_id?: string;
  scope?: unknown;
  realm_access?: { roles?: unknown };
  resource_access?: Record<string, { roles?: unknown } | undefined>;
}

async function discoverJwksUri(issuer: string): Promise<URL> {
  let response: Response;
  try {
    response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
  } catch (cause) {
    throw new ServiceUnavailableError('The identity provider cannot be reached.', cause);
  }
  if (!response.ok) throw new ServiceUnavailableError(`The identity provider's discovery document answered ${response.status}.`);
  const document = (await response.json()) as { jwks_uri?: unknown; issuer?: unknown };
  if (typeof document.jwks_uri !== 'string') throw new ServiceUnavailableError('The identity provider publishes no jwks_uri.');
  return new URL(document.jwks_uri);
}

/** Looks up the JWKS lazily, so the service can start before the provider is up. */
function lazyRemoteKeys(issuer: string): JWTVerifyGetKey {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  return async (header, token) => {
    keys ??= discoverJwksUri(issuer)
      .then((uri) => createRemoteJWKSet(uri, { timeoutDuration: 5000 }))
      .catch((error: unknown) => {
        keys = undefined;
        throw error;
      });
    return (await keys)(header, token);
  };
}

function rolesFrom(claims: KeycloakClaims, audience: string): Role[] {
  const listed = [claims.realm_access?.roles, claims.resource_access?.[audience]?.roles]
    .filter((roles): roles is unknown[] => Array.isArray(roles))
    .flat()
    .filter((role): role is string => typeof role === 'string');
  return [...new Set(listed)].filter(isRole);
}

function scopesFrom(claims: KeycloakClaims, audience: string): string[] {
  const scope = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  const clientRoles = claims.resource_access?.[audience]?.roles;
  const granted = Array.isArray(clientRoles) ? clientRoles.filter((role): role is string => typeof role === 'string' && !isRole(role)) : [];
  return [...new Set([...scope, ...granted])];
}

function principalFrom(claims: KeycloakClaims, audience: string): Principal {
  const username = claims.preferred_username ?? claims.sub ?? '';
  const fullName = [claims.given_name, claims.family_name].filter(Boolean).join(' ');
  return {
    subject: claims.sub ?? '',
    username,
    givenName: claims.given_name,
    familyName: claims.family_name,
    displayName: claims.name ?? (fullName || username),
    email: claims.email,
    roles: rolesFrom(claims, audience),
    nationalId: typeof claims.national_id === 'string' ? claims.national_id : undefined,
    clientId: claims.azp,
    scopes: scopesFrom(claims, audience),
  };
}

function isInfrastructureFault(error: unknown): boolean {
  // fetch() reports an unreachable JWKS endpoint as a TypeError; that is an outage, not a bad token.
  return (
    error instanceof ServiceUnavailableError ||
    error instanceof joseErrors.JWKSTimeout ||
    (error instanceof TypeError && /fetch/i.test(error.message))
  );
}

interface Verified {
  principal: Principal;
  /** `exp` in milliseconds. */
  expiresAt: number;
}

export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): AccessTokenVerifier {
  const keys = options.keys ?? lazyRemoteKeys(options.issuer);
  const cacheSize = options.cacheSize ?? 10_000;
  const toleranceMs = (options.clockTolerance ?? 5) * 1000;
  // A Map keeps insertion order: deleting and re-inserting on use makes it a small LRU.
  const verified = new Map<string, Verified>();
  const now = () => (options.currentDate?.() ?? new Date()).getTime();

  function remembered(token: string): Principal | undefined {
    const entry = verified.get(token);
    if (!entry) return undefined;
    verified.delete(token);
    if (entry.expiresAt + toleranceMs <= now()) return undefined;
    verified.set(token, entry);
    return entry.principal;
  }

  function remember(token: string, principal: Principal, exp: number | undefined): void {
    if (cacheSize === 0 || exp === undefined) return;
    verified.set(token, { principal, expiresAt: exp * 1000 });
    if (verified.size > cacheSize) verified.delete(verified.keys().next().value as string);
  }

  async function verifySignatureAndClaims(token: string): Promise<Principal> {
    let claims: KeycloakClaims;
    try {
      const result = await jwtVerify<KeycloakClaims>(token, keys, {
        issuer: options.issuer,
        currentDate: options.currentDate?.(),
        clockTolerance: options.clockTolerance ?? 5,
        requiredClaims: ['exp', 'sub'],
        algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'],
      });
      claims = result.payload;
    } catch (error) {
      if (isInfrastructureFault(error)) {
        throw error instanceof ServiceUnavailableError
          ? error
          : new ServiceUnavailableError('The identity provider cannot be reached.', error);
      }
      if (error instanceof joseErrors.JWTExpired)
        throw new AuthenticationError('ERR_AUTH_TOKEN_EXPIRED', 'The access token has expired; sign in again.', error);
      throw new AuthenticationError('ERR_AUTH_TOKEN_INVALID', describeJoseFailure(error), error);
    }
    const audiences = typeof claims.aud === 'string' ? [claims.aud] : (claims.aud ?? []);
    if (!audiences.includes(options.audience) && claims.azp !== options.webClientId) {
      throw new AuthenticationError(
        'ERR_AUTH_TOKEN_INVALID',
        `The access token is not meant for this service (audience ${options.audience}).`,
      );
    }
    const principal = principalFrom(claims, options.audience);
    remember(token, principal, claims.exp);
    return principal;
  }

  return {
    async verify(token) {
      return remembered(token) ?? (await verifySignatureAndClaims(token));
    },
  };
}

function describeJoseFailure(error: unknown): string {
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The access token's "${error.claim}" claim is not accepted.`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'The access token signature does not verify.';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'The access token was signed by a key this service does not trust.';
  return 'The access token is malformed or not signed by the trusted provider.';
}
