/** `npm run migrate`: apply pending migrations to DATABASE_URL (or the embedded PostgreSQL) and exit. */
import { loadConfig } from './config.js';
import { connectDatabase } from './platform/db/database.js';
import { startEmbeddedPostgres } from './platform/db/embedded-postgres.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { createLogger } from './platform/logging/logger.js';

const config = loadConfig();
const logger = createLogger(config.logLevel === 'silent' ? 'info' : config.logLevel);
const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ ...config.embeddedPostgres, database: 'iaod' });
const database = connectDatabase(config.databaseUrl ?? embedded?.url ?? '', logger);
try {
  const applied = await migrateToLatest(database.sequelize, logger);
  process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'Nothing to apply: the schema is up to date.\n');
} finally {
  await database.close();
  await embedded?.stop();
}
