/**
 * The outbox consumer that keeps the OpenSearch indexes up to date: for each batch of events the relay hands it,
 * one bulk write of the events themselves (`create`, id = the event's id, so each is indexed exactly once however
 * often it is delivered) and of every document they touched, re-read from PostgreSQL as it is now. Delivery is in
 * event order and each write carries the current state, so a repeat or a late retry never leaves an old state.
 */
import type { Sequelize } from 'sequelize';
import type { OutboxConsumer, OutboxEvent } from '../../platform/outbox/consumer.js';
import { documentsChangedBy, eventDocument } from './analytics-documents.js';
import type { AnalyticsStore } from './analytics-store.js';

export const ANALYTICS_CONSUMER = 'opensearch-analytics';

export interface AnalyticsConsumerOptions {
  sequelize: Sequelize;
  store: AnalyticsStore;
}

export function createAnalyticsConsumer({ sequelize, store }: AnalyticsConsumerOptions): OutboxConsumer {
  // A pass's events in one bulk write: each application or claim they touch read and written once.
  async function deliverBatch(events: readonly OutboxEvent[]): Promise<void> {
    const documents = await documentsChangedBy(sequelize, events);
    await store.writeDocuments([...events.map(eventDocument), ...documents]);
  }
  return { name: ANALYTICS_CONSUMER, deliver: (event) => deliverBatch([event]), deliverBatch };
}
