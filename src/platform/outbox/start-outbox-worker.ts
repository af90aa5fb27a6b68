/**
 * The outbox relay of one app instance. Every poll interval it looks for unpublished events and, when there
 * are some, asks pg-boss for a relay pass; whichever instance's worker takes the job runs it. Nothing is
 * kept in memory between passes: the deliveries, the retry state and the locks are all in PostgreSQL, so
 * any number of instances may run it.
 */
import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import type { OutboxConfig } from '../../config.js';
import type { Jobs } from '../jobs/start-jobs.js';
import { checkConsumers, type OutboxConsumer } from './consumer.js';
import { hasUnpublishedEvents } from './read-outbox-backlog.js';
import { OUTBOX_RELAY_QUEUE } from './relay-queue.js';
import type { OutboxRelay } from './relay.js';
import { relayOutbox } from './relay-outbox.js';

export interface StartOutboxWorkerOptions {
  /** pg-boss on the app's connection (it creates nothing; see `installJobSchema`). */
  jobs: Jobs;
  sequelize: Sequelize;
  /** Every consumer, from the composition root. None: events are simply marked published. */
  consumers: readonly OutboxConsumer[];
  config: OutboxConfig;
  logger: Logger;
  /** The clock that back-off is measured by; tests move it instead of waiting. */
  now?: () => Date;
}

export interface OutboxWorker {
  /** Stops polling and taking passes, and waits for the passes in hand (each ends after its current event). */
  stop(): Promise<void>;
}

export async function startOutboxWorker(options: StartOutboxWorkerOptions): Promise<OutboxWorker> {
  const { jobs, sequelize, config, logger } = options;
  const { boss } = jobs;
  let stopping = false;
  const relay: OutboxRelay = {
    sequelize,
    consumers: checkConsumers(options.consumers),
    batchSize: config.batchSize,
    retry: config.retry,
    now: options.now ?? (() => new Date()),
    logger,
    stopping: () => stopping,
  };
  const workerIds: string[] = [];
  const passes = new Set<Promise<void>>();

  const requestPass = async () => {
    // The queue holds one waiting pass at most, so asking while one waits adds nothing.
    await boss.send(OUTBOX_RELAY_QUEUE.name, {});
    for (const id of workerIds) boss.notifyWorker(id);
  };

  const runPass = async () => {
    const result = await relayOutbox(relay);
    if (result.delivered > 0 || result.published > 0) logger.debug(result, 'outbox relay pass');
    if (result.more && !stopping) await requestPass();
  };

  const takePass = async () => {
    if (stopping) return;
    const pass = runPass();
    passes.add(pass);
    try {
      await pass;
    } catch (error) {
      logger.warn({ err: error }, 'outbox relay pass failed; the next poll starts another');
      throw error;
    } finally {
      passes.delete(pass);
    }
  };

  // One worker more than there are consumers: a pass held up by a slow consumer keeps one worker, and
  // another pass (which skips that consumer, locked) still runs for the rest.
  const pollingIntervalSeconds = Math.max(0.5, config.pollIntervalMs / 1000);
  for (let i = 0; i <= relay.consumers.length; i += 1) {
    workerIds.push(await boss.work(OUTBOX_RELAY_QUEUE.name, { pollingIntervalSeconds, batchSize: 1 }, takePass));
  }

  let timer: NodeJS.Timeout | undefined;
  let pollFailing = false;
  const poll = async () => {
    try {
      if (await hasUnpublishedEvents(sequelize)) await requestPass();
      if (pollFailing) logger.info('outbox relay reaches the database again');
      pollFailing = false;
    } catch (error) {
      // Logged once per outage, not once per interval.
      if (!pollFailing) logger.warn({ err: error }, 'outbox relay cannot look for events; it keeps trying every poll interval');
      pollFailing = true;
    }
    if (!stopping) timer = setTimeout(() => (polling = poll()), config.pollIntervalMs).unref();
  };
  let polling = poll();

  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await polling;
      await boss.offWork(OUTBOX_RELAY_QUEUE.name);
      await Promise.allSettled([...passes]);
    },
  };
}
