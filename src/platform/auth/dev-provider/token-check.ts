/**
 * The check every endpoint that takes the provider's own access tokens makes (UserInfo, the admin
 * API): signed by this provider, issued by this realm, not expired, for a user the realm has.
 */
import type { Request } from 'express';
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import type { RealmUser } from '../realm.js';
import type { RealmDirectory } from './directory.js';

export interface CheckedAccessToken {
  user: RealmUser;
  /** The client the token was issued to. */
  clientId: string | undefined;
}

export type AccessTokenCheck = (req: Request) => Promise<CheckedAccessToken | 'missing' | 'invalid'>;

export interface AccessTokenCheckOptions {
  issuer: string;
  directory: RealmDirectory;
  /** The provider's signing keys (private members are ignored). */
  signingKeys: JWK[];
}

export function createAccessTokenCheck(options: AccessTokenCheckOptions): AccessTokenCheck {
  const keys = createLocalJWKSet({ keys: options.signingKeys.map(toPublicJwk) });
  return async (req) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!token) return 'missing';
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer: options.issuer, algorithms: ['RS256'] }));
    } catch {
      return 'invalid';
    }
    const user = typeof payload.sub === 'string' ? options.directory.findUserById(payload.sub) : undefined;
    if (!user || !user.enabled) return 'invalid';
    return { user, clientId: typeof payload.azp === 'string' ? payload.azp : undefined };
  };
}

function toPublicJwk({ kty, n, e, kid, alg, use }: JWK): JWK {
  return { kty, n, e, kid, alg, use };
}
