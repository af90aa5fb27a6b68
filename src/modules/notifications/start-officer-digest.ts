/**
 * Schedules the daily digest as a pg-boss cron row (one per queue, whichever instance writes it) and works its
 * queue here. A run that fails (SMTP down) is retried by pg-boss with back-off; the day's key keeps it to one
 * message per officer.
 */
import type { Logger } from 'pino';
import { NOTIFICATION_DIGEST_QUEUE } from '../../platform/jobs/job-queues.js';
import type { Jobs } from '../../platform/jobs/start-jobs.js';
import type { NotificationsDeps } from './deps.js';
import { sendOfficerDigest } from './send-officer-digest.js';

export interface OfficerDigestWorker {
  stop(): Promise<void>;
}

export function officerDigestCron(hourUtc: number): string {
  return `0 ${hourUtc} * * *`;
}

export async function startOfficerDigest(
  jobs: Jobs,
  deps: NotificationsDeps,
  hourUtc: number,
  logger: Logger,
): Promise<OfficerDigestWorker> {
  const { boss } = jobs;
  await boss.schedule(NOTIFICATION_DIGEST_QUEUE.name, officerDigestCron(hourUtc), {}, { tz: 'UTC' });
  await boss.work(NOTIFICATION_DIGEST_QUEUE.name, { batchSize: 1, pollingIntervalSeconds: 60 }, async ([job]) => {
    if (!job) return;
    try {
      logger.info({ runId: job.id, ...(await sendOfficerDigest(deps)) }, 'officer digest sent');
    } catch (error) {
      logger.warn({ err: error, runId: job.id }, 'officer digest not complete; pg-boss tries again');
      throw error;
    }
  });
  return {
    async stop() {
      await boss.offWork(NOTIFICATION_DIGEST_QUEUE.name);
    },
  };
}
