/**
 * Starts what the app stands on, from the configuration: the OpenID provider (a configured one or the
 * built-in development one) and its user directory, the database (a server or an embedded one),
 * migrations (which may ask the directory) and the job schema, the audit checkpoints and the outbox relay.
 * `main.ts` and the test harness share this, so tests boot the product the way users do.
 */
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createAccessTokenVerifier, type AccessTokenVerifier } from './auth/access-token.js';
import { startDevProvider, type DevProvider } from './auth/dev-provider.js';
import { loadRealm } from './auth/realm.js';
import { createKeycloakUserDirectory, type UserDirectory } from './auth/user-directory.js';
import { connectDatabase, type Database } from './db/database.js';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './db/embedded-postgres.js';
import { startCheckpointSealer } from './audit/checkpoint.js';
import { appRoleUrl, roleOfUrl, type AppRole } from './db/app-role.js';
import { grantAfterMigrations, migrateToLatest, type Migration } from './db/migrate.js';
import { loadIssuerKeys, type IssuerKeySet } from './keys/index.js';
import { installJobSchema } from './jobs/install-job-schema.js';
import { PLATFORM_JOB_QUEUES } from './jobs/job-queues.js';
import { startJobs, type Jobs } from './jobs/start-jobs.js';
import type { OutboxConsumer } from './outbox/consumer.js';
import { startOutboxWorker } from './outbox/start-outbox-worker.js';
import { startThreadPool, type ThreadData, type ThreadPool } from './threads/thread-pool.js';

export interface Runtime {
  database: Database;
  sessionPool: pg.Pool;
  /** pg-boss on the app's connection, for the workers of this instance. */
  jobs: Jobs;
  issuer: string;
  verifier: AccessTokenVerifier;
  /** The provider's users and their roles, through its admin API. */
  directory: UserDirectory;
  /** Set when the built-in development provider runs. */
  devProvider: DevProvider | undefined;
  /** The keys vouchers are signed and checked with. */
  issuerKeys: IssuerKeySet;
  /** Threads for CPU-bound work, each given the issuer keys and the public URL (see `ThreadData`). */
  threads: ThreadPool;
  stop(): Promise<void>;
}

/** What the runtime has started by the time it builds the outbox consumers (before the relay runs). */
export type OutboxConsumerRuntime = Pick<Runtime, 'database' | 'issuerKeys' | 'threads' | 'directory'>;

/** What the runtime has started by the time it starts the scheduled jobs' workers. */
export type JobWorkerRuntime = Pick<Runtime, 'database' | 'jobs' | 'directory' | 'issuerKeys'>;

/** The scheduled jobs' workers of this instance, from the composition root. */
export interface JobWorkers {
  stop(): Promise<void>;
}

export interface StartRuntimeOptions {
  /** Every migration, from the composition root. */
  migrations: Migration[];
  /** Extra redirect URIs the development provider should allow (tests on random ports). */
  extraRedirectUris?: string[];
  /**
   * The outbox consumers, from the composition root: a list, or a function of what the runtime has started
   * (a consumer that writes through a module's service needs the database and the issuer keys).
   */
  outboxConsumers?: readonly OutboxConsumer[] | ((started: OutboxConsumerRuntime) => readonly OutboxConsumer[]);
  /** The clock the outbox relay's back-off is measured by (tests move it instead of waiting). */
  now?: () => Date;
  /** Starts the scheduled jobs' workers (retention), from the composition root. */
  jobWorkers?: (started: JobWorkerRuntime) => Promise<JobWorkers>;
}

export async function startRuntime(config: Config, logger: Logger, options: StartRuntimeOptions): Promise<Runtime> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) {
      try {
        await step();
      } catch (error) {
        logger.warn({ err: error }, 'shutdown step failed');
      }
    }
  };
  try {
    // A missing or broken issuer key stops the start before anything else is started.
    const { keySet: issuerKeys, created: issuerKeyCreated } = await loadIssuerKeys({ config: config.issuerKeys, now: options.now });
    if (issuerKeyCreated && config.issuerKeys.kind === 'file') logger.info({ path: config.issuerKeys.path }, 'issuer key generated');
    const threadData: ThreadData = { issuerKeys: issuerKeys.stored, publicUrl: config.publicUrl };
    const threads = startThreadPool({
      size: config.workerThreads,
      workerData: threadData,
      onError: (error) => logger.error({ err: error }, 'worker thread pool failed'),
    });
    stops.push(() => threads.stop());
    // Identity first: a migration may map user names to subjects through the directory.
    let devProvider: DevProvider | undefined;
    let issuer: string;
    if (config.oidc.issuer) {
      issuer = config.oidc.issuer;
    } else {
      const started = await startDevProvider({
        realm: await loadRealm(config.paths.realm),
        port: config.oidc.devProviderPort,
        lockout: config.oidc.devProviderLockout,
        keysDir: config.paths.keys,
        extraRedirectUris: [`${config.publicUrl}/auth/callback`, ...(options.extraRedirectUris ?? [])],
        logger,
      });
      stops.push(() => started.close());
      devProvider = started;
      issuer = started.issuer;
    }
    const directory = createKeycloakUserDirectory({ issuer, ...config.oidc.directory });

    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const embedded: EmbeddedPostgresHandle = await startEmbeddedPostgres({ ...config.embeddedPostgres, database: 'iaod' });
      stops.push(() => embedded.stop());
      databaseUrl = embedded.url;
      logger.info({ dataDir: config.embeddedPostgres.dataDir, port: config.embeddedPostgres.port }, 'embedded PostgreSQL started');
    }
    const appUrl = await migrateDatabase(config, databaseUrl, logger, options.migrations, directory);
    const database = connectDatabase(appUrl, logger);
    stops.push(() => database.close());
    const sealer = startCheckpointSealer({
      sequelize: database.sequelize,
      key: config.audit.checkpointKey,
      intervalMs: config.audit.checkpointIntervalSeconds * 1000,
      logger,
    });
    stops.push(async () => sealer.stop());

    // The running app reaches pg-boss with its own connection, which needs no DDL.
    const jobs = await startJobs({ connectionString: appUrl, logger });
    stops.push(() => jobs.stop());
    const outbox = await startOutboxWorker({
      jobs,
      sequelize: database.sequelize,
      consumers:
        typeof options.outboxConsumers === 'function'
          ? options.outboxConsumers({ database, issuerKeys, threads, directory })
          : (options.outboxConsumers ?? []),
      config: config.outbox,
      logger,
      now: options.now,
    });
    stops.push(() => outbox.stop());
    if (options.jobWorkers) {
      const workers = await options.jobWorkers({ database, jobs, directory, issuerKeys });
      stops.push(() => workers.stop());
    }

    const sessionPool = new pg.Pool({ connectionString: appUrl, max: 5 });
    // An idle client losing its server (restart, failover) must not crash the process.
    sessionPool.on('error', (error) => logger.warn({ err: error }, 'session pool client failed'));
    stops.push(() => sessionPool.end());

    const verifier = createAccessTokenVerifier({ issuer, audience: config.oidc.audience, webClientId: config.oidc.clientId });
    return { database, sessionPool, jobs, issuer, verifier, directory, devProvider, issuerKeys, threads, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Applies pending migrations as the owner, on a connection of its own that is closed after, and grants
 * the app's role; returns the connection string the app runs on. `directory` is for migrations that
 * map user names to subjects.
 */
export async function migrateDatabase(
  config: Config,
  ownerUrl: string,
  logger: Logger,
  migrations: Migration[],
  directory: UserDirectory | undefined,
): Promise<string> {
  const { appUrl, appRole } = appConnection(config, ownerUrl, logger);
  // One connection holds the migration lock while umzug and the migrations use the others.
  const owner = connectDatabase(ownerUrl, logger, 3);
  try {
    const applied = await migrateToLatest(owner.sequelize, logger, { migrations, directory });
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    // pg-boss's schema and queues are DDL too: installed as the owner, before the app's role is granted its use.
    await installJobSchema({ connectionString: ownerUrl, queues: PLATFORM_JOB_QUEUES });
    if (appRole) await grantAfterMigrations(owner.sequelize, appRole);
  } finally {
    await owner.close();
  }
  return appUrl;
}

/** The connection the app runs on, and the role the migrations grant it (see db/app-role.ts). */
function appConnection(config: Config, ownerUrl: string, logger: Logger): { appUrl: string; appRole: AppRole | undefined } {
  if (config.databaseApp.url) {
    const name = roleOfUrl(config.databaseApp.url);
    if (name === roleOfUrl(ownerUrl)) {
      logger.warn({ role: name }, 'the app connects as the owner of the schema: the audit trail is not protected from it');
      return { appUrl: config.databaseApp.url, appRole: undefined };
    }
    return { appUrl: config.databaseApp.url, appRole: { name, password: undefined } };
  }
  const appRole = { name: 'iaod_app', password: config.databaseApp.password };
  return { appUrl: appRoleUrl(ownerUrl, appRole), appRole };
}
