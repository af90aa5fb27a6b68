import { execute, selectRows } from '../db/sql.js';
import type { OutboxConsumer, OutboxEvent } from './consumer.js';
import { lockConsumer, recordFailure, toOutboxEvent, type DeliverEventResult, type EventRow } from './deliver-event.js';
import type { OutboxRelay } from './relay.js';

export interface DeliverEventBatchResult {
  result: DeliverEventResult;
  /** Events the consumer received in this call (0 unless `delivered`). */
  delivered: number;
}

type BatchConsumer = OutboxConsumer & Required<Pick<OutboxConsumer, 'deliverBatch'>>;

function isNonEmpty<T>(items: T[]): items is [T, ...T[]] {
  return items.length > 0;
}

export function takesBatches(consumer: OutboxConsumer): consumer is BatchConsumer {
  return typeof consumer.deliverBatch === 'function';
}

/**
 * Hands several events to a consumer that takes batches, under the same consumer row lock as `deliverEvent`:
 * the consumer's success and every delivery record commit together, and a failure records the batch's first
 * event and when to try again. While the consumer is failing, only the first of the events is handed over.
 */
export async function deliverEventBatch(
  relay: OutboxRelay,
  consumer: BatchConsumer,
  eventIds: readonly string[],
): Promise<DeliverEventBatchResult> {
  const { sequelize } = relay;
  return sequelize.transaction(async (transaction) => {
    const state = await lockConsumer(relay, consumer, transaction);
    if (typeof state === 'string') return { result: state, delivered: 0 };
    const { now } = state;

    const rows = await selectRows<EventRow>(
      sequelize,
      `SELECT e.id, e.event_type, e.aggregate_type, e.aggregate_id, e.occurred_at, e.payload, false AS delivered
         FROM outbox_events e
        WHERE e.id = ANY(CAST(:eventIds AS bigint[]))
          AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.consumer = :consumer AND d.event_id = e.id)
        ORDER BY e.id
        LIMIT :limit`,
      { consumer: consumer.name, eventIds: `{${eventIds.join(',')}}`, limit: state.failed_attempts > 0 ? 1 : eventIds.length },
      transaction,
    );
    if (!isNonEmpty(rows)) return { result: 'already-delivered', delivered: 0 };

    const events: OutboxEvent[] = rows.map(toOutboxEvent);
    const first = rows[0].id;
    const attempt = state.failed_attempts + 1;
    try {
      await consumer.deliverBatch(events);
    } catch (error) {
      await recordFailure(relay, consumer, { attempt, now, eventId: first, events: events.length, error }, transaction);
      return { result: 'failed', delivered: 0 };
    }
    await execute(
      sequelize,
      `WITH delivery AS (
         INSERT INTO outbox_deliveries (consumer, event_id, attempts)
         SELECT :consumer, id, :attempt FROM unnest(CAST(:eventIds AS bigint[])) AS id
       )
       UPDATE outbox_consumers SET failed_attempts = 0, retry_at = NULL, failing_event_id = NULL
        WHERE name = :consumer AND failed_attempts > 0`,
      { consumer: consumer.name, eventIds: `{${events.map((event) => event.id).join(',')}}`, attempt },
      transaction,
    );
    return { result: 'delivered', delivered: events.length };
  });
}
