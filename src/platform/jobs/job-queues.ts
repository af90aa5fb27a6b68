import { OUTBOX_RELAY_QUEUE } from '../outbox/relay-queue.js';
import type { JobQueue } from './install-job-schema.js';

/** Every pg-boss queue the platform works on; `installJobSchema` creates them at migration time. */
export const PLATFORM_JOB_QUEUES: readonly JobQueue[] = [OUTBOX_RELAY_QUEUE];
