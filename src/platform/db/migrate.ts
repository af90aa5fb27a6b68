/**
 * Schema migrations with umzug, run at start (and by `npm run migrate`) as the owner role. Several app
 * instances may start at once: a PostgreSQL advisory lock lets one migrate while the others wait. The
 * list comes from the composition root (src/migrations.ts): the platform imports no module.
 */
import { Umzug, SequelizeStorage, type MigrationParams } from 'umzug';
import type { QueryInterface, Sequelize } from 'sequelize';
import type { Logger } from 'pino';
import type { UserDirectory } from '../auth/user-directory.js';
import { grantAppRole, type AppRole } from './app-role.js';

export type MigrationContext = {
  queryInterface: QueryInterface;
  sequelize: Sequelize;
  /** The identity provider's users, for data kept by user name before; undefined where none was given. */
  directory: UserDirectory | undefined;
  logger: Logger;
};
export type Migration = {
  name: string;
  up(params: MigrationParams<MigrationContext>): Promise<void>;
  down?(params: MigrationParams<MigrationContext>): Promise<void>;
};

/** The directory, for a migration that has user names to map; without one it cannot run. */
export function directoryFor(context: MigrationContext, migration: string): UserDirectory {
  if (!context.directory) throw new Error(`migration ${migration} maps user names to subjects and needs the identity provider's users`);
  return context.directory;
}

const MIGRATION_LOCK_KEY = 7_420_001;

function createMigrator(sequelize: Sequelize, logger: Logger, migrations: Migration[], directory?: UserDirectory) {
  return new Umzug<MigrationContext>({
    migrations: migrations.map((m) => ({ name: m.name, up: m.up, down: m.down })),
    context: { queryInterface: sequelize.getQueryInterface(), sequelize, directory, logger },
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: {
      info: (event) => logger.info(event, 'migration'),
      warn: (event) => logger.warn(event, 'migration'),
      error: (event) => logger.error(event, 'migration'),
      debug: (event) => logger.debug(event, 'migration'),
    },
  });
}

export interface MigrateOptions {
  migrations: Migration[];
  /** Handed to the migrations that need the identity provider's users. */
  directory?: UserDirectory;
}

export async function migrateToLatest(sequelize: Sequelize, logger: Logger, options: MigrateOptions): Promise<string[]> {
  const migrator = createMigrator(sequelize, logger, options.migrations, options.directory);
  // The lock is per session, so hold one connection for the whole run.
  return sequelize.transaction(async (transaction) => {
    await sequelize.query('SELECT pg_advisory_xact_lock(:key)', { replacements: { key: MIGRATION_LOCK_KEY }, transaction });
    const applied = await migrator.up();
    return applied.map((m) => m.name);
  });
}

/**
 * Grants the app's role its privileges on everything the migrations and the job schema made; under the
 * migration lock, as concurrent GRANTs on one object collide.
 */
export async function grantAfterMigrations(sequelize: Sequelize, role: AppRole): Promise<void> {
  await sequelize.transaction(async (transaction) => {
    await sequelize.query('SELECT pg_advisory_xact_lock(:key)', { replacements: { key: MIGRATION_LOCK_KEY }, transaction });
    await grantAppRole(sequelize, transaction, role);
  });
}

export async function pendingMigrations(sequelize: Sequelize, logger: Logger, migrations: Migration[]): Promise<string[]> {
  const pending = await createMigrator(sequelize, logger, migrations).pending();
  return pending.map((m) => m.name);
}
