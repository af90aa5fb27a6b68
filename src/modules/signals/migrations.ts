import type { Migration } from '../../platform/db/migrate.js';

/**
 * Officers' reviews of fraud signals (append-only; the latest of a signal is shown), and the indexes the
 * signals' look-ups need on the tables they read: the same registrant, the same name and birth date, a
 * family member listed elsewhere, and a phone number written with or without spaces and signs.
 */
export const createSignalReviews: Migration = {
  name: '2026-12-04-11-signal-reviews',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE signal_reviews (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        signal_key varchar(80) NOT NULL,
        reviewed_by_subject varchar(255) NOT NULL,
        reviewed_by_display_name varchar(255) NOT NULL,
        reviewed_at timestamptz NOT NULL,
        note varchar(2000) NOT NULL CHECK (note <> '')
      );
      CREATE INDEX signal_reviews_application_idx ON signal_reviews (application_id, signal_key, reviewed_at DESC);
      CREATE INDEX applications_registrant_idx ON applications (registrant_id) WHERE status <> 'DRAFT';
      CREATE INDEX applications_applicant_name_idx ON applications (
        lower(snapshot -> 'applicant' ->> 'familyName'), (snapshot -> 'applicant' ->> 'birthDate')) WHERE status <> 'DRAFT';
      CREATE INDEX applications_family_members_idx ON applications
        USING gin ((lower((snapshot -> 'familyMembers')::text)::jsonb) jsonb_path_ops) WHERE status <> 'DRAFT';
      CREATE INDEX registrants_phone_digits_idx ON registrants (regexp_replace(phone, '[^0-9]', '', 'g')) WHERE phone IS NOT NULL;
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query(`
      DROP INDEX registrants_phone_digits_idx;
      DROP INDEX applications_family_members_idx;
      DROP INDEX applications_applicant_name_idx;
      DROP INDEX applications_registrant_idx;
      DROP TABLE signal_reviews;
    `);
  },
};
