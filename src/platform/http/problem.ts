/**
 * RFC 9457 problem details: every error that leaves the process is mapped here, in one place.
 * No stack trace or internal message ever reaches the client; 5xx causes are logged with the request id.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { findDatabaseFault } from '../db/database-fault.js';
import { SOURCE_LANGUAGE } from '../i18n/languages.js';
import { ERROR_CODES } from './error-codes.js';
import { AppError, InputError, RateLimitedError, type ErrorCode, type FieldError } from './errors.js';
import { isBodyRefused } from './oversize-body.js';

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
      return new AppError('ERR_MALFORMED_JSON', {
        detail: 'The body could not be parsed as JSON. Check quotes, commas and brackets.',
      });
    case 'entity.too.large':
      return new AppError('ERR_PAYLOAD_TOO_LARGE', {
        detail: 'The body is larger than this endpoint accepts.',
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('ERR_UNSUPPORTED_MEDIA_TYPE', {
        detail: 'The body encoding or charset is not supported; send UTF-8 JSON.',
      });
    case 'request.aborted':
    case 'request.size.invalid':
      return new AppError('ERR_VALIDATION', { detail: 'The request body was incomplete.' });
    default:
      return undefined;
  }
}

/** What multer hit while reading a multipart form (its codes), or a form busboy could not parse. */
export type MultipartFailureCode = 'LIMIT_FILE_SIZE' | 'LIMIT_FILE_COUNT' | 'LIMIT_PART_COUNT' | 'LIMIT_FIELD_COUNT' | 'MALFORMED';

/**
 * Recorded on the request while multer reads the form (see api-router.ts): the validator that runs
 * multer keeps only a status, and reports busboy's parse failures as 500.
 */
export class MultipartBodyError extends Error {
  constructor(
    readonly code: MultipartFailureCode,
    options?: { cause?: unknown },
  ) {
    super(`multipart body refused: ${code}`, options);
    this.name = 'MultipartBodyError';
  }
}

/** A file over the cap is 413; anything else wrong with the form is the caller's malformed input. */
function fromMultipart(err: MultipartBodyError): AppError {
  switch (err.code) {
    case 'LIMIT_FILE_SIZE':
      return new AppError('ERR_PAYLOAD_TOO_LARGE', {
        detail: 'The file is larger than this endpoint accepts.',
      });
    case 'LIMIT_FILE_COUNT':
      return new InputError('Send one file per request.', [{ path: '/body', message: 'has more than one file' }]);
    case 'LIMIT_PART_COUNT':
    case 'LIMIT_FIELD_COUNT':
      return new InputError('The form has more fields than this endpoint takes.', [{ path: '/body', message: 'has too many fields' }]);
    case 'MALFORMED':
      return new InputError('The multipart/form-data body could not be read; it is malformed or incomplete.');
  }
}

/** The body types the operation declares (the validator's view of it), for telling the caller what to send. */
function acceptedContentTypes(req: Request): string {
  const operation = (req as Request & { openapi?: { schema?: { requestBody?: { content?: Record<string, unknown> } } } }).openapi;
  const types = Object.keys(operation?.schema?.requestBody?.content ?? {});
  return types.length > 0 ? types.join(' or ') : 'application/json';
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
      return new AppError('ERR_VALIDATION', {
        detail: fields.length > 0 ? fields.map((f) => `${f.path} ${f.message}`).join('; ') : 'The request is not valid.',
        fields,
      });
    case 401:
      return new AppError('ERR_AUTH_REQUIRED', { detail: 'A bearer token is required.' });
    case 403:
      return new AppError('ERR_FORBIDDEN_ROLE', { detail: 'Your role does not allow this.' });
    case 404:
      return new AppError('ERR_NOT_FOUND', { detail: `No resource at ${req.method} ${req.path}.` });
    case 405:
      return new AppError('ERR_METHOD_NOT_ALLOWED', { detail: `${req.method} is not allowed on ${req.path}.` });
    case 413:
      return new AppError('ERR_PAYLOAD_TOO_LARGE', {
        detail: 'The body is larger than this endpoint accepts.',
      });
    case 415:
      return new AppError('ERR_UNSUPPORTED_MEDIA_TYPE', {
        detail: `Content type ${req.headers['content-type'] ?? '(none)'} is not accepted here; send ${acceptedContentTypes(req)}.`,
      });
    default:
      return undefined;
  }
}

/**
 * The last safety net for bad input: a value PostgreSQL refused as data (SQLSTATE class 22: out of range,
 * too long, an impossible date, a character it cannot hold) is the caller's 400, never a 500. The checks
 * before the database should have caught it, so it is also logged (by code and column only).
 */
function fromDatabase(err: unknown, req: Request): AppError | undefined {
  const fault = findDatabaseFault(err);
  if (!fault?.sqlState.startsWith('22')) return undefined;
  req.log.warn({ sqlState: fault.sqlState, column: fault.column }, 'a value the checks let through was refused by the database');
  return new AppError('ERR_VALUE_NOT_STORABLE', {
    detail: fault.column ? `The value of ${fault.column} cannot be stored.` : 'A value in the request cannot be stored.',
    fields: [{ path: '/body', message: 'has a value that cannot be stored' }],
  });
}

export function toAppError(err: unknown, req: Request): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof MultipartBodyError) return fromMultipart(err);
  // The validator saw the body that failed to parse as missing (its 400), or could not read a form whose
  // query or text was refused already (its 500 for any failure of the form): the refusal is the real story.
  const status = (err as ForeignHttpError | null)?.status;
  if (req.deferredBodyError !== undefined && req.deferredBodyError !== err && (status === 400 || status === 500)) {
    return toAppError(req.deferredBodyError, req);
  }
  // Multipart is read after authentication, so whatever status the validator made of the form's failure, the failure is the story.
  if (
    req.deferredBodyError instanceof MultipartBodyError &&
    req.deferredBodyError !== err &&
    ![401, 403].includes((err as ForeignHttpError | null)?.status ?? 0)
  ) {
    return fromMultipart(req.deferredBodyError);
  }
  if (err !== null && typeof err === 'object') {
    const foreign = err as ForeignHttpError;
    const mapped = fromBodyParser(foreign) ?? fromValidator(foreign, req) ?? fromDatabase(err, req);
    if (mapped) return mapped;
  }
  return new AppError('ERR_INTERNAL', {
    detail: 'Something went wrong on our side. The request id identifies it in our logs.',
    cause: err,
  });
}

/**
 * In English the detail says what this request did wrong; in another language (Accept-Language) the title and
 * detail are the code's translated title and explanation, and `errors` still names each refused field.
 */
export function toProblem(error: AppError, req: Request): ProblemDocument {
  // Set for every request by the first middleware; a request built by hand (a unit test) has none and gets English.
  const translated = typeof req.t === 'function' && req.language !== SOURCE_LANGUAGE;
  const problem: ProblemDocument = {
    // Extensions first: they never replace a standard member.
    ...error.extensions,
    type: problemTypeFor(error.code),
    title: translated ? req.t(`problem.${error.code}.title`) : ERROR_CODES[error.code].title,
    status: error.status,
    detail: translated ? req.t(`problem.${error.code}.explanation`) : error.message,
    instance: req.originalUrl.split('?')[0],
    code: error.code,
  };
  if (error.fields.length > 0) problem.errors = error.fields;
  if (req.id) problem.requestId = req.id;
  return problem;
}

export function sendProblem(res: Response, problem: ProblemDocument): void {
  if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/** Headers an error's answer carries besides the problem: when a rate-limited caller may try again. */
export function setErrorHeaders(res: Response, error: AppError): void {
  if (error instanceof RateLimitedError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
}

/** Error middleware for the API and everything that is not a page. */
export const sendProblemForError: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) {
    // A body refused over its limit was answered while it arrived; what its reader reports later is no news.
    if (!isBodyRefused(req)) next(err);
    return;
  }
  const error = toAppError(err, req);
  if (error.status >= 500) req.log.error({ err: error.cause ?? error, code: error.code }, 'request failed');
  setErrorHeaders(res, error);
  sendProblem(res, toProblem(error, req));
};

/** Unknown routes answer 404 problem+json rather than Express's HTML. */
export const sendNotFoundProblem: RequestHandler = (req, _res, next) => {
  next(new AppError('ERR_NOT_FOUND', { detail: `No resource at ${req.method} ${req.path}.` }));
};
