/**
 * The outbox consumer that keeps the OpenSearch indexes up to date: for each event, one bulk write of the
 * event itself (`create`, id = the event's id, so it is indexed exactly once however often it is delivered)
 * and of every document the change touched, re-read from PostgreSQL as it is now. Delivery is in event
 * order and each write carries the current state, so a repeat or a late retry never leaves an old state.
 */
import type { Sequelize } from 'sequelize';
import type { OutboxConsumer } from '../../platform/outbox/consumer.js';
import { documentsChangedBy, eventDocument } from './analytics-documents.js';
import type { AnalyticsStore } from './analytics-store.js';

export const ANALYTICS_CONSUMER = 'opensearch-analytics';

export interface AnalyticsConsumerOptions {
  sequelize: Sequelize;
  store: AnalyticsStore;
}

export function createAnalyticsConsumer({ sequelize, store }: AnalyticsConsumerOptions): OutboxConsumer {
  return {
    name: ANALYTICS_CONSUMER,
    async deliver(event) {
      const documents = await documentsChangedBy(sequelize, event);
      await store.writeDocuments([eventDocument(event), ...documents]);
    },
  };
}
