/**
 * Keycloak's UserInfo endpoint accepts its JWT access tokens; oidc-provider's refuses tokens that
 * carry an audience. So the dev provider answers UserInfo itself: verify the token it signed,
 * then return the user's claims as the token's client maps them.
 */
import { Router, type Request, type Response } from 'express';
import type { RealmDirectory } from './directory.js';
import { buildProfileClaims } from './keycloak-claims.js';
import type { AccessTokenCheck } from './token-check.js';

export const USERINFO_PATH = '/protocol/openid-connect/userinfo';

export interface UserinfoRouteOptions {
  issuerPath: string;
  directory: RealmDirectory;
  checkToken: AccessTokenCheck;
}

export function createUserinfoRoute(options: UserinfoRouteOptions): Router {
  const router = Router();
  const answerUserinfo = async (req: Request, res: Response): Promise<void> => {
    const checked = await options.checkToken(req);
    if (checked === 'missing') {
      refuse(res, 'invalid_request', 'a bearer access token is required');
      return;
    }
    if (checked === 'invalid') {
      refuse(res, 'invalid_token', 'the access token is invalid, expired or names no user of this realm');
      return;
    }
    const client = checked.clientId === undefined ? undefined : options.directory.findClient(checked.clientId);
    res.set('Cache-Control', 'no-store').json({ sub: checked.user.id, ...buildProfileClaims(checked.user, client, 'userinfo') });
  };
  router.get(`${options.issuerPath}${USERINFO_PATH}`, answerUserinfo);
  router.post(`${options.issuerPath}${USERINFO_PATH}`, answerUserinfo);
  return router;
}

function refuse(res: Response, error: 'invalid_request' | 'invalid_token', description: string): void {
  res
    .status(401)
    .set('WWW-Authenticate', `Bearer error="${error}", error_description="${description}"`)
    .json({ error, error_description: description });
}
