import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import type { OutboxConfig } from '../../config.js';
import type { OutboxConsumer } from './consumer.js';

/** What a relay pass stands on. */
export interface OutboxRelay {
  sequelize: Sequelize;
  consumers: readonly OutboxConsumer[];
  /** Most events one pass hands to one consumer. */
  batchSize: number;
  retry: OutboxConfig['retry'];
  /** The clock that back-off is measured by. */
  now: () => Date;
  logger: Logger;
  /** True once the worker is stopping: a pass ends after the event in hand. */
  stopping: () => boolean;
}
