/**
 * When PostgreSQL does not answer, each instance keeps counting on its own (and says so once in the log)
 * rather than letting everyone through or refusing everyone. The store is a real pool to a port where
 * nothing listens.
 */
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { pino } from 'pino';
import { RateLimitedError } from '../../../../src/platform/http/errors.js';
import { createRateLimits } from '../../../../src/platform/http/rate-limits.js';

describe('rate limits without PostgreSQL', () => {
  const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/nothing', connectionTimeoutMillis: 1000 });
  afterAll(async () => {
    await pool.end();
  });

  it('counts in the instance, refuses over the limit with Retry-After, and logs the outage once', async () => {
    const lines: Array<{ msg: string; limiter?: string }> = [];
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString('utf8')) as { msg: string });
          done();
        },
      }),
    );
    const limits = createRateLimits({
      config: { windowSeconds: 30, perUser: 3, anonymousPerIp: 2, signInPerIp: 1 },
      pool,
      addressKey: 'test-address-key-0123456789',
      logger,
    });
    for (let i = 0; i < 3; i += 1) await limits.chargeUser('subject-1');
    const refusal = await limits.chargeUser('subject-1').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect((refusal as RateLimitedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refusal as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(30);
    // Another subject has its own count.
    await expect(limits.chargeUser('subject-2')).resolves.toBeUndefined();
    expect(lines.filter((line) => line.limiter === 'user').map((line) => line.msg)).toEqual([
      'rate-limit counters unavailable; counting in this instance only',
    ]);
  });
});
