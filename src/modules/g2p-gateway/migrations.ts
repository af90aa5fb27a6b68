import type { Migration } from '../../platform/db/migrate.js';

/**
 * The gateway's message log: each partner's message ids while they can still arrive (a replay is refused),
 * and each transaction's outcome per request (statuses and reason codes, never a registrant's data) for
 * `txn/status`.
 */
export const createG2pMessageLog: Migration = {
  name: '2026-12-13-01-g2p-message-log',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE g2p_received_messages (
        sender_id varchar(99) NOT NULL,
        message_id varchar(99) NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (sender_id, message_id)
      );
      CREATE INDEX g2p_received_messages_received_idx ON g2p_received_messages (received_at);
      CREATE TABLE g2p_transactions (
        correlation_id uuid PRIMARY KEY,
        sender_id varchar(99) NOT NULL,
        transaction_id varchar(99) NOT NULL,
        txn_type varchar(20) NOT NULL,
        outcomes jsonb NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX g2p_transactions_sender_idx ON g2p_transactions (sender_id, transaction_id, created_at DESC);
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE g2p_transactions; DROP TABLE g2p_received_messages;');
  },
};

/**
 * The gateway's outgoing messages (asynchronous answers, later notifications), each delivered to a partner's
 * callback address in order within its stream, with retries and back-off. An asynchronous request waits here as
 * `request` until it is answered; the signed answer is then kept as `body` until it is delivered (or given up),
 * and both are cleared after: they may hold registry records. What stays is the delivery's technical record.
 */
export const createG2pDeliveries: Migration = {
  name: '2026-12-14-01-g2p-deliveries',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE g2p_deliveries (
        id bigserial PRIMARY KEY,
        sender_id varchar(99) NOT NULL,
        stream varchar(300) NOT NULL,
        action varchar(30) NOT NULL,
        callback_uri text NOT NULL,
        correlation_id uuid,
        request jsonb,
        body jsonb,
        created_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_failure varchar(200),
        delivered_at timestamptz,
        abandoned_at timestamptz
      );
      CREATE INDEX g2p_deliveries_pending_idx ON g2p_deliveries (stream, id) WHERE delivered_at IS NULL AND abandoned_at IS NULL;
      CREATE INDEX g2p_deliveries_sender_idx ON g2p_deliveries (sender_id, created_at DESC);
      ALTER TABLE g2p_transactions ADD COLUMN status varchar(4) NOT NULL DEFAULT 'succ';
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE g2p_deliveries; ALTER TABLE g2p_transactions DROP COLUMN status;');
  },
};
