import { execute, selectRows } from '../db/sql.js';
import type { OutboxConsumer } from './consumer.js';
import { deliverEvent } from './deliver-event.js';
import { deliverEventBatch, takesBatches } from './deliver-event-batch.js';
import type { OutboxRelay } from './relay.js';

export interface DeliverPendingEventsResult {
  delivered: number;
  /** The batch was full: more events may be waiting for this consumer. */
  more: boolean;
}

/**
 * Hands a consumer the unpublished events it does not have yet, oldest id first: one at a time, or all of the
 * pass's events in one call to a consumer that takes batches (`deliverBatch`). It stops
 * at the first event the consumer fails (so it never receives a later event before an earlier one), while
 * it backs off, or when another relay holds the consumer; other consumers are not held up by any of it.
 */
export async function deliverPendingEvents(relay: OutboxRelay, consumer: OutboxConsumer): Promise<DeliverPendingEventsResult> {
  const { sequelize } = relay;
  await execute(sequelize, 'INSERT INTO outbox_consumers (name) VALUES (:consumer) ON CONFLICT (name) DO NOTHING', {
    consumer: consumer.name,
  });
  const pending = await selectRows<{ id: string }>(
    sequelize,
    `SELECT e.id FROM outbox_events e
      WHERE e.published_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.consumer = :consumer AND d.event_id = e.id)
      ORDER BY e.id
      LIMIT :limit`,
    { consumer: consumer.name, limit: relay.batchSize },
  );
  let delivered = 0;
  if (takesBatches(consumer)) {
    if (pending.length === 0 || relay.stopping()) return { delivered, more: false };
    const batch = await deliverEventBatch(
      relay,
      consumer,
      pending.map(({ id }) => id),
    );
    // A consumer recovering from a failure takes one event per call: another pass follows at once for the rest.
    const full = pending.length === relay.batchSize || batch.delivered < pending.length;
    return { delivered: batch.delivered, more: batch.result === 'delivered' && full };
  }
  for (const { id } of pending) {
    if (relay.stopping()) return { delivered, more: false };
    const result = await deliverEvent(relay, consumer, id);
    if (result === 'delivered') delivered += 1;
    else if (result !== 'already-delivered') return { delivered, more: false };
  }
  return { delivered, more: pending.length === relay.batchSize };
}
