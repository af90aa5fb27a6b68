/**
 * Application errors: one base class with a stable `code`, one subclass per kind of failure. The code's
 * status and title come from the table in error-codes.ts; a subclass accepts only codes of its status.
 * The problem middleware turns an AppError into an RFC 9457 problem document.
 */
import { ERROR_CODES, type ErrorCode, type ErrorCodeWithStatus } from './error-codes.js';

export type { ErrorCode, ErrorCodeWithStatus } from './error-codes.js';

export interface FieldError {
  /** JSON pointer-like path of the offending field, e.g. `/body/amount`. */
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** What was wrong with this request; the code's title is used when there is nothing more to say. */
  detail?: string;
  fields?: FieldError[];
  cause?: unknown;
  /** RFC 9457 extension members for the problem document (e.g. the state a conflict met); never personal data. */
  extensions?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[];
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    const { status, title } = ERROR_CODES[code];
    super(options.detail ?? title, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.fields = options.fields ?? [];
    this.extensions = options.extensions ?? {};
  }
}

export class InputError extends AppError {
  constructor(detail: string, fields: FieldError[] = [], code: ErrorCodeWithStatus<400> = 'ERR_VALIDATION') {
    super(code, { detail, fields });
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(detail: string) {
    super('ERR_UNSUPPORTED_MEDIA_TYPE', { detail });
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(detail: string) {
    super('ERR_PAYLOAD_TOO_LARGE', { detail });
  }
}

export class NotFoundError extends AppError {
  constructor(detail: string) {
    super('ERR_NOT_FOUND', { detail });
  }
}

export class AuthenticationError extends AppError {
  constructor(code: ErrorCodeWithStatus<401>, detail: string, cause?: unknown) {
    super(code, { detail, cause });
  }
}

export class ForbiddenError extends AppError {
  constructor(detail: string, code: ErrorCodeWithStatus<403> = 'ERR_FORBIDDEN_ROLE') {
    super(code, { detail });
  }
}

export class ConflictError extends AppError {
  constructor(detail: string, code: ErrorCodeWithStatus<409> = 'ERR_CONFLICT') {
    super(code, { detail });
  }
}

/** Well-formed but impossible as sent (e.g. an idempotency key reused for another request). */
export class UnprocessableError extends AppError {
  constructor(detail: string, code: ErrorCodeWithStatus<422>) {
    super(code, { detail });
  }
}

/** A caller over its rate limit: answered with `Retry-After` (see rate-limits.ts). */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('ERR_RATE_LIMITED', {
      detail: `Too many requests in the current window; try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
    });
  }
}

/** An outside dependency (database, identity provider) failed: a 5xx, never disguised as bad input. */
export class ServiceUnavailableError extends AppError {
  constructor(detail: string, cause?: unknown) {
    super('ERR_SERVICE_UNAVAILABLE', { detail, cause });
  }
}
