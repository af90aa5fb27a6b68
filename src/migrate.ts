/** `npm run migrate`: apply pending migrations and install the job schema in DATABASE_URL (or the embedded PostgreSQL), then exit. */
import { loadConfig } from './config.js';
import { migrations } from './migrations.js';
import { startEmbeddedPostgres } from './platform/db/embedded-postgres.js';
import { createLogger } from './platform/logging/logger.js';
import { migrateDatabase } from './platform/runtime.js';

const config = loadConfig();
const logger = createLogger(config.logLevel === 'silent' ? 'info' : config.logLevel);
const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ ...config.embeddedPostgres, database: 'iaod' });
try {
  await migrateDatabase(config, config.databaseUrl ?? embedded?.url ?? '', logger, migrations);
  process.stdout.write('The schema is up to date.\n');
} finally {
  await embedded?.stop();
}
