/**
 * HTTP for the gateway, outside the `/api/v1` router: DCI messages carry their own errors (an ERR
 * acknowledgement, HTTP 200), which the OpenAPI validator would turn into problems. What happens before a
 * message is read stays the API's: no or a bad token (401), a missing scope (403), a body that is not JSON
 * (400/413/415) and rate limits (429) answer problem+json like every other operation.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { AccessTokenVerifier } from '../../platform/auth/access-token.js';
import type { Principal } from '../../platform/auth/principal.js';
import { AuthenticationError, ForbiddenError, UnsupportedMediaTypeError } from '../../platform/http/errors.js';
import type { RateLimits } from '../../platform/http/rate-limits.js';
import { sendNotFoundProblem, sendProblemForError } from '../../platform/http/problem.js';
import type { G2pGateway, GatewayAnswer } from './gateway.js';

export const G2P_SCOPES = { search: 'g2p:registry:search', txnStatus: 'g2p:registry:txn-status' } as const;

export interface G2pRoutesOptions {
  gateway: G2pGateway;
  verifier: AccessTokenVerifier;
  limits: RateLimits;
  jsonBodyLimit: number;
}

const BEARER = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)\s*$/i;

async function authenticate(req: Request, verifier: AccessTokenVerifier, limits: RateLimits): Promise<Principal> {
  const header = req.headers.authorization;
  if (!header) {
    await limits.chargeAnonymous(req.ip);
    throw new AuthenticationError('ERR_AUTH_REQUIRED', 'Send an access token in the Authorization header: "Bearer <token>".');
  }
  const match = BEARER.exec(header);
  if (!match?.[1]) {
    await limits.chargeAnonymous(req.ip);
    throw new AuthenticationError('ERR_AUTH_TOKEN_INVALID', 'The Authorization header must be "Bearer <JWT>".');
  }
  let principal: Principal;
  try {
    principal = await verifier.verify(match[1]);
  } catch (error) {
    await limits.chargeAnonymous(req.ip);
    throw error;
  }
  await limits.chargeUser(principal.subject);
  return principal;
}

export function createG2pRoutes({ gateway, verifier, limits, jsonBodyLimit }: G2pRoutesOptions): Router {
  const router = express.Router();
  const readJson = express.json({ limit: jsonBodyLimit, type: () => true });

  router.get('/.well-known/jwks.json', async (_req, res) => {
    res
      .set({ 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' })
      .type('application/jwk-set+json')
      .send(JSON.stringify(await gateway.publicKeys()));
  });

  function operation(scope: string, answer: (principal: Principal, body: unknown) => Promise<GatewayAnswer>) {
    return async (req: Request, res: Response, next: NextFunction) => {
      try {
        // The token first: a stranger learns nothing about what the body would have met.
        const principal = await authenticate(req, verifier, limits);
        if (!principal.scopes?.includes(scope)) {
          throw new ForbiddenError(`This operation needs the scope ${scope} on the token.`, 'ERR_G2P_SCOPE_MISSING');
        }
        if (!req.is('application/json')) throw new UnsupportedMediaTypeError('Send the message as application/json.');
        await new Promise<void>((resolve, reject) => readJson(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
        res.json(await answer(principal, req.body));
      } catch (error) {
        next(error);
      }
    };
  }

  router.post('/g2p/registry/sync/search', operation(G2P_SCOPES.search, gateway.syncSearch));
  router.post('/g2p/registry/sync/txn/status', operation(G2P_SCOPES.txnStatus, gateway.syncTxnStatus));
  router.post('/g2p/registry/search', operation(G2P_SCOPES.search, gateway.search));
  router.post('/g2p/registry/txn/status', operation(G2P_SCOPES.txnStatus, gateway.txnStatus));
  router.use('/g2p', sendNotFoundProblem);
  router.use('/g2p', sendProblemForError);
  return router;
}
