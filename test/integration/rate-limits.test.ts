/**
 * Rate limits, counted in PostgreSQL: two app instances on the run's database share every count, a
 * signed-in caller is counted by subject, a caller without a valid token by client address (from
 * X-Forwarded-For, since TRUST_PROXY is on here), and pages answer in plain words. Each test calls
 * from addresses of its own and clears the counters of the users it uses, so earlier tests' calls as
 * the same demo users do not count.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { pino } from 'pino';
import { RateLimitedError } from '../../src/platform/http/errors.js';
import { COUNT_BATCH, COUNT_FLUSH_MS, createRateLimits } from '../../src/platform/http/rate-limits.js';
import { createSchemaValidator } from '../../src/platform/http/schema-validator.js';
import { loadApiSpec } from '../../src/platform/http/spec.js';
import { readTestEnvironment } from '../support/environment.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { subjectOf, tokenFor } from '../support/tokens.js';

const WINDOW_SECONDS = 3;
const PER_USER = 6;
const ANONYMOUS_PER_IP = 5;
const SIGN_IN_PER_IP = 3;

const LOW_LIMITS = {
  TRUST_PROXY: 'true',
  RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
  RATE_LIMIT_PER_USER: String(PER_USER),
  RATE_LIMIT_ANONYMOUS_PER_IP: String(ANONYMOUS_PER_IP),
  RATE_LIMIT_SIGN_IN_PER_IP: String(SIGN_IN_PER_IP),
};

/** An address from TEST-NET-3 (RFC 5737) no other test of this file uses. */
const usedAddresses = new Set<string>();
function newClientAddress(): string {
  for (;;) {
    const address = `203.0.113.${randomInt(1, 255)}`;
    if (!usedAddresses.has(address)) {
      usedAddresses.add(address);
      return address;
    }
  }
}

interface CallOptions {
  token?: string;
  from: string;
  accept?: string;
}

async function call(app: TestApp, path: string, options: CallOptions): Promise<Response> {
  const headers: Record<string, string> = { 'x-forwarded-for': options.from, accept: options.accept ?? 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return fetch(`${app.url}${path}`, { headers, redirect: 'manual' });
}

function retryAfterOf(response: Response): number {
  return Number(response.headers.get('retry-after'));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('rate limits', () => {
  let first: TestApp;
  let second: TestApp;
  let owner: pg.Pool;
  let problems: ReturnType<typeof createSchemaValidator>;
  let declares429: (path: string, method: string) => boolean;

  beforeAll(async () => {
    [first, second] = await Promise.all([startTestApp({ env: LOW_LIMITS }), startTestApp({ env: LOW_LIMITS })]);
    owner = new pg.Pool({ connectionString: readTestEnvironment().databaseUrl, max: 1 });
    const spec = await loadApiSpec(first.config.paths.spec);
    problems = createSchemaValidator(spec);
    declares429 = (path, method) => {
      const operation = (spec.paths?.[path] as Record<string, { responses?: Record<string, unknown> }> | undefined)?.[method];
      return operation?.responses?.['429'] !== undefined;
    };
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
    await owner.end();
  });

  /** Earlier tests called as these users, on apps with the suite's high limits and a longer window. */
  async function clearCountsOf(...usernames: string[]): Promise<void> {
    const keys = await Promise.all(usernames.map(async (username) => `user:${await subjectOf(username)}`));
    await owner.query('DELETE FROM rate_limit_counters WHERE key = ANY($1)', [keys]);
  }

  async function expectRateLimitedProblem(response: Response): Promise<void> {
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = retryAfterOf(response);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    const body = (await response.json()) as { code: string };
    expect(body.code).toBe('ERR_RATE_LIMITED');
    expect(problems.validate('Problem', body)).toEqual([]);
  }

  it('counts a user across two instances on one PostgreSQL, refuses on either once over, and lets them in after the window', async () => {
    await clearCountsOf('otto');
    const token = await tokenFor('otto');
    const from = newClientAddress();
    const instances = [first, second];
    // Split between the instances, the calls make one count.
    for (let i = 0; i < PER_USER; i += 1) {
      const response = await call(instances[i % 2] as TestApp, '/api/v1/me', { token, from });
      expect(response.status).toBe(200);
    }
    const overOnFirst = await call(first, '/api/v1/me', { token, from });
    const retryAfter = retryAfterOf(overOnFirst);
    await expectRateLimitedProblem(overOnFirst);
    // The second instance has not refused this user before: it learns it from the shared count.
    await expectRateLimitedProblem(await call(second, '/api/v1/me', { token, from }));
    expect(declares429('/me', 'get')).toBe(true);

    await sleep(retryAfter * 1000 + 200);
    expect((await call(first, '/api/v1/me', { token, from })).status).toBe(200);
    expect((await call(second, '/api/v1/me', { token, from })).status).toBe(200);
  });

  it('counts a busy caller in batches far below the limit, shares the count in a moment, holds it exactly on one instance', async () => {
    const config = { windowSeconds: 30, perUser: 100, anonymousPerIp: ANONYMOUS_PER_IP, signInPerIp: SIGN_IN_PER_IP };
    const instance = () =>
      createRateLimits({ config, pool: owner, addressKey: 'rate-limit-test-key-0123456789', logger: pino({ level: 'silent' }) });
    const [one, other] = [instance(), instance()];
    const subject = `batch-${randomUUID()}`;
    const countInStore = async () =>
      Number(
        (await owner.query<{ points: number }>('SELECT points FROM rate_limit_counters WHERE key = $1', [`user:${subject}`])).rows[0]
          ?.points,
      );

    for (let i = 0; i < 40; i += 1) await one.chargeUser(subject);
    await sleep(COUNT_FLUSH_MS * 4);
    expect(await countInStore()).toBe(40);
    // The other instance adds to the shared count; what it holds back is added within a moment.
    for (let i = 0; i < 20; i += 1) await other.chargeUser(subject);
    await sleep(COUNT_FLUSH_MS * 4);
    expect(await countInStore()).toBe(60);
    for (let i = 0; i < 40; i += 1) await one.chargeUser(subject);
    const refused = await one.chargeUser(subject).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(await countInStore()).toBe(101);
    // The other instance last heard 60: it may answer what it holds back (never more than a batch), and
    // refuses from the moment it adds them and hears the total.
    const answers: string[] = [];
    for (let i = 0; i <= COUNT_BATCH; i += 1)
      answers.push(
        await other.chargeUser(subject).then(
          () => 'answered',
          (error: unknown) => (error instanceof RateLimitedError ? 'refused' : String(error)),
        ),
      );
    const firstRefusal = answers.indexOf('refused');
    expect(firstRefusal).toBeGreaterThanOrEqual(0);
    expect(firstRefusal).toBeLessThanOrEqual(COUNT_BATCH);
    expect(new Set(answers.slice(firstRefusal))).toEqual(new Set(['refused']));
  });

  it('answers 429 instead of 401 to an address that keeps sending bad tokens, and only to that address', async () => {
    const attacker = newClientAddress();
    const bystander = newClientAddress();
    const forged = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.c2lnbmF0dXJl';
    const answers: number[] = [];
    for (let i = 0; i < ANONYMOUS_PER_IP + 3; i += 1) {
      answers.push((await call(i % 2 === 0 ? first : second, '/api/v1/me', { token: forged, from: attacker })).status);
    }
    expect(answers).toEqual([...Array<number>(ANONYMOUS_PER_IP).fill(401), 429, 429, 429]);
    await expectRateLimitedProblem(await call(first, '/api/v1/me', { from: attacker }));
    await expectRateLimitedProblem(await call(second, '/api/v1/programs', { token: forged, from: attacker }));

    // Another address is not held back; a signed-in caller at the attacker's address is counted by subject.
    expect((await call(first, '/api/v1/me', { token: forged, from: bystander })).status).toBe(401);
    await clearCountsOf('claire');
    expect((await call(second, '/api/v1/me', { token: await tokenFor('claire'), from: attacker })).status).toBe(200);
  });

  it('counts each user on their own: one over the limit leaves another from the same address untouched', async () => {
    await clearCountsOf('ana', 'ivan');
    const [ana, ivan] = await Promise.all([tokenFor('ana'), tokenFor('ivan')]);
    const from = newClientAddress();
    for (let i = 0; i < PER_USER; i += 1) expect((await call(first, '/api/v1/me', { token: ana, from })).status).toBe(200);
    await expectRateLimitedProblem(await call(second, '/api/v1/me', { token: ana, from }));
    for (let i = 0; i < PER_USER; i += 1) expect((await call(second, '/api/v1/me', { token: ivan, from })).status).toBe(200);
    await expectRateLimitedProblem(await call(first, '/api/v1/me', { token: ivan, from }));
  });

  it('answers a page over the limit with a plain-language 429 page, and never limits probes or assets', async () => {
    const from = newClientAddress();
    for (let i = 0; i < ANONYMOUS_PER_IP; i += 1) {
      expect((await call(i % 2 === 0 ? first : second, '/', { from, accept: 'text/html' })).status).toBe(200);
    }
    const page = await call(second, '/problems', { from, accept: 'text/html' });
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(retryAfterOf(page)).toBeGreaterThanOrEqual(1);
    expect(retryAfterOf(page)).toBeLessThanOrEqual(WINDOW_SECONDS);
    const html = await page.text();
    expect(html).toContain('<h1>Too many requests in a short time</h1>');
    expect(html).toMatch(/Wait a little while, then try again\./);
    expect(html).toMatch(/try again in [1-3] seconds?\./);
    expect(html).not.toMatch(/ERR_RATE_LIMITED|at \w+ \(/);

    for (const path of ['/healthz', '/readyz', '/metrics', '/assets/htmx.min.js']) {
      expect({ path, status: (await call(first, path, { from })).status }).toEqual({ path, status: 200 });
    }
  });

  it('limits page sign-ins per address more tightly than other pages', async () => {
    const from = newClientAddress();
    const answers: number[] = [];
    for (let i = 0; i < SIGN_IN_PER_IP + 1; i += 1) {
      answers.push((await call(i % 2 === 0 ? first : second, '/auth/login', { from, accept: 'text/html' })).status);
    }
    expect(answers).toEqual([...Array<number>(SIGN_IN_PER_IP).fill(302), 429]);
    // The other pages keep their own count.
    expect((await call(first, '/', { from, accept: 'text/html' })).status).toBe(200);
  });
});

describe('rate limits behind no trusted proxy', () => {
  let app: TestApp;
  let owner: pg.Pool;
  beforeAll(async () => {
    app = await startTestApp({ env: { ...LOW_LIMITS, TRUST_PROXY: 'false' } });
    owner = new pg.Pool({ connectionString: readTestEnvironment().databaseUrl, max: 1 });
  });
  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  it('counts by the connecting address, so a caller cannot escape its count by inventing X-Forwarded-For', async () => {
    // Every test connects from 127.0.0.1: start its count afresh (files run one at a time).
    await owner.query("DELETE FROM rate_limit_counters WHERE key LIKE 'anonymous:%'");
    const answers: number[] = [];
    for (let i = 0; i < ANONYMOUS_PER_IP + 1; i += 1) answers.push((await call(app, '/api/v1/me', { from: newClientAddress() })).status);
    expect(answers).toEqual([...Array<number>(ANONYMOUS_PER_IP).fill(401), 429]);
  });
});
