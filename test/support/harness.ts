/**
 * Boots the real app for a test, on the run's database and identity provider, listening on a real
 * port (browser tests and sign-in redirects need one).
 */
import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { DestinationStream } from 'pino';
import { createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createAccessTokenVerifier, type AccessTokenVerifier } from '../../src/platform/auth/access-token.js';
import { loadApiSpec } from '../../src/platform/http/spec.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import type { OutboxConsumer } from '../../src/platform/outbox/consumer.js';
import { startRuntime, type Runtime } from '../../src/platform/runtime.js';
import { migrations } from '../../src/migrations.js';
import { createOutboxConsumers } from '../../src/outbox-consumers.js';
import { startJobWorkers } from '../../src/job-workers.js';
import { readTestEnvironment } from './environment.js';

export interface TestApp {
  app: Express;
  /** The HTTP server the app listens on (tests that watch connections). */
  server: http.Server;
  url: string;
  config: Config;
  runtime: Runtime;
  close(): Promise<void>;
}

export interface StartTestAppOptions {
  /** Listen here instead of a free port (the browser test uses the port the realm allows). */
  port?: number;
  /** Replace the token verifier (e.g. a shifted clock or another trusted issuer). */
  verifier?: (defaults: { issuer: string; audience: string; webClientId: string }) => AccessTokenVerifier;
  env?: Record<string, string>;
  /** Outbox consumers to register next to the product's own. */
  outboxConsumers?: OutboxConsumer[];
  /** The clock the outbox relay's back-off is measured by. */
  now?: () => Date;
  /** Where the app's logger writes (with `env.LOG_LEVEL`), instead of stdout. */
  logStream?: DestinationStream;
}

export async function startTestApp(options: StartTestAppOptions = {}): Promise<TestApp> {
  const environment = readTestEnvironment();
  const server = http.createServer();
  // Keycloak only redirects to the ports its realm lists; the development provider accepts any
  // loopback port, so there a free one avoids clashes between runs on one machine.
  const port = environment.identityBackend === 'keycloak' ? (options.port ?? 0) : 0;
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const { port: listening } = server.address() as AddressInfo;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(listening),
    PUBLIC_URL: `http://localhost:${listening}`,
    DATABASE_URL: environment.databaseUrl,
    OIDC_ISSUER: environment.issuer,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // The limiter stays on, but every test calls from 127.0.0.1 as the same few demo users: limits high
    // enough for the suite; the rate-limit tests set their own.
    RATE_LIMIT_PER_USER: '1000000',
    RATE_LIMIT_ANONYMOUS_PER_IP: '1000000',
    RATE_LIMIT_SIGN_IN_PER_IP: '1000000',
    // The test files share one database per run and the realm has two applicants, whose drafts and
    // uploads pile up across files: the quotas are lifted unless a test sets them (test/integration/quotas.test.ts).
    QUOTA_OPEN_DRAFTS: '10000',
    QUOTA_DOCUMENT_BYTES: String(Number.MAX_SAFE_INTEGER),
    ...options.env,
  });
  const logger = createLogger(config.logLevel, options.logStream);
  const runtime = await startRuntime(config, logger, {
    migrations,
    outboxConsumers: (started) => [...createOutboxConsumers({ config, logger, ...started }), ...(options.outboxConsumers ?? [])],
    jobWorkers: (started) => startJobWorkers({ config, logger, ...started }),
    now: options.now,
  });
  const verifier = options.verifier
    ? options.verifier({ issuer: runtime.issuer, audience: config.oidc.audience, webClientId: config.oidc.clientId })
    : runtime.verifier;
  const app = createApp({ config, logger, spec: await loadApiSpec(config.paths.spec), ...runtime, verifier });
  server.on('request', app);
  return {
    app,
    server,
    url: `http://localhost:${listening}`,
    config,
    runtime,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.stop();
    },
  };
}

export { createAccessTokenVerifier };
