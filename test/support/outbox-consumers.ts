/** Outbox consumers for tests: they record every call, and fail when told to. */
import { randomUUID } from 'node:crypto';
import type { DeliveryContext, OutboxConsumer, OutboxEvent } from '../../src/platform/outbox/consumer.js';

export interface DeliveryCall {
  eventId: string;
  aggregateId: string;
  idempotencyKey: string;
  outcome: 'failed' | 'delivered';
}

export interface RecordingConsumer extends OutboxConsumer {
  /** Every call, failed ones included, in the order they came. */
  calls: DeliveryCall[];
  /** The ids of the events it accepted, in the order they came. */
  receivedIds(aggregateIds?: readonly string[]): string[];
  /** Fails the next `count` calls. */
  failNext(count: number): void;
  /** Fails every call until `recover()`. */
  failUntilRecovered(): void;
  recover(): void;
}

/** A unique, valid consumer name per test (fresh fixtures: no state left by another test). */
export function consumerName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function recordingConsumer(name: string, options: { calls?: DeliveryCall[] } = {}): RecordingConsumer {
  const calls = options.calls ?? [];
  let failuresLeft = 0;
  let failing = false;
  return {
    name,
    calls,
    receivedIds(aggregateIds) {
      return calls
        .filter((call) => call.outcome === 'delivered' && (!aggregateIds || aggregateIds.includes(call.aggregateId)))
        .map((call) => call.eventId);
    },
    failNext(count) {
      failuresLeft = count;
    },
    failUntilRecovered() {
      failing = true;
    },
    recover() {
      failing = false;
    },
    async deliver(event: OutboxEvent, context: DeliveryContext) {
      const call = { eventId: event.id, aggregateId: event.aggregateId, idempotencyKey: context.idempotencyKey };
      if (failing || failuresLeft > 0) {
        failuresLeft = Math.max(0, failuresLeft - 1);
        calls.push({ ...call, outcome: 'failed' });
        throw Object.assign(new Error('the index does not answer'), { code: 'ECONNREFUSED' });
      }
      calls.push({ ...call, outcome: 'delivered' });
    },
  };
}

/** A clock that moves only when the test moves it. */
export function manualClock(start: string) {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
  };
}

export interface BatchingConsumer extends OutboxConsumer {
  /** The event ids of every call, failed ones included, in the order they came. */
  batches: Array<{ eventIds: string[]; outcome: 'failed' | 'delivered' }>;
  failUntilRecovered(): void;
  recover(): void;
}

/** A consumer that takes batches (`deliverBatch`), recording each; it fails every call while told to. */
export function batchingConsumer(name: string): BatchingConsumer {
  const batches: BatchingConsumer['batches'] = [];
  let failing = false;
  async function deliverBatch(events: readonly OutboxEvent[]) {
    const eventIds = events.map((event) => event.id);
    if (failing) {
      batches.push({ eventIds, outcome: 'failed' });
      throw Object.assign(new Error('the index does not answer'), { code: 'ECONNREFUSED' });
    }
    batches.push({ eventIds, outcome: 'delivered' });
  }
  return {
    name,
    batches,
    failUntilRecovered() {
      failing = true;
    },
    recover() {
      failing = false;
    },
    deliver: (event) => deliverBatch([event]),
    deliverBatch,
  };
}
