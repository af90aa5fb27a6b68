import type { JobQueue } from '../jobs/install-job-schema.js';

/**
 * The pg-boss queue of relay passes. `short` keeps at most one pass waiting, however many instances ask;
 * several may run at once, and the per-consumer row lock keeps them from delivering the same thing. A pass
 * is not retried by pg-boss: the next poll asks for a new one.
 */
export const OUTBOX_RELAY_QUEUE: JobQueue = { name: 'outbox-relay', policy: 'short', retryLimit: 0, expireInSeconds: 15 * 60 };
