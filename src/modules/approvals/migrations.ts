import type { Migration } from '../../platform/db/migrate.js';

/**
 * Stage decisions, append-only, one row per decided stage. The unique keys are the database's own guard
 * of two rules the service checks first: a stage is decided once, and one person decides at most one
 * stage of an application. Applications gain the amount an assessment set and the time they arrived at
 * their current stage, which the work queue is ordered by (its index follows the current stage's officer).
 */
export const createApplicationDecisions: Migration = {
  name: '2026-12-03-11-application-decisions',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      ALTER TABLE applications ADD COLUMN assessed_amount numeric(14, 2), ADD COLUMN waiting_since timestamptz;
      UPDATE applications SET waiting_since = submitted_at WHERE status <> 'DRAFT';
      CREATE TABLE application_decisions (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        stage_position smallint NOT NULL,
        stage_kind varchar(16) NOT NULL,
        officer_subject varchar(255) NOT NULL,
        officer_display_name varchar(255) NOT NULL,
        decided_at timestamptz NOT NULL,
        decision varchar(8) NOT NULL,
        reason_code varchar(64) NOT NULL,
        reason_label varchar(200) NOT NULL,
        reason_text varchar(2000),
        amount numeric(14, 2),
        currency char(3),
        override_reason varchar(2000),
        CONSTRAINT application_decisions_once UNIQUE (application_id, stage_position),
        CONSTRAINT application_decisions_one_stage_each UNIQUE (application_id, officer_subject),
        CONSTRAINT application_decisions_decision CHECK (decision IN ('approve', 'reject')),
        CONSTRAINT application_decisions_amount CHECK ((amount IS NULL) = (currency IS NULL) AND (amount IS NULL OR amount > 0))
      );
      CREATE INDEX applications_work_queue_idx ON applications (((stages -> (current_stage - 1)) -> 'officer' ->> 'ref'), waiting_since, id)
        WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'ASSESSED');
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query(`
      DROP INDEX applications_work_queue_idx;
      DROP TABLE application_decisions;
      ALTER TABLE applications DROP COLUMN assessed_amount, DROP COLUMN waiting_since;
    `);
  },
};

/**
 * Decisions keep their answers to the stage's checklist (earlier decisions answered none), and officers'
 * verdicts on attached documents are appended to `document_verifications`: the latest per document holds.
 */
export const addChecklistAnswersAndDocumentVerifications: Migration = {
  name: '2026-12-04-12-checklist-answers-document-verifications',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      ALTER TABLE application_decisions ADD COLUMN checklist jsonb NOT NULL DEFAULT '{}';
      CREATE TABLE document_verifications (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL,
        document_id uuid NOT NULL,
        stage_position smallint NOT NULL,
        verdict varchar(8) NOT NULL CHECK (verdict IN ('verified', 'rejected')),
        reason varchar(2000),
        officer_subject varchar(255) NOT NULL,
        officer_display_name varchar(255) NOT NULL,
        recorded_at timestamptz NOT NULL,
        FOREIGN KEY (application_id, document_id) REFERENCES application_documents (application_id, document_id) ON DELETE CASCADE,
        CONSTRAINT document_verifications_reason CHECK (verdict = 'verified' OR reason IS NOT NULL)
      );
      CREATE INDEX document_verifications_application_idx ON document_verifications (application_id, document_id, id);
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query(`
      DROP TABLE document_verifications;
      ALTER TABLE application_decisions DROP COLUMN checklist;
    `);
  },
};

/**
 * The officer of each application's current stage as columns the database keeps (generated from the
 * snapshot, so a decision or a reassignment updates them), and the work-queue index over them carrying
 * program and stage: an officer's counts per stage are then read from the index alone, not from every
 * waiting row, which matters when a group holds a stage with many thousands waiting (bench/approvals.ts).
 */
export const addWaitingOfficerColumns: Migration = {
  name: '2026-12-05-11-waiting-officer-columns',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      ALTER TABLE applications
        ADD COLUMN waiting_officer_type varchar(16) GENERATED ALWAYS AS ((stages -> (current_stage - 1)) -> 'officer' ->> 'type') STORED,
        ADD COLUMN waiting_officer_ref varchar(255) GENERATED ALWAYS AS ((stages -> (current_stage - 1)) -> 'officer' ->> 'ref') STORED;
      DROP INDEX applications_work_queue_idx;
      CREATE INDEX applications_waiting_idx ON applications (waiting_officer_ref, waiting_since, id)
        INCLUDE (program_id, current_stage, waiting_officer_type)
        WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'ASSESSED');
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query(`
      DROP INDEX applications_waiting_idx;
      ALTER TABLE applications DROP COLUMN waiting_officer_type, DROP COLUMN waiting_officer_ref;
      CREATE INDEX applications_work_queue_idx ON applications (((stages -> (current_stage - 1)) -> 'officer' ->> 'ref'), waiting_since, id)
        WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'ASSESSED');
    `);
  },
};

/**
 * The pipeline counts the applications waiting at each stage of one program, and finds the oldest wait:
 * with this partial index that is one index-only scan, grouped in index order, however many wait.
 */
export const addPipelineIndex: Migration = {
  name: '2026-12-05-11-applications-pipeline-index',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE INDEX applications_pipeline_idx ON applications (program_id, current_stage, waiting_since, submitted_at)
        WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'ASSESSED');
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP INDEX applications_pipeline_idx;');
  },
};
