/**
 * What an outbox consumer is: a named receiver of every state change (notifications, OpenSearch indexing,
 * the G2P Connect gateway). The composition root registers them; the platform knows none of them.
 */

/** One outbox event as a consumer receives it: ids and codes only, never personal data. */
export interface OutboxEvent {
  /** The outbox row's id (a bigint, as a string). A consumer receives events in increasing id order. */
  id: string;
  /** e.g. `application.submitted` */
  type: string;
  aggregateType: string;
  aggregateId: string;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export interface DeliveryContext {
  /**
   * `<consumer>:<event id>`: the same on every attempt to hand this event to this consumer. Delivery is at
   * least once (a crash between the consumer's success and its record repeats the call), so a consumer that
   * writes elsewhere passes this key on (as an `Idempotency-Key`, a document id) to make the repeat harmless.
   */
  idempotencyKey: string;
}

export interface OutboxConsumer {
  /**
   * Stable name, stored with each delivery: lowercase letters, digits and hyphens. Renaming a consumer makes
   * it a new one, which starts with the events that are unpublished at that time.
   */
  readonly name: string;
  /** Resolves once the consumer has the event; throwing makes the relay retry it later, with back-off. */
  deliver(event: OutboxEvent, context: DeliveryContext): Promise<void>;
  /**
   * Optional, for a consumer whose writes cost less together (one bulk call for many events): takes several
   * events at once, in id order, all or none. Throwing fails the whole batch; while the consumer is failing, the
   * relay hands it one event at a time through `deliverBatch` (so a bad event holds back only those after it).
   * Each event's idempotency key is `idempotencyKeyFor(name, event.id)`, as for `deliver`.
   */
  deliverBatch?(events: readonly OutboxEvent[]): Promise<void>;
}

const CONSUMER_NAME = /^[a-z][a-z0-9-]{0,99}$/;

export function idempotencyKeyFor(consumer: string, eventId: string): string {
  return `${consumer}:${eventId}`;
}

/** A misconfigured composition root is a programming error: a TypeError at start, not a silent skip. */
export function checkConsumers(consumers: readonly OutboxConsumer[]): readonly OutboxConsumer[] {
  const seen = new Set<string>();
  for (const consumer of consumers) {
    if (!CONSUMER_NAME.test(consumer.name)) {
      throw new TypeError(`outbox consumer name "${consumer.name}" must be lowercase letters, digits and hyphens (at most 100)`);
    }
    if (seen.has(consumer.name)) throw new TypeError(`outbox consumer "${consumer.name}" is registered twice`);
    seen.add(consumer.name);
  }
  return [...consumers];
}
