/**
 * Everything under /api: JSON body parsing with a size cap, the OpenAPI validator (requests always,
 * responses when configured), bearer authentication through the spec's security requirements, a rate
 * limit per caller, the modules' handlers registered by operationId, and problem+json for every error
 * including unknown routes.
 */
import type { EventEmitter } from 'node:events';
import express, { Router, type Request, type RequestHandler } from 'express';
import { middleware as openApiValidator } from 'express-openapi-validator';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import type { AccessTokenVerifier } from '../auth/access-token.js';
import { createBearerSecurityHandler } from '../auth/api-security.js';
import type { Principal } from '../auth/principal.js';
import { keepCompiledRoutePatterns } from './route-pattern-cache.js';
import { routeOperations, type ApiOperation, type OperationHandlers } from './operations.js';
import { InputError } from './errors.js';
import { chargeApiRequests, chargeRefusedApiRequests, type RateLimits } from './rate-limits.js';
import { FORM_OVERHEAD_BYTES, isBodyRefused, stopReadingBody, watchBodyLimit, type BodyReadSoFar } from './oversize-body.js';
import {
  MultipartBodyError,
  sendNotFoundProblem,
  sendProblem,
  sendProblemForError,
  toAppError,
  toProblem,
  type MultipartFailureCode,
} from './problem.js';
import { findUnstorableText, isCalendarDate } from './storable-values.js';

export interface ApiRouterOptions {
  spec: OpenAPIV3.DocumentV3_1;
  verifier: AccessTokenVerifier;
  jsonBodyLimit: number;
  validateResponses: boolean;
  /** Largest file a multipart upload may carry, in bytes (the document cap). */
  maxUploadBytes: number;
  /** Every request is counted against its caller's limit, refused ones included. */
  limits: RateLimits;
  /** Each module's handlers by operationId, served at /api/v1 after validation; every operation needs one. */
  handlers: readonly OperationHandlers[];
  /**
   * Completes an authenticated caller before the handlers see them (an applicant whose token carries no national
   * ID, linked to one by a verified ID QR); by default the token's principal as it is.
   */
  resolvePrincipal?: (principal: Principal) => Promise<Principal>;
}

export interface ApiRouter {
  router: Router;
  /** The operations registered, each with its handler. */
  operations: readonly ApiOperation[];
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

/** The busboy instance multer reads a form with: a writable stream that reports limits and failures as events. */
type FormReader = NodeJS.WritableStream & EventEmitter;

/**
 * Options for the validator's multer, which reads multipart forms (after authentication) into memory.
 * The file limit is one byte over the cap, so the service sees an over-cap file and refuses it itself
 * while multer only bounds memory. The validator keeps only a status of multer's failures (and makes
 * 500 of a malformed form), so the first failure is recorded on the request for the problem mapping.
 * A body over the cap (declared, counted while it arrives, or a file past the limit) is answered 413 at
 * once and the connection closed, without reading the rest: multer would drain it to the end first.
 */
function multipartUploader(maxUploadBytes: number) {
  return {
    limits: { fileSize: maxUploadBytes + 1, files: 1, fields: 8, parts: 9, fieldSize: 1024, fieldNameSize: 100, headerPairs: 20 },
    // File names arrive as UTF-8 from browsers; busboy's default would read them as Latin-1.
    defParamCharset: 'utf8',
    streamHandler(req: Request, form: FormReader) {
      const refuse = (code: MultipartFailureCode, cause?: unknown) => {
        req.deferredBodyError ??= new MultipartBodyError(code, { cause });
      };
      const refuseOversize = (read: BodyReadSoFar) => {
        if (isBodyRefused(req) || !req.res) return;
        refuse('LIMIT_FILE_SIZE');
        stopReadingBody(req, req.res, read);
        sendProblem(req.res, toProblem(toAppError(req.deferredBodyError, req), req));
      };
      form.on('error', (error: unknown) => refuse('MALFORMED', error));
      form.on('filesLimit', () => refuse('LIMIT_FILE_COUNT'));
      form.on('partsLimit', () => refuse('LIMIT_PART_COUNT'));
      form.on('fieldsLimit', () => refuse('LIMIT_FIELD_COUNT'));
      form.on('file', (_field: string, file: EventEmitter) => file.once('limit', () => refuseOversize('part')));
      watchBodyLimit(req, maxUploadBytes + FORM_OVERHEAD_BYTES, refuseOversize);
      if (!isBodyRefused(req)) req.pipe(form);
    },
  };
}

function unstorableTextError(req: Request, parts: Array<'body' | 'query'>): InputError | undefined {
  const fields = parts.flatMap((part) => findUnstorableText(req[part], `/${part}`));
  if (fields.length === 0) return undefined;
  return new InputError(fields.map((field) => `${field.path} ${field.message}`).join('; '), fields);
}

/**
 * Text PostgreSQL cannot store (see storable-values.ts) in a JSON body or the query is refused whatever
 * else is wrong, but reported as a body error is: after authentication.
 */
const refuseUnstorableText: RequestHandler = (req, _res, next) => {
  if (req.deferredBodyError === undefined) {
    const error = unstorableTextError(req, ['body', 'query']);
    if (error) {
      req.deferredBodyError = error;
      req.body = undefined;
    }
  }
  next();
};

/** A form's text fields are read only once the validator has authenticated the caller. */
const reportDeferredBodyError: RequestHandler = (req, _res, next) => {
  next(req.deferredBodyError ?? (req.is('multipart/form-data') ? unstorableTextError(req, ['body']) : undefined));
};

/** API answers carry personal data, or say who may see it: no browser or proxy keeps a copy. */
const doNotStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** Throws a ContractError when an operation of the spec has no handler or a handler names no operation. */
export function createApiRouter(options: ApiRouterOptions): ApiRouter {
  const routes = routeOperations(options.spec, options.handlers);
  const api = Router();
  keepCompiledRoutePatterns();
  const bearerAuth = createBearerSecurityHandler(options.verifier);
  api.use(doNotStore);
  api.use(parseJsonBodyAfterAuthentication(options.jsonBodyLimit));
  api.use(refuseUnstorableText);
  api.use(
    openApiValidator({
      apiSpec: options.spec,
      validateRequests: { allowUnknownQueryParameters: false, removeAdditional: false, allErrors: true },
      validateResponses: options.validateResponses ? { removeAdditional: false, onError: undefined } : false,
      validateSecurity: { handlers: { bearerAuth } },
      fileUploader: multipartUploader(options.maxUploadBytes),
      validateApiSpec: true,
      // The default (ajv-formats' fast mode) takes 2023-02-31 for a date.
      formats: { date: isCalendarDate },
      // Probes are documented in the spec but served outside /api.
      ignorePaths: /^\/(healthz|readyz|status-lists\/.*)$/,
    }) as unknown as RequestHandler[],
  );
  api.use(reportDeferredBodyError);
  api.use(chargeApiRequests(options.limits));
  const { resolvePrincipal } = options;
  if (resolvePrincipal) {
    api.use((req, _res, next) => {
      if (!req.principal) return next();
      resolvePrincipal(req.principal).then((principal) => {
        req.principal = principal;
        next();
      }, next);
    });
  }
  api.use('/v1', routes.router);
  api.use(sendNotFoundProblem);
  api.use(chargeRefusedApiRequests(options.limits));
  api.use(sendProblemForError);
  return { router: api, operations: routes.operations };
}
