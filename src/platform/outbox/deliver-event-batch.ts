import { execute, selectOne, selectRows } from '../db/sql.js';
import type { OutboxConsumer, OutboxEvent } from './consumer.js';
import { errorLabel, toOutboxEvent, type ConsumerState, type DeliverEventResult, type EventRow } from './deliver-event.js';
import type { OutboxRelay } from './relay.js';
import { retryDelayMs } from './retry-delay.js';

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
    const state = await selectOne<ConsumerState>(
      sequelize,
      'SELECT failed_attempts, retry_at FROM outbox_consumers WHERE name = :consumer FOR UPDATE SKIP LOCKED',
      { consumer: consumer.name },
      transaction,
    );
    if (!state) return { result: 'busy', delivered: 0 };
    const now = relay.now();
    if (state.retry_at && state.retry_at.getTime() > now.getTime()) return { result: 'backing-off', delivered: 0 };

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
      const retryAt = new Date(now.getTime() + retryDelayMs(attempt, relay.retry));
      await execute(
        sequelize,
        `UPDATE outbox_consumers
            SET failed_attempts = :attempt, retry_at = :retryAt, failing_event_id = :eventId, last_error = :lastError, last_failed_at = :now
          WHERE name = :consumer`,
        { consumer: consumer.name, attempt, retryAt, eventId: first, lastError: errorLabel(error), now },
        transaction,
      );
      relay.logger.warn(
        { consumer: consumer.name, eventId: first, events: events.length, attempt, retryAt: retryAt.toISOString(), err: error },
        'outbox consumer failed a batch; it will be retried',
      );
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
