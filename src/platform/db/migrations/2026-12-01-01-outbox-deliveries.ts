import type { Migration } from '../migrate.js';

/**
 * What the outbox relay keeps per consumer: one row per consumer with its retry state, and one row per
 * event it has received. A delivery row is the consumer-side idempotency record: an event that has one
 * is never handed to that consumer again, whichever instance runs the relay and however often it restarts.
 */
export const createOutboxDeliveries: Migration = {
  name: '2026-12-01-01-outbox-deliveries',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE outbox_consumers (
        name varchar(100) PRIMARY KEY,
        failed_attempts integer NOT NULL DEFAULT 0,
        retry_at timestamptz,
        failing_event_id bigint,
        last_error varchar(200),
        last_failed_at timestamptz
      );
      CREATE TABLE outbox_deliveries (
        consumer varchar(100) NOT NULL REFERENCES outbox_consumers (name) ON DELETE CASCADE,
        event_id bigint NOT NULL REFERENCES outbox_events (id) ON DELETE CASCADE,
        delivered_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL,
        PRIMARY KEY (consumer, event_id)
      );
      CREATE INDEX outbox_deliveries_event_idx ON outbox_deliveries (event_id);
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE outbox_deliveries; DROP TABLE outbox_consumers;');
  },
};
