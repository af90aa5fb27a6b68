import { execute, selectOne, type Transaction } from '../db/sql.js';
import { idempotencyKeyFor, type OutboxConsumer, type OutboxEvent } from './consumer.js';
import type { OutboxRelay } from './relay.js';
import { retryDelayMs } from './retry-delay.js';

export type DeliverEventResult = 'delivered' | 'already-delivered' | 'busy' | 'backing-off' | 'failed';

export interface ConsumerState {
  failed_attempts: number;
  retry_at: Date | null;
}

export interface EventRow {
  id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
  delivered: boolean;
}

/**
 * Hands one event to one consumer, holding the consumer's row lock from the check to the record: two
 * relays (on two instances) never call a consumer at the same moment, and one that finds the lock taken
 * leaves the consumer to the relay holding it (`busy`). A crash releases the lock with the connection.
 * The consumer's success and its delivery record commit together; a failure records when to try again.
 */
export async function deliverEvent(relay: OutboxRelay, consumer: OutboxConsumer, eventId: string): Promise<DeliverEventResult> {
  const { sequelize } = relay;
  return sequelize.transaction(async (transaction) => {
    const state = await lockConsumer(relay, consumer, transaction);
    if (typeof state === 'string') return state;
    const { now } = state;

    const row = await selectOne<EventRow>(
      sequelize,
      `SELECT e.id, e.event_type, e.aggregate_type, e.aggregate_id, e.occurred_at, e.payload,
              EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.consumer = :consumer AND d.event_id = e.id) AS delivered
         FROM outbox_events e WHERE e.id = :eventId`,
      { consumer: consumer.name, eventId },
      transaction,
    );
    if (!row || row.delivered) return 'already-delivered';

    const attempt = state.failed_attempts + 1;
    try {
      await consumer.deliver(toOutboxEvent(row), { idempotencyKey: idempotencyKeyFor(consumer.name, row.id) });
    } catch (error) {
      await recordFailure(relay, consumer, { attempt, now, eventId: row.id, events: 1, error }, transaction);
      return 'failed';
    }
    await execute(
      sequelize,
      `WITH delivery AS (
         INSERT INTO outbox_deliveries (consumer, event_id, attempts) VALUES (:consumer, :eventId, :attempt)
       )
       UPDATE outbox_consumers SET failed_attempts = 0, retry_at = NULL, failing_event_id = NULL
        WHERE name = :consumer AND failed_attempts > 0`,
      { consumer: consumer.name, eventId: row.id, attempt },
      transaction,
    );
    return 'delivered';
  });
}

/**
 * Takes the consumer's row lock for the transaction: `busy` when another relay holds it, `backing-off` while its
 * retry time has not come; else its failure count and the relay's time now.
 */
export async function lockConsumer(
  relay: OutboxRelay,
  consumer: OutboxConsumer,
  transaction: Transaction,
): Promise<(ConsumerState & { now: Date }) | 'busy' | 'backing-off'> {
  const state = await selectOne<ConsumerState>(
    relay.sequelize,
    'SELECT failed_attempts, retry_at FROM outbox_consumers WHERE name = :consumer FOR UPDATE SKIP LOCKED',
    { consumer: consumer.name },
    transaction,
  );
  if (!state) return 'busy';
  const now = relay.now();
  if (state.retry_at && state.retry_at.getTime() > now.getTime()) return 'backing-off';
  return { ...state, now };
}

/** Records a failed attempt against `eventId` (the first event handed over) and when to try again, and logs it. */
export async function recordFailure(
  relay: OutboxRelay,
  consumer: OutboxConsumer,
  failure: { attempt: number; now: Date; eventId: string; events: number; error: unknown },
  transaction: Transaction,
): Promise<void> {
  const { attempt, now, eventId, events, error } = failure;
  const retryAt = new Date(now.getTime() + retryDelayMs(attempt, relay.retry));
  await execute(
    relay.sequelize,
    `UPDATE outbox_consumers
        SET failed_attempts = :attempt, retry_at = :retryAt, failing_event_id = :eventId, last_error = :lastError, last_failed_at = :now
      WHERE name = :consumer`,
    { consumer: consumer.name, attempt, retryAt, eventId, lastError: errorLabel(error), now },
    transaction,
  );
  relay.logger.warn(
    { consumer: consumer.name, eventId, ...(events > 1 && { events }), attempt, retryAt: retryAt.toISOString(), err: error },
    'outbox consumer failed; it will be retried',
  );
}

export function toOutboxEvent(row: EventRow): OutboxEvent {
  return {
    id: row.id,
    type: row.event_type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    occurredAt: row.occurred_at,
    payload: row.payload,
  };
}

/** A code or class name only: an error message may carry what the database must not keep. */
function errorLabel(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const label = typeof code === 'string' ? code : error instanceof Error ? error.name : typeof error;
  return label.slice(0, 200);
}
