/** `npm run migrate`: apply pending migrations and install the job schema in DATABASE_URL (or the embedded PostgreSQL), then exit. */
import { loadConfig } from './config.js';
import { migrations } from './migrations.js';
import { startDevProvider } from './platform/auth/dev-provider.js';
import { loadRealm } from './platform/auth/realm.js';
import { createKeycloakUserDirectory } from './platform/auth/user-directory.js';
import { startEmbeddedPostgres } from './platform/db/embedded-postgres.js';
import { createLogger } from './platform/logging/logger.js';
import { migrateDatabase } from './platform/runtime.js';

const config = loadConfig();
const logger = createLogger(config.logLevel === 'silent' ? 'info' : config.logLevel);
const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ ...config.embeddedPostgres, database: 'iaod' });
// Some migrations ask the identity provider who a user name is: the configured one, or a development
// provider on a free port for as long as the migrations run.
const devProvider = config.oidc.issuer
  ? undefined
  : await startDevProvider({
      realm: await loadRealm(config.paths.realm),
      port: 0,
      keysDir: config.paths.keys,
      lockout: config.oidc.devProviderLockout,
    });
try {
  const issuer = config.oidc.issuer ?? devProvider?.issuer ?? '';
  const directory = createKeycloakUserDirectory({ issuer, ...config.oidc.directory });
  await migrateDatabase(config, config.databaseUrl ?? embedded?.url ?? '', logger, migrations, directory);
  process.stdout.write('The schema is up to date.\n');
} finally {
  await devProvider?.close();
  await embedded?.stop();
}
