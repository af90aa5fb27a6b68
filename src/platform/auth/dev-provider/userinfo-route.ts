/**
 * Keycloak's UserInfo endpoint accepts its JWT access tokens; oidc-provider's refuses tokens that
 * carry an audience. So the dev provider answers UserInfo itself: verify the token it signed,
 * then return the user's claims as the token's client maps them.
 */
import { Router, type Request, type Response } from 'express';
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import type { RealmDirectory } from './directory.js';
import { buildProfileClaims } from './keycloak-claims.js';

export const USERINFO_PATH = '/protocol/openid-connect/userinfo';

export interface UserinfoRouteOptions {
  issuer: string;
  issuerPath: string;
  directory: RealmDirectory;
  /** The provider's signing keys (private members are ignored). */
  signingKeys: JWK[];
}

export function createUserinfoRoute(options: UserinfoRouteOptions): Router {
  const keys = createLocalJWKSet({ keys: options.signingKeys.map(toPublicJwk) });
  const router = Router();
  const answerUserinfo = async (req: Request, res: Response): Promise<void> => {
    const token = bearerToken(req);
    if (!token) {
      refuse(res, 'invalid_request', 'a bearer access token is required');
      return;
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer: options.issuer, algorithms: ['RS256'] }));
    } catch {
      refuse(res, 'invalid_token', 'the access token is invalid or expired');
      return;
    }
    const user = typeof payload.sub === 'string' ? options.directory.findUserById(payload.sub) : undefined;
    if (!user) {
      refuse(res, 'invalid_token', 'the access token names no user of this realm');
      return;
    }
    const client = typeof payload.azp === 'string' ? options.directory.findClient(payload.azp) : undefined;
    res.set('Cache-Control', 'no-store').json({ sub: user.id, ...buildProfileClaims(user, client, 'userinfo') });
  };
  router.get(`${options.issuerPath}${USERINFO_PATH}`, answerUserinfo);
  router.post(`${options.issuerPath}${USERINFO_PATH}`, answerUserinfo);
  return router;
}

function bearerToken(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  return match?.[1];
}

function refuse(res: Response, error: 'invalid_request' | 'invalid_token', description: string): void {
  res
    .status(401)
    .set('WWW-Authenticate', `Bearer error="${error}", error_description="${description}"`)
    .json({ error, error_description: description });
}

function toPublicJwk({ kty, n, e, kid, alg, use }: JWK): JWK {
  return { kty, n, e, kid, alg, use };
}
