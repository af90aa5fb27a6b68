/**
 * Schedules the retention job and works its queue on this instance. The schedule is a pg-boss cron row
 * (one per queue, so every instance writing it leaves one); pg-boss's timekeeper sends the day's job from
 * one instance, and the queue's `singleton` policy runs one job at a time, whichever instance takes it.
 */
import type { Logger } from 'pino';
import { RETENTION_QUEUE } from '../../platform/jobs/job-queues.js';
import type { Jobs } from '../../platform/jobs/start-jobs.js';
import { runRetention, type RetentionDeps } from './run-retention.js';

export interface StartRetentionOptions {
  jobs: Jobs;
  deps: RetentionDeps;
  logger: Logger;
}

export interface RetentionWorker {
  /** Stops taking runs on this instance (the schedule stays: it belongs to every instance). */
  stop(): Promise<void>;
}

/** Every day at the configured hour, UTC. */
export function retentionCron(runHourUtc: number): string {
  return `0 ${runHourUtc} * * *`;
}

export async function startRetention({ jobs, deps, logger }: StartRetentionOptions): Promise<RetentionWorker> {
  const { boss } = jobs;
  await boss.schedule(RETENTION_QUEUE.name, retentionCron(deps.config.runHourUtc), {}, { tz: 'UTC' });
  await boss.work(RETENTION_QUEUE.name, { batchSize: 1, pollingIntervalSeconds: 60 }, async ([job]) => {
    if (!job) return;
    try {
      const result = await runRetention(deps, job.id);
      logger.info(
        {
          runId: job.id,
          drafts: result.drafts?.length,
          documents: result.documents?.deleted.length,
          blobs: result.documents?.blobsDeleted,
          idempotencyKeys: result.idempotencyKeys,
          outboxEvents: result.outboxEvents,
        },
        'retention run completed',
      );
    } catch (error) {
      logger.warn({ err: error, runId: job.id }, 'retention run failed; the next scheduled run takes what is still due');
      throw error;
    }
  });
  return {
    async stop() {
      await boss.offWork(RETENTION_QUEUE.name);
    },
  };
}
