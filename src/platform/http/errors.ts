/**
 * Application errors: one base class with a stable `code`, one subclass per kind of failure.
 * The problem middleware maps the kind to an HTTP status and an RFC 9457 problem document.
 */

export type ErrorCode =
  | 'ERR_VALIDATION'
  | 'ERR_MALFORMED_JSON'
  | 'ERR_UNSUPPORTED_MEDIA_TYPE'
  | 'ERR_PAYLOAD_TOO_LARGE'
  | 'ERR_NOT_FOUND'
  | 'ERR_METHOD_NOT_ALLOWED'
  | 'ERR_AUTH_REQUIRED'
  | 'ERR_AUTH_TOKEN_INVALID'
  | 'ERR_AUTH_TOKEN_EXPIRED'
  | 'ERR_FORBIDDEN_ROLE'
  | 'ERR_CSRF'
  | 'ERR_CONFLICT'
  | 'ERR_RATE_LIMITED'
  | 'ERR_SERVICE_UNAVAILABLE'
  | 'ERR_INTERNAL'
  // programs
  | 'ERR_VERSION_CONFLICT'
  | 'ERR_PROGRAM_CODE_TAKEN'
  | 'ERR_PROGRAM_NEEDS_ASSESSMENT_STAGE'
  | 'ERR_OFFICER_GROUP_UNKNOWN'
  | 'ERR_OFFICER_UNKNOWN'
  | 'ERR_OFFICER_LACKS_ROLE'
  | 'ERR_STAGE_POSITION'
  // registry
  | 'ERR_REGISTRANT_DUPLICATE'
  // applications
  | 'ERR_PROGRAM_CLOSED'
  | 'ERR_UNKNOWN_TREATMENT_TYPE'
  | 'ERR_CURRENCY_MISMATCH'
  | 'ERR_AMOUNT_NOT_POSITIVE'
  | 'ERR_IDENTITY_UNVERIFIED'
  | 'ERR_IDENTITY_MISMATCH'
  | 'ERR_DOCUMENT_NOT_ATTACHABLE'
  | 'ERR_APPLICATION_NOT_DRAFT'
  | 'ERR_APPLICATION_INCOMPLETE'
  | 'ERR_IDEMPOTENCY_KEY_REUSED'
  | 'ERR_IDEMPOTENCY_IN_PROGRESS'
  // documents
  | 'ERR_DOCUMENT_TYPE_REFUSED'
  | 'ERR_DOCUMENT_INTEGRITY';

export interface FieldError {
  /** JSON pointer-like path of the offending field, e.g. `/body/amount`. */
  path: string;
  message: string;
}

export interface AppErrorOptions {
  detail?: string;
  fields?: FieldError[];
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[];

  constructor(code: ErrorCode, status: number, title: string, options: AppErrorOptions = {}) {
    super(options.detail ?? title, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.fields = options.fields ?? [];
  }
}

export class InputError extends AppError {
  constructor(detail: string, fields: FieldError[] = [], code: ErrorCode = 'ERR_VALIDATION') {
    super(code, 400, 'The request is not valid', { detail, fields });
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(detail: string) {
    super('ERR_UNSUPPORTED_MEDIA_TYPE', 415, 'Unsupported content type', { detail });
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(detail: string) {
    super('ERR_PAYLOAD_TOO_LARGE', 413, 'The request body is too large', { detail });
  }
}

export class NotFoundError extends AppError {
  constructor(detail: string) {
    super('ERR_NOT_FOUND', 404, 'Not found', { detail });
  }
}

export class AuthenticationError extends AppError {
  constructor(code: 'ERR_AUTH_REQUIRED' | 'ERR_AUTH_TOKEN_INVALID' | 'ERR_AUTH_TOKEN_EXPIRED', detail: string, cause?: unknown) {
    super(code, 401, 'Authentication required', { detail, cause });
  }
}

export class ForbiddenError extends AppError {
  constructor(detail: string, code: ErrorCode = 'ERR_FORBIDDEN_ROLE') {
    super(code, 403, 'Forbidden', { detail });
  }
}

export class ConflictError extends AppError {
  constructor(detail: string, code: ErrorCode = 'ERR_CONFLICT') {
    super(code, 409, 'Conflict', { detail });
  }
}

/** Well-formed but impossible as sent (e.g. an idempotency key reused for another request). */
export class UnprocessableError extends AppError {
  constructor(detail: string, code: ErrorCode) {
    super(code, 422, 'Cannot be carried out', { detail });
  }
}

/** An outside dependency (database, identity provider) failed: a 5xx, never disguised as bad input. */
export class ServiceUnavailableError extends AppError {
  constructor(detail: string, cause?: unknown) {
    super('ERR_SERVICE_UNAVAILABLE', 503, 'Service unavailable', { detail, cause });
  }
}
