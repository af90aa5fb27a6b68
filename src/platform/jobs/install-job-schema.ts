/**
 * Installs or upgrades pg-boss's schema and creates the job queues. Both are DDL (each pg-boss queue is a
 * table partition), so this runs with the connection that runs the migrations and owns the schema; the
 * running app then needs only to read and write rows (see `startJobs`).
 */
import PgBoss from 'pg-boss';
import { createJobPool } from './job-pool.js';

export type JobQueue = PgBoss.Queue;

export interface InstallJobSchemaOptions {
  /** The schema owner's connection: the one migrations run with. */
  connectionString: string;
  queues: readonly JobQueue[];
}

export async function installJobSchema(options: InstallJobSchemaOptions): Promise<void> {
  // A pool error surfaces as the failed call below; the listener keeps it from crashing the process.
  const pool = createJobPool({
    connectionString: options.connectionString,
    applicationName: 'iaod-migrate',
    max: 1,
    onError: () => undefined,
  });
  try {
    const boss = new PgBoss({ db: pool.db, migrate: true, supervise: false, schedule: false });
    await boss.start();
    try {
      for (const queue of options.queues) {
        // Creating an existing queue changes nothing, so its settings are brought up to date too.
        await boss.createQueue(queue.name, queue);
        await boss.updateQueue(queue.name, queue);
      }
    } finally {
      await boss.stop({ graceful: false });
    }
  } finally {
    await pool.end();
  }
}
