/**
 * The DCI callbacks' delivery worker of one app instance. Every poll interval it looks for a message due and, when
 * there is one, asks pg-boss for a delivery pass; the request that queues an answer asks at once. Everything is in
 * PostgreSQL (messages, back-off, locks), so any number of instances may run it.
 */
import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import type { G2pDeliveryConfig } from '../../config.js';
import type { Jobs } from '../../platform/jobs/start-jobs.js';
import { G2P_DELIVERY_QUEUE } from '../../platform/jobs/job-queues.js';
import { deliverDueMessages, type DeliveryPass } from './deliver-callbacks.js';
import { findDueStreams } from './deliveries.js';

export interface StartG2pDeliveryOptions {
  jobs: Jobs;
  sequelize: Sequelize;
  answerPending: DeliveryPass['answerPending'];
  config: G2pDeliveryConfig;
  logger: Logger;
  now?: () => Date;
}

/** Asks for a delivery pass (at most one waits); the app calls it when it queues an answer. */
export async function requestG2pDelivery(jobs: Jobs): Promise<void> {
  await jobs.boss.send(G2P_DELIVERY_QUEUE.name, {});
}

export async function startG2pDeliveryWorker(options: StartG2pDeliveryOptions): Promise<{ stop(): Promise<void> }> {
  const { jobs, sequelize, config, logger } = options;
  const now = options.now ?? (() => new Date());
  let stopping = false;
  const pass: DeliveryPass = { sequelize, answerPending: options.answerPending, config, now, logger, stopping: () => stopping };
  const passes = new Set<Promise<unknown>>();
  let workerId = '';

  const runPass = async () => {
    if (stopping) return;
    const running = deliverDueMessages(pass);
    passes.add(running);
    try {
      const result = await running;
      if (result.delivered > 0 || result.failed > 0) logger.debug(result, 'DCI delivery pass');
      if (result.more && !stopping) {
        await requestG2pDelivery(jobs);
        jobs.boss.notifyWorker(workerId);
      }
    } finally {
      passes.delete(running);
    }
  };
  workerId = await jobs.boss.work(
    G2P_DELIVERY_QUEUE.name,
    { pollingIntervalSeconds: Math.max(0.5, config.pollIntervalMs / 1000), batchSize: 1 },
    runPass,
  );

  let timer: NodeJS.Timeout | undefined;
  let pollFailing = false;
  const poll = async () => {
    try {
      if ((await findDueStreams(sequelize, now(), 1)).length > 0) {
        await requestG2pDelivery(jobs);
        jobs.boss.notifyWorker(workerId);
      }
      if (pollFailing) logger.info('DCI delivery reaches the database again');
      pollFailing = false;
    } catch (error) {
      if (!pollFailing) logger.warn({ err: error }, 'DCI delivery cannot look for messages; it keeps trying every poll interval');
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
      await jobs.boss.offWork(G2P_DELIVERY_QUEUE.name);
      await Promise.allSettled([...passes]);
    },
  };
}
