import type { Migration } from '../../platform/db/migrate.js';

/**
 * Deliveries (one row per notice, recipient and channel: the unique key makes a repeat harmless), each
 * person's channels, a program's own templates, and the development mailbox (text kept only where no
 * real transport is set, never in production).
 */
export const createNotifications: Migration = {
  name: '2026-12-08-01-notifications',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE notification_deliveries (
        id bigserial PRIMARY KEY,
        delivery_key varchar(400) NOT NULL UNIQUE,
        kind varchar(32) NOT NULL,
        recipient_subject varchar(255) NOT NULL,
        recipient_role varchar(16) NOT NULL,
        channel varchar(8) NOT NULL,
        program_id uuid,
        status varchar(8) NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        last_error varchar(64),
        claimed_until timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        sent_at timestamptz,
        CONSTRAINT notification_deliveries_status CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
        CONSTRAINT notification_deliveries_channel CHECK (channel IN ('email', 'sms'))
      );
      CREATE INDEX notification_deliveries_program_idx ON notification_deliveries (program_id, created_at DESC);
      CREATE TABLE notification_preferences (
        subject varchar(255) PRIMARY KEY,
        email boolean NOT NULL,
        sms boolean NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE notification_templates (
        program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        language varchar(8) NOT NULL,
        subject varchar(200) NOT NULL,
        body varchar(4000) NOT NULL,
        updated_by varchar(255) NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (program_id, kind, language)
      );
      CREATE TABLE dev_mailbox (
        id bigserial PRIMARY KEY,
        channel varchar(8) NOT NULL,
        recipient_subject varchar(255) NOT NULL,
        recipient varchar(255) NOT NULL,
        subject varchar(400) NOT NULL,
        body text NOT NULL,
        sent_at timestamptz NOT NULL
      );
      CREATE INDEX dev_mailbox_subject_idx ON dev_mailbox (recipient_subject);
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query(
      'DROP TABLE dev_mailbox; DROP TABLE notification_templates; DROP TABLE notification_preferences; DROP TABLE notification_deliveries;',
    );
  },
};
