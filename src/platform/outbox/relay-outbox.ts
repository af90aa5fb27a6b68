import { deliverPendingEvents } from './deliver-pending-events.js';
import { markEventsPublished } from './mark-events-published.js';
import type { OutboxRelay } from './relay.js';

export interface RelayOutboxResult {
  delivered: number;
  published: number;
  /** Some consumer's batch was full: another pass should follow at once. */
  more: boolean;
}

/**
 * One relay pass: every consumer receives what it is missing, side by side (a slow or failing consumer
 * delays no other), then the events every consumer has are marked published.
 */
export async function relayOutbox(relay: OutboxRelay): Promise<RelayOutboxResult> {
  const outcomes = await Promise.allSettled(relay.consumers.map((consumer) => deliverPendingEvents(relay, consumer)));
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  const results = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const published = await markEventsPublished(
    relay.sequelize,
    relay.consumers.map((consumer) => consumer.name),
  );
  return {
    delivered: results.reduce((sum, result) => sum + result.delivered, 0),
    published,
    more: results.some((result) => result.more),
  };
}
