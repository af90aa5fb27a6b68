/**
 * A database of the file's own on the run's PostgreSQL, for tests that migrate a schema step by step:
 * created before the file's tests, dropped after them.
 */
import { afterAll, beforeAll } from '@jest/globals';
import { connectDatabase, type Database } from '../../src/platform/db/database.js';
import { createDatabaseIfMissing, dropDatabase } from '../../src/platform/db/embedded-postgres.js';
import type { Logger } from 'pino';
import { readTestEnvironment } from './environment.js';

/** Registers the hooks; the answer gives the connected database inside the tests. */
export function useScratchDatabase(prefix: string, logger: Logger): () => Database {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const adminUrl = Object.assign(new URL(readTestEnvironment().databaseUrl), { pathname: '/postgres' }).href;
  let database: Database | undefined;
  beforeAll(async () => {
    await createDatabaseIfMissing(adminUrl, name);
    database = connectDatabase(Object.assign(new URL(adminUrl), { pathname: `/${name}` }).href, logger);
  });
  afterAll(async () => {
    await database?.close();
    await dropDatabase(adminUrl, name);
  });
  return () => {
    if (!database) throw new Error(`the scratch database ${name} is not connected yet`);
    return database;
  };
}
