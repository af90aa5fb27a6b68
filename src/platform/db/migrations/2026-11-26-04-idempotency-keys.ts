import type { Migration } from '../migrate.js';

/**
 * Idempotency keys belong to the platform (db/command.ts). Databases made before this migration have
 * the table already (the applications migration used to create it), hence IF NOT EXISTS.
 */
export const createIdempotencyKeys: Migration = {
  name: '2026-11-26-04-idempotency-keys',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE IF NOT EXISTS idempotency_keys (
        subject varchar(255) NOT NULL,
        key varchar(255) NOT NULL,
        operation varchar(64) NOT NULL,
        request_hash char(64) NOT NULL,
        response_status smallint,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject, key)
      );
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE idempotency_keys');
  },
};
