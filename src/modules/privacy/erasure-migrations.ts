import type { Migration } from '../../platform/db/migrate.js';

/**
 * Erasure requests: one row per request, by the applicant's subject. The partial unique index is the
 * database's own guard of "one pending request per person", however many times they press the button.
 * The reason and the user name are cleared when the request is completed.
 */
export const createErasureRequests: Migration = {
  name: '2026-12-10-01-erasure-requests',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE erasure_requests (
        id uuid PRIMARY KEY,
        subject varchar(255) NOT NULL,
        username varchar(255),
        reason varchar(500),
        status varchar(16) NOT NULL CHECK (status IN ('PENDING', 'COMPLETED')),
        requested_at timestamptz NOT NULL,
        completed_at timestamptz,
        completed_by varchar(255),
        CONSTRAINT erasure_requests_completed CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX erasure_requests_one_pending_idx ON erasure_requests (subject) WHERE status = 'PENDING';
      CREATE INDEX erasure_requests_subject_idx ON erasure_requests (subject, requested_at DESC);
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE erasure_requests;');
  },
};
