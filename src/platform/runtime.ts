/**
 * Starts what the app stands on, from the configuration: the database (a server or an embedded one),
 * migrations and the job schema, the outbox relay, and the OpenID provider (a configured one or the
 * built-in development one).
 * `main.ts` and the test harness share this, so tests boot the product the way users do.
 */
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createAccessTokenVerifier, type AccessTokenVerifier } from './auth/access-token.js';
import { startDevProvider, type DevProvider } from './auth/dev-provider.js';
import { loadRealm } from './auth/realm.js';
import { connectDatabase, type Database } from './db/database.js';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './db/embedded-postgres.js';
import { migrateToLatest } from './db/migrate.js';
import { installJobSchema } from './jobs/install-job-schema.js';
import { PLATFORM_JOB_QUEUES } from './jobs/job-queues.js';
import { startJobs, type Jobs } from './jobs/start-jobs.js';
import type { OutboxConsumer } from './outbox/consumer.js';
import { startOutboxWorker } from './outbox/start-outbox-worker.js';

export interface Runtime {
  database: Database;
  sessionPool: pg.Pool;
  /** pg-boss on the app's connection, for the workers of this instance. */
  jobs: Jobs;
  issuer: string;
  verifier: AccessTokenVerifier;
  /** Set when the built-in development provider runs. */
  devProvider: DevProvider | undefined;
  stop(): Promise<void>;
}

export interface StartRuntimeOptions {
  /** Extra redirect URIs the development provider should allow (tests on random ports). */
  extraRedirectUris?: string[];
  /** The outbox consumers, from the composition root. */
  outboxConsumers?: readonly OutboxConsumer[];
  /** The clock the outbox relay's back-off is measured by (tests move it instead of waiting). */
  now?: () => Date;
}

export async function startRuntime(config: Config, logger: Logger, options: StartRuntimeOptions = {}): Promise<Runtime> {
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
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const embedded: EmbeddedPostgresHandle = await startEmbeddedPostgres({ ...config.embeddedPostgres, database: 'iaod' });
      stops.push(() => embedded.stop());
      databaseUrl = embedded.url;
      logger.info({ dataDir: config.embeddedPostgres.dataDir, port: config.embeddedPostgres.port }, 'embedded PostgreSQL started');
    }
    const database = connectDatabase(databaseUrl, logger);
    stops.push(() => database.close());
    const applied = await migrateToLatest(database.sequelize, logger);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    // pg-boss's schema and queues are DDL: installed with the connection migrations run with.
    await installJobSchema({ connectionString: databaseUrl, queues: PLATFORM_JOB_QUEUES });

    // The running app reaches pg-boss with its own connection, which needs no DDL.
    const jobs = await startJobs({ connectionString: databaseUrl, logger });
    stops.push(() => jobs.stop());
    const outbox = await startOutboxWorker({
      jobs,
      sequelize: database.sequelize,
      consumers: options.outboxConsumers ?? [],
      config: config.outbox,
      logger,
      now: options.now,
    });
    stops.push(() => outbox.stop());

    const sessionPool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
    // An idle client losing its server (restart, failover) must not crash the process.
    sessionPool.on('error', (error) => logger.warn({ err: error }, 'session pool client failed'));
    stops.push(() => sessionPool.end());

    let devProvider: DevProvider | undefined;
    let issuer: string;
    if (config.oidc.issuer) {
      issuer = config.oidc.issuer;
    } else {
      const started = await startDevProvider({
        realm: await loadRealm(config.paths.realm),
        port: config.oidc.devProviderPort,
        keysDir: config.paths.keys,
        extraRedirectUris: [`${config.publicUrl}/auth/callback`, ...(options.extraRedirectUris ?? [])],
        logger,
      });
      stops.push(() => started.close());
      devProvider = started;
      issuer = started.issuer;
    }
    const verifier = createAccessTokenVerifier({ issuer, audience: config.oidc.audience, webClientId: config.oidc.clientId });
    return { database, sessionPool, jobs, issuer, verifier, devProvider, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
