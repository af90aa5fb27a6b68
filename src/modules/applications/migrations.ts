import { findUsers } from '../../platform/auth/user-directory.js';
import { directoryFor, type Migration } from '../../platform/db/migrate.js';
import { execute, selectRows } from '../../platform/db/sql.js';

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

/**
 * The stage lists applications were submitted with named user officers by user name; officers are now
 * compared by subject, so each name the identity provider still knows becomes that person's subject.
 * A name it does not know stays, matching no one.
 */
export const storeApplicationOfficersBySubject: Migration = {
  name: '2026-12-01-11-application-officers-by-subject',
  async up({ name, context }) {
    const { sequelize, logger } = context;
    const names = (
      await selectRows<{ name: string }>(
        sequelize,
        `SELECT DISTINCT s->'officer'->>'ref' AS name FROM applications a, jsonb_array_elements(a.stages) AS s
         WHERE a.stages IS NOT NULL AND s->'officer'->>'type' = 'user'`,
      )
    ).map((row) => row.name);
    if (names.length === 0) return;
    const people = await findUsers(directoryFor(context, name), names);
    const mapping = Object.fromEntries(names.flatMap((ref, index) => (people[index] ? [[ref, people[index].subject]] : [])));
    await execute(
      sequelize,
      `UPDATE applications a SET stages = (
         SELECT jsonb_agg(CASE WHEN s->'officer'->>'type' = 'user' AND (m->>(s->'officer'->>'ref')) IS NOT NULL
                               THEN jsonb_set(s, '{officer,ref}', m->(s->'officer'->>'ref')) ELSE s END ORDER BY position)
         FROM jsonb_array_elements(a.stages) WITH ORDINALITY AS e(s, position), (SELECT CAST(:mapping AS jsonb) AS m) AS mapping)
       WHERE a.stages IS NOT NULL AND jsonb_array_length(a.stages) > 0`,
      { mapping: JSON.stringify(mapping) },
    );
    const unknown = names.length - Object.keys(mapping).length;
    if (unknown > 0) logger.warn({ unknown }, 'stage officers of submitted applications the identity provider does not know were kept');
  },
};

/**
 * Values an applicant sent for registry fields an officer verified, which the registry kept: one row per
 * application and field, with the value sent, the registry's at submission, and the first-stage officer's
 * decision (who, when, accept or keep) once made.
 */
export const createRegistryProposals: Migration = {
  name: '2026-12-02-11-application-registry-proposals',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE application_registry_proposals (
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        field varchar(32) NOT NULL,
        proposed_value jsonb NOT NULL,
        registry_value jsonb NOT NULL,
        decision varchar(8),
        decided_by_subject varchar(255),
        decided_by_username varchar(255),
        decided_at timestamptz,
        PRIMARY KEY (application_id, field),
        CONSTRAINT application_registry_proposals_decision CHECK (decision IN ('accept', 'keep')),
        CONSTRAINT application_registry_proposals_decided CHECK ((decision IS NULL) = (decided_at IS NULL)
          AND (decision IS NULL) = (decided_by_subject IS NULL))
      );
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE application_registry_proposals;');
  },
};
