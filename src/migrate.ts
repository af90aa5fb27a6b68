/** `npm run migrate`: apply pending migrations and install the job schema in DATABASE_URL (or the embedded PostgreSQL), then exit. */
import { loadConfig } from './config.js';
import { connectDatabase } from './platform/db/database.js';
import { startEmbeddedPostgres } from './platform/db/embedded-postgres.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { installJobSchema } from './platform/jobs/install-job-schema.js';
import { PLATFORM_JOB_QUEUES } from './platform/jobs/job-queues.js';
import { createLogger } from './platform/logging/logger.js';

const config = loadConfig();
const logger = createLogger(config.logLevel === 'silent' ? 'info' : config.logLevel);
const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ ...config.embeddedPostgres, database: 'iaod' });
const databaseUrl = config.databaseUrl ?? embedded?.url ?? '';
const database = connectDatabase(databaseUrl, logger);
try {
  const applied = await migrateToLatest(database.sequelize, logger);
  await installJobSchema({ connectionString: databaseUrl, queues: PLATFORM_JOB_QUEUES });
  process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'Nothing to apply: the schema is up to date.\n');
} finally {
  await database.close();
  await embedded?.stop();
}
