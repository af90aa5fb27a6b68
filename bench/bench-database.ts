/**
 * A database of the benchmark's own, dropped afterwards: on DATABASE_URL's server when it is set, else on an embedded
 * PostgreSQL under .data/bench-postgres. `work` gets the owner's URL (migrate with it).
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { createDatabaseIfMissing, dropDatabase, startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.js';

export async function withBenchDatabase<T>(label: string, work: (ownerUrl: string) => Promise<T>): Promise<T> {
  const stops: Array<() => Promise<void>> = [];
  const database = `iaod_bench_${label}_${Date.now()}`;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = Object.assign(new URL(process.env.DATABASE_URL), { pathname: '/postgres' }).href;
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, '.data', 'bench-postgres'), port: 54369, database });
    adminUrl = embedded.adminUrl;
    stops.push(() => embedded.stop());
  }
  await createDatabaseIfMissing(adminUrl, database);
  stops.push(() => dropDatabase(adminUrl, database));
  try {
    return await work(Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href);
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
