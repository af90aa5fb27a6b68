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
