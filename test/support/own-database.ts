/**
 * An app on a PostgreSQL database of the test file's own, on the run's server, dropped on close: for tests
 * that change what every other file relies on (erasing a demo user's data), so the run's shared database
 * never sees it.
 */
import { createDatabaseIfMissing, dropDatabase } from '../../src/platform/db/embedded-postgres.js';
import { readTestEnvironment } from './environment.js';
import { startTestApp, type TestApp } from './harness.js';

export async function startTestAppOnOwnDatabase(
  prefix: string,
  { env = {}, port }: { env?: Record<string, string>; port?: number } = {},
): Promise<TestApp> {
  const database = `iaod_${prefix}_${Date.now()}_${process.pid}`;
  const adminUrl = Object.assign(new URL(readTestEnvironment().databaseUrl), { pathname: '/postgres' }).href;
  await createDatabaseIfMissing(adminUrl, database);
  let testApp: TestApp;
  try {
    testApp = await startTestApp({
      port,
      env: { ...env, DATABASE_URL: Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href },
    });
  } catch (error) {
    await dropDatabase(adminUrl, database);
    throw error;
  }
  const close = testApp.close.bind(testApp);
  return Object.assign(testApp, {
    close: async () => {
      await close();
      await dropDatabase(adminUrl, database);
    },
  });
}
