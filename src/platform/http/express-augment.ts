/** What our middleware adds to every Express request. */
import type { Logger } from 'pino';
import type { AppError } from './errors.js';
import type { Principal } from '../auth/principal.js';

declare global {
  // Express's own typings are extended through this namespace.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      id: string;
      log: Logger;
      /** The authenticated caller of an API request (bearer token) or a page (session). */
      principal?: Principal;
      /** Why API authentication failed, kept for the problem middleware (the validator drops it). */
      authError?: AppError;
      /** Set once the request has been counted against its caller's rate limit (see rate-limits.ts). */
      rateLimitCharged?: boolean;
      /** A body that failed to parse, reported once authentication has passed. */
      deferredBodyError?: unknown;
    }
  }
}

export {};
