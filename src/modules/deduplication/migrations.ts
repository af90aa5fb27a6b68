import type { Migration } from '../../platform/db/migrate.js';

/**
 * How first-stage officers resolved likely duplicates: one row per pair of people (`pair_key`, the two in
 * a fixed order), so a pair is resolved once, whichever application raised it. The people are named by
 * kind and id only; the reason is free text (personal data: never in events).
 */
export const createDuplicateResolutions: Migration = {
  name: '2026-12-11-02-duplicate-resolutions',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE duplicate_resolutions (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        pair_key varchar(120) NOT NULL CONSTRAINT duplicate_resolutions_pair_unique UNIQUE,
        record_kind varchar(16) NOT NULL CHECK (record_kind IN ('registrant', 'family-member')),
        record_id uuid NOT NULL,
        match_kind varchar(16) NOT NULL CHECK (match_kind IN ('registrant', 'family-member')),
        match_id uuid NOT NULL,
        resolution varchar(16) NOT NULL CHECK (resolution IN ('merge', 'link-household', 'dismiss')),
        reason varchar(2000),
        match_type varchar(8) NOT NULL CHECK (match_type IN ('exact', 'probable')),
        score numeric(3, 2) NOT NULL,
        matched_on text[] NOT NULL,
        resolved_by_subject varchar(255) NOT NULL,
        resolved_by_display_name varchar(255) NOT NULL,
        resolved_at timestamptz NOT NULL,
        CONSTRAINT duplicate_resolutions_dismiss_reason CHECK (resolution <> 'dismiss' OR reason <> '')
      );
      CREATE INDEX duplicate_resolutions_application_idx ON duplicate_resolutions (application_id, resolved_at);
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE duplicate_resolutions;');
  },
};
