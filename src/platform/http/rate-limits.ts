/**
 * Rate limits per caller, counted in PostgreSQL (rate-limiter-flexible's PostgreSQL store, table
 * `rate_limit_counters`) so every instance of the service counts the same requests. A signed-in caller is
 * counted by subject; a caller without a valid token or session by client address (Express's `req.ip`,
 * which honours TRUST_PROXY), kept in the table only as an HMAC so it holds no addresses. Page sign-ins
 * have a tighter count of their own per address.
 *
 * Each counted request is one upsert, except far below the limit, where an instance adds a caller's requests
 * in batches (see `charge` below). Once a key is over its limit, the instance that saw it remembers the
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

/** Requests an instance may answer from its own count before adding them to PostgreSQL, and how long they wait. */
export const COUNT_BATCH = 32;
export const COUNT_FLUSH_MS = 50;

/** What an instance knows of a key's count: the total PostgreSQL last gave, when its window ends, what it has not added yet. */
interface Tally {
  consumed: number;
  resetsAt: number;
  pending: number;
  timer?: NodeJS.Timeout;
}

/** Keys past which expired tallies are swept out of memory. */
const TALLIES_SWEPT_AT = 10_000;

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
  const tallies = new Map<string, Tally>();

  /** Adds `count` requests to the key's count; throws RateLimiterRes when the total is over the limit. */
  const consume = async (key: string, count: number): Promise<RateLimiterRes> => {
    try {
      const result = await store.consume(key, count);
      storeFailing = false;
      return result;
    } catch (error) {
      if (error instanceof RateLimiterRes) throw error;
      if (!storeFailing)
        options.logger.warn({ err: error, limiter: name }, 'rate-limit counters unavailable; counting in this instance only');
      storeFailing = true;
      return fallback.consume(key, count);
    }
  };

  /** A refusal from the library's in-memory block carries no count: it is taken as over the limit. */
  const remember = (key: string, result: RateLimiterRes, refused: boolean) => {
    const tally = tallies.get(key) ?? { consumed: 0, resetsAt: 0, pending: 0 };
    tally.consumed = refused ? Math.max(result.consumedPoints, points + 1) : result.consumedPoints;
    tally.resetsAt = Date.now() + result.msBeforeNext;
    tallies.set(key, tally);
    if (tallies.size > TALLIES_SWEPT_AT) {
      const now = Date.now();
      for (const [other, kept] of tallies) if (kept.resetsAt <= now && kept.pending === 0 && !kept.timer) tallies.delete(other);
    }
  };

  /** Counts `count` requests in PostgreSQL now: the total comes back, or RateLimiterRes over the limit. */
  const countNow = async (key: string, count: number): Promise<void> => {
    try {
      remember(key, await consume(key, count), false);
    } catch (error) {
      if (error instanceof RateLimiterRes) remember(key, error, true);
      throw error;
    }
  };

  const addPending = (key: string, tally: Tally) => {
    tally.timer = undefined;
    const count = tally.pending;
    tally.pending = 0;
    if (count > 0)
      countNow(key, count).catch((error: unknown) => {
        // Requests already answered; an over-limit total only makes the key's next request wait for PostgreSQL.
        if (!(error instanceof RateLimiterRes)) options.logger.warn({ err: error, limiter: name }, 'rate-limit counts not added');
      });
  };

  /**
   * Far below the limit (a batch and more to spare), a request is answered from the instance's own count and
   * added to PostgreSQL with the others of its key, at most COUNT_BATCH of them and COUNT_FLUSH_MS later: a busy
   * caller costs the database an upsert per batch, not per request. Near the limit, at a window's end, or for a key
   * not seen in this window, each request is counted in PostgreSQL (with what waits) before it is answered, so
   * the limit holds exactly for one instance, and with several it is passed by at most a batch per other instance.
   */
  const charge = async (key: string): Promise<void> => {
    const tally = tallies.get(key);
    const now = Date.now();
    if (
      tally &&
      now < tally.resetsAt - COUNT_FLUSH_MS &&
      tally.pending < COUNT_BATCH &&
      tally.consumed + tally.pending + 1 <= points - COUNT_BATCH
    ) {
      tally.pending += 1;
      tally.timer ??= setTimeout(() => addPending(key, tally), COUNT_FLUSH_MS).unref();
      return;
    }
    const waiting = tally?.pending ?? 0;
    if (tally) {
      clearTimeout(tally.timer);
      tally.timer = undefined;
      tally.pending = 0;
    }
    await countNow(key, waiting + 1);
  };

  return {
    async charge(key) {
      try {
        await charge(key);
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
