import { OUTBOX_RELAY_QUEUE } from '../outbox/relay-queue.js';
import type { JobQueue } from './install-job-schema.js';

/**
 * The retention job's queue (its worker: src/modules/retention). pg-boss's cron puts one job here a day,
 * from one instance; `singleton` runs at most one at a time, so two runs never race over the same rows. A
 * failed run is not retried: the next day's run takes what is still due.
 */
export const RETENTION_QUEUE: JobQueue = { name: 'retention', policy: 'singleton', retryLimit: 0, expireInSeconds: 4 * 60 * 60 };

/**
 * The officers' daily digest (its worker: src/modules/notifications). A run that fails (the mail server is
 * down) is retried with back-off; each officer's message is keyed by the day, so a retry sends nothing twice.
 */
export const NOTIFICATION_DIGEST_QUEUE: JobQueue = {
  name: 'notification-digest',
  policy: 'singleton',
  retryLimit: 8,
  retryDelay: 60,
  retryBackoff: true,
  expireInSeconds: 60 * 60,
};

/**
 * Delivery passes of the DCI gateway's callbacks (its worker: src/modules/g2p-gateway). `short` keeps one pass
 * waiting however many instances ask; passes may overlap, as each stream is locked while a message of it is sent.
 * A pass is not retried by pg-boss: the failed message keeps its own back-off, and the next poll asks again.
 */
export const G2P_DELIVERY_QUEUE: JobQueue = { name: 'g2p-delivery', policy: 'short', retryLimit: 0, expireInSeconds: 15 * 60 };

/**
 * The queue pg-boss's timekeeper moves scheduled jobs through. The running app may create no queue (each
 * is a table partition: DDL), so it is made here with the others, and the timekeeper finds it.
 */
const SCHEDULE_QUEUE: JobQueue = { name: '__pgboss__send-it' };

/** Every pg-boss queue the platform works on; `installJobSchema` creates them at migration time. */
export const PLATFORM_JOB_QUEUES: readonly JobQueue[] = [
  OUTBOX_RELAY_QUEUE,
  RETENTION_QUEUE,
  NOTIFICATION_DIGEST_QUEUE,
  G2P_DELIVERY_QUEUE,
  SCHEDULE_QUEUE,
];
