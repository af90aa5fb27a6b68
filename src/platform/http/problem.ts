/**
 * RFC 9457 problem details: every error that leaves the process is mapped here, in one place.
 * No stack trace or internal message ever reaches the client; 5xx causes are logged with the request id.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { AppError, type ErrorCode, type FieldError } from './errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ErrorCode;
  errors?: FieldError[];
  requestId?: string;
}

/** `ERR_AUTH_TOKEN_EXPIRED` → `/problems/auth-token-expired`, documented at that address. */
export function problemTypeFor(code: ErrorCode): string {
  return `/problems/${code.replace(/^ERR_/, '').toLowerCase().replaceAll('_', '-')}`;
}

interface ValidatorErrorItem {
  path?: string;
  message?: string;
}

/** Shape shared by express-openapi-validator's HttpError and body-parser's errors. */
interface ForeignHttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  errors?: ValidatorErrorItem[];
  message?: string;
}

function fromBodyParser(err: ForeignHttpError): AppError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return new AppError('ERR_MALFORMED_JSON', 400, 'The request body is not valid JSON', {
        detail: 'The body could not be parsed as JSON. Check quotes, commas and brackets.',
      });
    case 'entity.too.large':
      return new AppError('ERR_PAYLOAD_TOO_LARGE', 413, 'The request body is too large', {
        detail: 'The body is larger than this endpoint accepts.',
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('ERR_UNSUPPORTED_MEDIA_TYPE', 415, 'Unsupported content type', {
        detail: 'The body encoding or charset is not supported; send UTF-8 JSON.',
      });
    case 'request.aborted':
    case 'request.size.invalid':
      return new AppError('ERR_VALIDATION', 400, 'The request is not valid', { detail: 'The request body was incomplete.' });
    default:
      return undefined;
  }
}

function fromValidator(err: ForeignHttpError, req: Request): AppError | undefined {
  const status = err.status ?? err.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 599) return undefined;
  // The security handler keeps the precise error; the validator only passes on its status.
  if (req.authError && req.authError.status === status) return req.authError;
  const fields: FieldError[] = (err.errors ?? []).map((item) => ({
    path: item.path ?? '',
    message: item.message ?? 'is not valid',
  }));
  switch (status) {
    case 400:
      return new AppError('ERR_VALIDATION', 400, 'The request is not valid', {
        detail: fields.length > 0 ? fields.map((f) => `${f.path} ${f.message}`).join('; ') : 'The request is not valid.',
        fields,
      });
    case 401:
      return new AppError('ERR_AUTH_REQUIRED', 401, 'Authentication required', { detail: 'A bearer token is required.' });
    case 403:
      return new AppError('ERR_FORBIDDEN_ROLE', 403, 'Forbidden', { detail: 'Your role does not allow this.' });
    case 404:
      return new AppError('ERR_NOT_FOUND', 404, 'Not found', { detail: `No resource at ${req.method} ${req.path}.` });
    case 405:
      return new AppError('ERR_METHOD_NOT_ALLOWED', 405, 'Method not allowed', { detail: `${req.method} is not allowed on ${req.path}.` });
    case 413:
      return new AppError('ERR_PAYLOAD_TOO_LARGE', 413, 'The request body is too large', { detail: 'The body is larger than this endpoint accepts.' });
    case 415:
      return new AppError('ERR_UNSUPPORTED_MEDIA_TYPE', 415, 'Unsupported content type', {
        detail: `Content type ${req.headers['content-type'] ?? '(none)'} is not accepted here; send application/json.`,
      });
    default:
      return undefined;
  }
}

export function toAppError(err: unknown, req: Request): AppError {
  if (err instanceof AppError) return err;
  // The validator saw the body that failed to parse as missing; the parse failure is the real story.
  if (req.deferredBodyError !== undefined && req.deferredBodyError !== err && (err as ForeignHttpError | null)?.status === 400) {
    return toAppError(req.deferredBodyError, req);
  }
  if (err !== null && typeof err === 'object') {
    const foreign = err as ForeignHttpError;
    const mapped = fromBodyParser(foreign) ?? fromValidator(foreign, req);
    if (mapped) return mapped;
  }
  return new AppError('ERR_INTERNAL', 500, 'Internal error', {
    detail: 'Something went wrong on our side. The request id identifies it in our logs.',
    cause: err,
  });
}

export function toProblem(error: AppError, req: Request): ProblemDocument {
  const problem: ProblemDocument = {
    type: problemTypeFor(error.code),
    title: error.status >= 500 ? titleForServerError(error) : titleOf(error),
    status: error.status,
    detail: error.message,
    instance: req.originalUrl.split('?')[0],
    code: error.code,
  };
  if (error.fields.length > 0) problem.errors = error.fields;
  if (req.id) problem.requestId = req.id;
  return problem;
}

function titleOf(error: AppError): string {
  const titles: Partial<Record<ErrorCode, string>> = {
    ERR_VALIDATION: 'The request is not valid',
    ERR_MALFORMED_JSON: 'The request body is not valid JSON',
    ERR_UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
    ERR_PAYLOAD_TOO_LARGE: 'The request body is too large',
    ERR_NOT_FOUND: 'Not found',
    ERR_METHOD_NOT_ALLOWED: 'Method not allowed',
    ERR_AUTH_REQUIRED: 'Authentication required',
    ERR_AUTH_TOKEN_INVALID: 'The access token is not valid',
    ERR_AUTH_TOKEN_EXPIRED: 'The access token has expired',
    ERR_FORBIDDEN_ROLE: 'Your role does not allow this',
    ERR_CSRF: 'The form has expired',
    ERR_CONFLICT: 'Conflict',
    ERR_RATE_LIMITED: 'Too many requests',
  };
  return titles[error.code] ?? 'Error';
}

function titleForServerError(error: AppError): string {
  return error.code === 'ERR_SERVICE_UNAVAILABLE' ? 'Service unavailable' : 'Internal error';
}

export function sendProblem(res: Response, problem: ProblemDocument): void {
  if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/** Error middleware for the API and everything that is not a page. */
export const sendProblemForError: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  const error = toAppError(err, req);
  if (error.status >= 500) req.log.error({ err: error.cause ?? error, code: error.code }, 'request failed');
  sendProblem(res, toProblem(error, req));
};

/** Unknown routes answer 404 problem+json rather than Express's HTML. */
export const sendNotFoundProblem: RequestHandler = (req, _res, next) => {
  next(new AppError('ERR_NOT_FOUND', 404, 'Not found', { detail: `No resource at ${req.method} ${req.path}.` }));
};
