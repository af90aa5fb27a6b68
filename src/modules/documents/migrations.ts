import type { Migration } from '../../platform/db/migrate.js';

/** Document metadata; the bytes live in the document storage under `sha256`. Rows are updated only to mark them deleted. */
export const createDocuments: Migration = {
  name: '2026-11-26-10-documents',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY,
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        media_type varchar(100) NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        file_name varchar(255) NOT NULL CHECK (file_name <> ''),
        kind varchar(32) NOT NULL CHECK (kind IN ('medical-report', 'prescription', 'id-proof', 'other')),
        owner_subject varchar(255) NOT NULL,
        owner_username varchar(255) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX documents_owner_idx ON documents (owner_subject, created_at);
      CREATE INDEX documents_sha256_idx ON documents (sha256);
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE documents');
  },
};

/**
 * Retention deletes a document's bytes and keeps its row, marked: decisions and document verdicts refer to
 * it, and the record says what was there and when it went. A marked document reads as one that never was.
 */
export const addDocumentDeletion: Migration = {
  name: '2026-12-09-01-document-deletion',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      ALTER TABLE documents ADD COLUMN deleted_at timestamptz;
      CREATE INDEX documents_live_sha256_idx ON documents (sha256) WHERE deleted_at IS NULL;
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP INDEX documents_live_sha256_idx; ALTER TABLE documents DROP COLUMN deleted_at;');
  },
};

/** Service providers upload the invoices of their reimbursement claims as documents of kind `invoice`. */
export const allowInvoiceDocuments: Migration = {
  name: '2026-12-07-03-invoice-documents',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      ALTER TABLE documents DROP CONSTRAINT documents_kind_check;
      ALTER TABLE documents ADD CONSTRAINT documents_kind_check
        CHECK (kind IN ('medical-report', 'prescription', 'id-proof', 'other', 'voucher', 'invoice'));
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query(`
      DELETE FROM documents WHERE kind = 'invoice';
      ALTER TABLE documents DROP CONSTRAINT documents_kind_check;
      ALTER TABLE documents ADD CONSTRAINT documents_kind_check
        CHECK (kind IN ('medical-report', 'prescription', 'id-proof', 'other', 'voucher'));
    `);
  },
};
