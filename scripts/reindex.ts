/**
 * `npm run reindex`: rebuilds every analytics index in OpenSearch (OPENSEARCH_URL, names under
 * OPENSEARCH_INDEX_PREFIX) from PostgreSQL (DATABASE_URL, or the embedded one): after a mapping change, a
 * restore, or an index lost. The outbox consumer goes on indexing the changes that follow.
 */
import { loadConfig } from '../src/config.js';
import { createAnalyticsStore, reindexAnalytics } from '../src/modules/analytics/index.js';
import { connectDatabase } from '../src/platform/db/database.js';
import { startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.js';
import { createLogger } from '../src/platform/logging/logger.js';

const config = loadConfig();
if (!config.opensearchUrl) {
  console.error('reindex: OPENSEARCH_URL is not set; there is no index to rebuild (the dashboards read PostgreSQL).');
  process.exit(2);
}
const logger = createLogger(config.logLevel === 'silent' ? 'info' : config.logLevel);
const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ ...config.embeddedPostgres, database: 'iaod' });
const database = connectDatabase(config.databaseUrl ?? embedded?.url ?? '', logger, 4);
const store = createAnalyticsStore({ url: config.opensearchUrl, indexPrefix: config.opensearchIndexPrefix, requestTimeoutMs: 60_000 });
try {
  const started = performance.now();
  const result = await reindexAnalytics({ sequelize: database.sequelize, store });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `reindex: ${result.applications} applications, ${result.claims} claims and ${result.events} events: ` +
      `${result.documents} documents in ${seconds} s under ${config.opensearchIndexPrefix}-*`,
  );
} finally {
  await store.close();
  await database.close();
  await embedded?.stop();
}
