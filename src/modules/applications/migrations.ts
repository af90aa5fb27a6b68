import type { Migration } from '../../platform/db/migrate.js';

export const createApplications: Migration = {
  name: '2026-11-26-13-applications',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      -- Each process takes a block of 50 numbers per call (see reference.ts).
      CREATE SEQUENCE application_number_seq INCREMENT BY 50 START WITH 1;
      CREATE TABLE applications (
        id uuid PRIMARY KEY,
        reference varchar(16) NOT NULL UNIQUE,
        program_id uuid NOT NULL REFERENCES programs (id),
        registrant_id uuid REFERENCES registrants (id),
        applicant_subject varchar(255) NOT NULL,
        applicant_username varchar(255),
        status varchar(24) NOT NULL,
        draft jsonb,
        snapshot jsonb,
        stages jsonb,
        current_stage smallint,
        treatment_type varchar(64),
        estimated_cost numeric(14, 2),
        currency char(3),
        submitted_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applications_submitted_complete CHECK (status = 'DRAFT'
          OR (snapshot IS NOT NULL AND registrant_id IS NOT NULL AND submitted_at IS NOT NULL))
      );
      CREATE INDEX applications_applicant_idx ON applications (applicant_subject, created_at DESC);
      CREATE INDEX applications_program_status_idx ON applications (program_id, status, submitted_at DESC);
      CREATE TABLE application_documents (
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        document_id uuid NOT NULL REFERENCES documents (id),
        kind varchar(32) NOT NULL,
        PRIMARY KEY (application_id, document_id)
      );
      CREATE INDEX application_documents_document_idx ON application_documents (document_id);
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE application_documents; DROP TABLE applications; DROP SEQUENCE application_number_seq;');
  },
};
