/**
 * The outbox consumers, registered by the composition root (the platform imports no module). A module
 * that reacts to state changes (notifications, OpenSearch indexing, the G2P Connect gateway) exports a
 * consumer from its `index.ts`, and it is added here. None yet: the relay then marks events published.
 */
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { OutboxConsumer } from './platform/outbox/consumer.js';

export interface OutboxConsumerDependencies {
  config: Config;
  logger: Logger;
}

export function createOutboxConsumers(_deps: OutboxConsumerDependencies): OutboxConsumer[] {
  return [];
}
