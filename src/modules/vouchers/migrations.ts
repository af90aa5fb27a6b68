import type { Migration } from '../../platform/db/migrate.js';

/**
 * Vouchers, one row per issued credential, and the signed status lists served to scanners.
 * A voucher's place in the status lists comes from a sequence (no lock shared by issuers); the partial
 * unique index is the database's own guard of "one voucher in force per application", whoever presses
 * issue at the same moment. A status list row holds the signed credential as last published; it is
 * rebuilt from the vouchers' statuses whenever one of them changes.
 */
export const createVouchers: Migration = {
  name: '2026-12-06-02-vouchers',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE SEQUENCE voucher_status_position_seq AS bigint MINVALUE 0 START 0;
      CREATE TABLE vouchers (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id),
        program_id uuid NOT NULL REFERENCES programs (id),
        status varchar(16) NOT NULL,
        status_list integer NOT NULL,
        status_index integer NOT NULL,
        issuer varchar(255) NOT NULL,
        amount numeric(14, 2) NOT NULL,
        currency char(3) NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_until timestamptz NOT NULL,
        credential jsonb NOT NULL,
        qr_text text NOT NULL,
        issued_by varchar(255) NOT NULL,
        issued_at timestamptz NOT NULL,
        status_reason varchar(2000),
        status_changed_by varchar(255),
        status_changed_at timestamptz,
        pdf_document_id uuid REFERENCES documents (id),
        CONSTRAINT vouchers_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED')),
        CONSTRAINT vouchers_status_position UNIQUE (status_list, status_index),
        CONSTRAINT vouchers_amount CHECK (amount > 0)
      );
      CREATE UNIQUE INDEX vouchers_one_in_force_idx ON vouchers (application_id) WHERE status <> 'REVOKED';
      CREATE INDEX vouchers_program_idx ON vouchers (program_id, issued_at DESC);
      CREATE TABLE status_lists (
        list_number integer NOT NULL,
        purpose varchar(16) NOT NULL,
        credential jsonb NOT NULL,
        etag varchar(64) NOT NULL,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (list_number, purpose),
        CONSTRAINT status_lists_purpose CHECK (purpose IN ('revocation', 'suspension'))
      );
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE status_lists; DROP TABLE vouchers; DROP SEQUENCE voucher_status_position_seq;');
  },
};

/** The Document Store keeps the printable vouchers the service makes, as documents of kind `voucher`. */
export const allowVoucherDocuments: Migration = {
  name: '2026-12-06-03-voucher-documents',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      ALTER TABLE documents DROP CONSTRAINT documents_kind_check;
      ALTER TABLE documents ADD CONSTRAINT documents_kind_check
        CHECK (kind IN ('medical-report', 'prescription', 'id-proof', 'other', 'voucher'));
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query(`
      UPDATE vouchers SET pdf_document_id = NULL;
      DELETE FROM documents WHERE kind = 'voucher';
      ALTER TABLE documents DROP CONSTRAINT documents_kind_check;
      ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN ('medical-report', 'prescription', 'id-proof', 'other'));
    `);
  },
};

/**
 * Redemption: what has been drawn from a voucher so far, never more than its amount (the database's own guard,
 * whatever instance redeems), and REDEEMED once nothing remains.
 */
export const addVoucherRedemption: Migration = {
  name: '2026-12-07-01-voucher-redemption',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      ALTER TABLE vouchers ADD COLUMN redeemed_amount numeric(14, 2) NOT NULL DEFAULT 0;
      ALTER TABLE vouchers ADD CONSTRAINT vouchers_redeemed_amount CHECK (redeemed_amount >= 0 AND redeemed_amount <= amount);
      ALTER TABLE vouchers DROP CONSTRAINT vouchers_status;
      ALTER TABLE vouchers ADD CONSTRAINT vouchers_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'REDEEMED'));
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query(`
      UPDATE vouchers SET status = 'REVOKED' WHERE status = 'REDEEMED';
      ALTER TABLE vouchers DROP CONSTRAINT vouchers_status;
      ALTER TABLE vouchers ADD CONSTRAINT vouchers_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED'));
      ALTER TABLE vouchers DROP CONSTRAINT vouchers_redeemed_amount;
      ALTER TABLE vouchers DROP COLUMN redeemed_amount;
    `);
  },
};
