/**
 * Rate limits per caller, counted in PostgreSQL (rate-limiter-flexible's PostgreSQL store, table
 * `rate_limit_counters`) so every instance of the service counts the same requests. A signed-in caller is
 * counted by subject; a caller without a valid token or session by client address (Express's `req.ip`,
 * which honours TRUST_PROXY), kept in the table only as an HMAC so it holds no addresses. Page sign-ins
 * have a tighter count of their own per address.
 *
 * Each counted request is one upsert. Once a key is over its limit, the instance that saw it remembers the
 * key in memory until the window ends and refuses it without asking PostgreSQL (the library's in-memory
 * block), so a flood costs the database nothing more. Should PostgreSQL fail, each instance counts alone
 * until it answers again, and says so in the log.
 */
import { createHmac } from 'node:crypto';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../../config.js';
import { RateLimitedError } from './errors.js';

export const RATE_LIMIT_TABLE = 'rate_limit_counters';

export interface RateLimits {
  /** Counts a request of a signed-in person or client, by the provider's subject. Throws RateLimitedError over the limit. */
  chargeUser(subject: string): Promise<void>;
  /** Counts a request without a valid token or session, by client address. Throws RateLimitedError over the limit. */
  chargeAnonymous(address: string | undefined): Promise<void>;
  /** Counts a page sign-in step, by client address. Throws RateLimitedError over the limit. */
  chargeSignIn(address: string | undefined): Promise<void>;
}

export interface CreateRateLimitsOptions {
  config: RateLimitConfig;
  /** The pool the counters are upserted on (the app role's). */
  pool: pg.Pool;
  /** Keys the HMAC of client addresses; every instance must hold the same one. */
  addressKey: string;
  logger: Logger;
}

/** Seconds until the window ends, as `Retry-After` says it: a whole number, at least 1. */
function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/** A subject is an id and stays readable; one too long for the key column is hashed. */
function userKey(subject: string): string {
  return subject.length <= 200 ? subject : createHmac('sha256', 'rate-limit-user').update(subject).digest('base64url');
}

interface Limiter {
  charge(key: string): Promise<void>;
}

function createLimiter(name: string, points: number, options: CreateRateLimitsOptions, clearExpired: boolean): Limiter {
  const duration = options.config.windowSeconds;
  const store = new RateLimiterPostgres({
    storeClient: options.pool,
    storeType: 'pool',
    tableName: RATE_LIMIT_TABLE,
    // Created by the platform's migration: the app role may not create tables.
    tableCreated: true,
    // One limiter per instance deletes rows expired an hour ago, every five minutes.
    clearExpiredByTimeout: clearExpired,
    keyPrefix: name,
    points,
    duration,
    // Over the limit, the key is refused from memory until its window ends.
    inMemoryBlockOnConsumed: points + 1,
  });
  const fallback = new RateLimiterMemory({ keyPrefix: name, points, duration });
  let storeFailing = false;

  const consume = async (key: string): Promise<void> => {
    try {
      await store.consume(key);
      storeFailing = false;
    } catch (error) {
      if (error instanceof RateLimiterRes) throw error;
      if (!storeFailing)
        options.logger.warn({ err: error, limiter: name }, 'rate-limit counters unavailable; counting in this instance only');
      storeFailing = true;
      await fallback.consume(key);
    }
  };
  return {
    async charge(key) {
      try {
        await consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw new RateLimitedError(retryAfterSeconds(error.msBeforeNext));
        throw error;
      }
    },
  };
}

export function createRateLimits(options: CreateRateLimitsOptions): RateLimits {
  const { config } = options;
  const user = createLimiter('user', config.perUser, options, true);
  const anonymous = createLimiter('anonymous', config.anonymousPerIp, options, false);
  const signIn = createLimiter('sign-in', config.signInPerIp, options, false);
  const addressKey = (address: string | undefined) =>
    createHmac('sha256', options.addressKey)
      .update(address ?? 'unknown')
      .digest('base64url');
  return {
    chargeUser: (subject) => user.charge(userKey(subject)),
    chargeAnonymous: (address) => anonymous.charge(addressKey(address)),
    chargeSignIn: (address) => signIn.charge(addressKey(address)),
  };
}

/**
 * Each API request is counted once: by subject once its token is accepted (whatever happens next), by
 * address when it has none, a refused one, or asks for something that does not exist.
 */
async function chargeApiRequest(limits: RateLimits, req: Request): Promise<void> {
  if (req.rateLimitCharged) return;
  req.rateLimitCharged = true;
  if (req.principal) await limits.chargeUser(req.principal.subject);
  else await limits.chargeAnonymous(req.ip);
}

/** After authentication and validation, before the handler. */
export function chargeApiRequests(limits: RateLimits): RequestHandler {
  return (req, _res, next) => {
    chargeApiRequest(limits, req).then(() => next(), next);
  };
}

/** Before the problem mapper: a refused request counts too (a flood of bad tokens is answered 429, not 401). */
export function chargeRefusedApiRequests(limits: RateLimits): ErrorRequestHandler {
  return (err, req, _res, next) => {
    chargeApiRequest(limits, req).then(
      () => next(err),
      (error: unknown) => next(error instanceof RateLimitedError ? error : err),
    );
  };
}
