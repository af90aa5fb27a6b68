/**
 * Starts pg-boss on the app's own connection, for the workers of this instance. It creates nothing: the
 * schema and the queues come from `installJobSchema` at migration time, so the app's database role needs
 * only to read and write rows. Many instances may run it against one database.
 */
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { createJobPool } from './job-pool.js';

/** How often pg-boss's manager checks, after stop(), that its workers have ended (manager.js), with a margin. */
const WORKER_POLL_MS = 1_150;

export interface StartJobsOptions {
  connectionString: string;
  logger: Logger;
  /** Connections pg-boss may hold (fetching, completing, maintenance). Default 4. */
  poolMax?: number;
}

export interface Jobs {
  boss: PgBoss;
  /** Stops the workers (waiting for jobs in hand), then closes the pool. */
  stop(): Promise<void>;
}

export async function startJobs(options: StartJobsOptions): Promise<Jobs> {
  const { logger } = options;
  const pool = createJobPool({
    connectionString: options.connectionString,
    applicationName: 'iaod-jobs',
    max: options.poolMax ?? 4,
    onError: (error) => logger.warn({ err: error }, 'job queue connection failed'),
  });
  // Never DDL from the running app (migrate: false). The cron timekeeper (schedule: true) creates its queue on
  // start, which finds it made already by installJobSchema, so it writes nothing but rows.
  const boss = new PgBoss({ db: pool.db, migrate: false, schedule: true, supervise: true });
  boss.on('error', (error) => logger.warn({ err: error }, 'job queue error'));
  try {
    await boss.start();
  } catch (error) {
    await pool.end();
    const message = error instanceof Error ? error.message : '';
    if (/not installed|requires migrations/.test(message)) {
      throw new Error('The job schema (pg-boss) is missing or out of date: run the migrations (npm run migrate).', { cause: error });
    }
    throw error;
  }
  return {
    boss,
    async stop() {
      const stopping = Date.now();
      await boss.stop({ graceful: true, timeout: 10_000, close: false });
      // pg-boss resolves stop() while its manager still polls, once a second, for its workers to end, then
      // drops them: let that poll finish, so nothing of pg-boss runs after the process (or a test) is done.
      const pollLeft = WORKER_POLL_MS - (Date.now() - stopping);
      if (pollLeft > 0) await new Promise((resolve) => setTimeout(resolve, pollLeft));
      await pool.end();
    },
  };
}
