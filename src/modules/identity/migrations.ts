import type { Migration } from '../../platform/db/migrate.js';

/**
 * The trusted ID issuers a program manager added (those of the settings are not stored), the accounts linked to
 * an ID by a verified ID QR with its verified fields, and the refused attempts to link an ID another account holds
 * (a signal for the first-stage officer).
 */
export const createIdentityLinks: Migration = {
  name: '2026-12-12-01-identity-links',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE trusted_id_issuers (
        id uuid PRIMARY KEY,
        issuer varchar(500) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        keys jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_by varchar(255) NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE identity_links (
        subject varchar(255) PRIMARY KEY,
        id_type varchar(32) NOT NULL DEFAULT 'NATIONAL_ID',
        id_value varchar(100) NOT NULL,
        verified jsonb NOT NULL,
        verified_at timestamptz NOT NULL,
        CONSTRAINT identity_links_id_unique UNIQUE (id_type, id_value)
      );
      CREATE TABLE identity_link_refusals (
        id bigserial PRIMARY KEY,
        subject varchar(255) NOT NULL,
        id_type varchar(32) NOT NULL DEFAULT 'NATIONAL_ID',
        id_value varchar(100) NOT NULL,
        attempted_at timestamptz NOT NULL
      );
      CREATE INDEX identity_link_refusals_id_idx ON identity_link_refusals (id_type, id_value);
      CREATE INDEX identity_link_refusals_subject_idx ON identity_link_refusals (subject);
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE identity_link_refusals; DROP TABLE identity_links; DROP TABLE trusted_id_issuers;');
  },
};
