/**
 * Everything under /api: JSON body parsing with a size cap, the OpenAPI validator (requests always,
 * responses when configured), bearer authentication through the spec's security requirements, the
 * module routers, and problem+json for every error including unknown routes.
 */
import express, { Router, type RequestHandler } from 'express';
import { middleware as openApiValidator } from 'express-openapi-validator';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import type { AccessTokenVerifier } from '../auth/access-token.js';
import { createBearerSecurityHandler } from '../auth/api-security.js';
import { sendNotFoundProblem, sendProblemForError } from './problem.js';

export interface ApiRouterOptions {
  spec: OpenAPIV3.DocumentV3_1;
  verifier: AccessTokenVerifier;
  jsonBodyLimit: number;
  validateResponses: boolean;
  /** Module routers, mounted at /api/v1 after validation. */
  routers: Router[];
}

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * Parses JSON bodies but holds back a parse failure (malformed, too large) until authentication has
 * run, so an anonymous caller learns only that a token is needed.
 */
function parseJsonBodyAfterAuthentication(limit: number): RequestHandler {
  const parse = express.json({ limit, type: JSON_TYPES, strict: true });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (error) {
        req.deferredBodyError = error;
        req.body = undefined;
      }
      next();
    });
  };
}

const reportDeferredBodyError: RequestHandler = (req, _res, next) => {
  next(req.deferredBodyError);
};

export function createApiRouter(options: ApiRouterOptions): Router {
  const api = Router();
  const bearerAuth = createBearerSecurityHandler(options.verifier);
  api.use(parseJsonBodyAfterAuthentication(options.jsonBodyLimit));
  api.use(
    openApiValidator({
      apiSpec: options.spec,
      validateRequests: { allowUnknownQueryParameters: false, removeAdditional: false, allErrors: true },
      validateResponses: options.validateResponses ? { removeAdditional: false, onError: undefined } : false,
      validateSecurity: { handlers: { bearerAuth } },
      validateApiSpec: true,
      // Probes are documented in the spec but served outside /api.
      ignorePaths: /^\/(healthz|readyz)$/,
    }) as unknown as RequestHandler[],
  );
  api.use(reportDeferredBodyError);
  const v1 = Router();
  for (const router of options.routers) v1.use(router);
  api.use('/v1', v1);
  api.use(sendNotFoundProblem);
  api.use(sendProblemForError);
  return api;
}
