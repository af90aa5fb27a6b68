import type { Migration } from '../migrate.js';

/**
 * Every state change writes one audit event (who did what, append-only) and one outbox event (for
 * OpenSearch and other consumers) in its own transaction.
 */
export const createAuditAndOutbox: Migration = {
  name: '2026-11-26-03-audit-and-outbox',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_subject varchar(255) NOT NULL,
        actor_username varchar(255),
        action varchar(100) NOT NULL,
        entity_type varchar(50) NOT NULL,
        entity_id varchar(64) NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, occurred_at);
      CREATE TABLE outbox_events (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        event_type varchar(100) NOT NULL,
        aggregate_type varchar(50) NOT NULL,
        aggregate_id varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        published_at timestamptz
      );
      CREATE INDEX outbox_events_unpublished_idx ON outbox_events (id) WHERE published_at IS NULL;
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE outbox_events; DROP TABLE audit_events;');
  },
};
