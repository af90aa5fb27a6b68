/**
 * A running app for benchmarks, built like production: PostgreSQL (DATABASE_URL, or an embedded one
 * under .data/bench-postgres), the development OpenID provider with extra synthetic applicants, no
 * response validation, no logs. Each run uses a fresh database.
 */
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { createApp } from '../src/app.js';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { startDevProvider, type DevProvider } from '../src/platform/auth/dev-provider.js';
import { parseRealm } from '../src/platform/auth/realm.js';
import { createDatabaseIfMissing, dropDatabase, startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.js';
import { loadApiSpec } from '../src/platform/http/spec.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { startRuntime } from '../src/platform/runtime.js';
import { migrations } from '../src/migrations.js';

export interface BenchStack {
  url: string;
  app: Express;
  issuer: string;
  /** Usernames of applicants with distinct national IDs (password `demo`). */
  applicants: string[];
  /** The database as its owner, for seeding with SQL. */
  ownerUrl: string;
  token(username: string): Promise<string>;
  stop(): Promise<void>;
}

async function realmWithApplicants(count: number) {
  const document = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'keycloak', 'realm.json'), 'utf8')) as { users: object[] };
  const applicants = Array.from({ length: count }, (_, i) => `bench-applicant-${String(i + 1).padStart(2, '0')}`);
  document.users.push(
    ...applicants.map((username, i) => ({
      username,
      enabled: true,
      firstName: 'Bench',
      lastName: `Applicant ${i + 1}`,
      email: `${username}@example.org`,
      credentials: [{ type: 'password', value: 'demo', temporary: false }],
      realmRoles: ['applicant'],
      attributes: { national_id: [`NID-B${String(i + 1).padStart(4, '0')}`] },
    })),
  );
  return { realm: parseRealm(document, 'bench realm'), applicants };
}

export async function startBenchStack(applicantCount = 20): Promise<BenchStack> {
  const stops: Array<() => Promise<void>> = [];
  const database = `iaod_bench_${Date.now()}`;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    adminUrl = url.href;
    await createDatabaseIfMissing(adminUrl, database);
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, '.data', 'bench-postgres'), port: 54369, database });
    adminUrl = embedded.adminUrl;
    stops.push(() => embedded.stop());
  }
  stops.push(() => dropDatabase(adminUrl, database));
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;

  const keysDir = await mkdtemp(path.join(os.tmpdir(), 'iaod-bench-keys-'));
  const documentDir = await mkdtemp(path.join(os.tmpdir(), 'iaod-bench-documents-'));
  stops.push(() => rm(keysDir, { recursive: true, force: true }));
  stops.push(() => rm(documentDir, { recursive: true, force: true }));
  const { realm, applicants } = await realmWithApplicants(applicantCount);
  const provider: DevProvider = await startDevProvider({ realm, port: 0, keysDir, lockout: loadConfig({}).oidc.devProviderLockout });
  stops.push(() => provider.close());

  const server = http.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const config = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'benchmark-session-secret-0123456789',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl.href,
    DATABASE_APP_PASSWORD: 'benchmark-app-password',
    AUDIT_CHECKPOINT_KEY: 'benchmark-audit-checkpoint-key',
    REFERENCE_KEY: 'benchmark-reference-key',
    OIDC_ISSUER: provider.issuer,
    LOG_LEVEL: 'silent',
    VALIDATE_RESPONSES: 'false',
    DOCUMENT_DIR: documentDir,
    // One instance: its issuer key is generated on first start, in this run's temporary folder.
    ISSUER_KEY_FILE: path.join(keysDir, 'issuer-keys.json'),
    ISSUER_KEY_GENERATE: 'true',
    // The limiter stays on and counts every request; its limits are set above what the load sends.
    RATE_LIMIT_PER_USER: '1000000000',
    RATE_LIMIT_ANONYMOUS_PER_IP: '1000000000',
  });
  const logger = createLogger('silent');
  const runtime = await startRuntime(config, logger, { migrations });
  stops.push(() => runtime.stop());
  const app = createApp({ config, logger, spec: await loadApiSpec(config.paths.spec), ...runtime });
  server.on('request', app);
  stops.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    issuer: provider.issuer,
    applicants,
    ownerUrl: databaseUrl.href,
    async token(username) {
      const response = await fetch(discovery.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', client_id: 'iaod-tests', username, password: 'demo' }),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!body.access_token) throw new Error(`no token for ${username}`);
      return body.access_token;
    },
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
