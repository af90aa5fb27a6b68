/** Starts what the suite needs once per run: a fresh database and, without OIDC_ISSUER, the development provider. */
import path from 'node:path';
import { createDatabaseIfMissing, dropDatabase, startEmbeddedPostgres } from '../../src/platform/db/embedded-postgres.js';
import { startDevProvider } from '../../src/platform/auth/dev-provider.js';
import { loadRealm } from '../../src/platform/auth/realm.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { copyTemplateCluster } from './postgres-cluster.js';
import { testRunDevProviderLockout } from './sign-in-lockout.js';

interface Running {
  stops: Array<() => Promise<void>>;
}

declare global {
  var __iaodTestRun: Running | undefined;
}

function adminUrlOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.href;
}

export async function startRunServices(): Promise<void> {
  const running: Running = { stops: [] };
  globalThis.__iaodTestRun = running;
  const database = `iaod_test_${Date.now()}_${process.pid}`;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = adminUrlOf(process.env.DATABASE_URL);
    await createDatabaseIfMissing(adminUrl, database);
  } else {
    const folder = await copyTemplateCluster('suite');
    running.stops.push(() => folder.remove());
    const embedded = await startEmbeddedPostgres({ dataDir: folder.dataDir, port: folder.port, database });
    adminUrl = embedded.adminUrl;
    running.stops.push(() => embedded.stop());
  }
  running.stops.push(() => dropDatabase(adminUrl, database));
  const testUrl = new URL(adminUrl);
  testUrl.pathname = `/${database}`;
  process.env.IAOD_TEST_DATABASE_URL = testUrl.href;

  if (process.env.OIDC_ISSUER) {
    process.env.IAOD_TEST_OIDC_ISSUER = process.env.OIDC_ISSUER.replace(/\/+$/, '');
  } else {
    const provider = await startDevProvider({
      realm: await loadRealm(path.join(PROJECT_ROOT, 'keycloak', 'realm.json')),
      port: 0,
      keysDir: path.join(PROJECT_ROOT, '.data', 'test-keys'),
      lockout: testRunDevProviderLockout(),
    });
    running.stops.push(() => provider.close());
    process.env.IAOD_TEST_OIDC_ISSUER = provider.issuer;
  }
}

export async function stopRunServices(): Promise<void> {
  const running = globalThis.__iaodTestRun;
  if (!running) return;
  // Drop the run's database before stopping the server it lives on.
  for (const stop of running.stops.reverse()) await stop();
  globalThis.__iaodTestRun = undefined;
}
