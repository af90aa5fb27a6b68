import type { Migration } from '../../platform/db/migrate.js';

/**
 * Service providers (the facilities that serve beneficiaries and are reimbursed), the provider users linked
 * to each (one facility per user, compared by subject), and redemptions: what a provider gave against a
 * voucher, for how much. What remains on a voucher is the vouchers module's (`vouchers.redeemed_amount`).
 */
export const createServiceProviders: Migration = {
  name: '2026-12-07-02-service-providers',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE service_providers (
        id uuid PRIMARY KEY,
        name varchar(200) NOT NULL,
        kind varchar(16) NOT NULL,
        region varchar(100) NOT NULL,
        payment_details varchar(500) NOT NULL,
        created_by varchar(255) NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT service_providers_kind CHECK (kind IN ('hospital', 'clinic', 'pharmacy', 'laboratory', 'other'))
      );
      CREATE TABLE provider_users (
        subject varchar(255) PRIMARY KEY,
        provider_id uuid NOT NULL REFERENCES service_providers (id),
        username varchar(255) NOT NULL,
        display_name varchar(255) NOT NULL,
        linked_by varchar(255) NOT NULL,
        linked_at timestamptz NOT NULL
      );
      CREATE INDEX provider_users_provider_idx ON provider_users (provider_id);
      CREATE TABLE redemptions (
        id uuid PRIMARY KEY,
        voucher_id uuid NOT NULL REFERENCES vouchers (id),
        provider_id uuid NOT NULL REFERENCES service_providers (id),
        redeemed_by varchar(255) NOT NULL,
        amount numeric(14, 2) NOT NULL,
        currency char(3) NOT NULL,
        service varchar(500) NOT NULL,
        redeemed_at timestamptz NOT NULL,
        remaining_after numeric(14, 2) NOT NULL,
        CONSTRAINT redemptions_amount CHECK (amount > 0)
      );
      CREATE INDEX redemptions_provider_idx ON redemptions (provider_id, redeemed_at DESC);
      CREATE INDEX redemptions_voucher_idx ON redemptions (voucher_id, redeemed_at);
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE redemptions; DROP TABLE provider_users; DROP TABLE service_providers;');
  },
};

/**
 * Reimbursement claims: a facility claims for some of its redemptions, with an invoice from the Document
 * Store. A redemption is in one claim at a time (`redemptions.claim_id`; a rejected claim lets its
 * redemptions go, so they can be claimed again), and the claim keeps the ids it was made of.
 */
export const createClaims: Migration = {
  name: '2026-12-07-04-claims',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE claims (
        id uuid PRIMARY KEY,
        provider_id uuid NOT NULL REFERENCES service_providers (id),
        status varchar(16) NOT NULL,
        total numeric(14, 2) NOT NULL,
        currency char(3) NOT NULL,
        invoice_document_id uuid NOT NULL REFERENCES documents (id),
        redemption_ids uuid[] NOT NULL,
        submitted_by varchar(255) NOT NULL,
        submitted_at timestamptz NOT NULL,
        decided_by varchar(255),
        decided_at timestamptz,
        decision_reason varchar(2000),
        paid_by varchar(255),
        paid_at timestamptz,
        payment_reference varchar(200),
        CONSTRAINT claims_status CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'PAID')),
        CONSTRAINT claims_total CHECK (total > 0)
      );
      CREATE INDEX claims_provider_idx ON claims (provider_id, submitted_at DESC);
      CREATE INDEX claims_status_idx ON claims (status, submitted_at);
      ALTER TABLE redemptions ADD COLUMN claim_id uuid REFERENCES claims (id);
      CREATE INDEX redemptions_claim_idx ON redemptions (claim_id);
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('ALTER TABLE redemptions DROP COLUMN claim_id; DROP TABLE claims;');
  },
};

/**
 * What the claims officer's redemption signals look up (find-claim-signals.ts): a beneficiary's vouchers by
 * application, revoked ones too, as a voucher may be redeemed in part before it is revoked.
 */
export const addClaimSignalIndexes: Migration = {
  name: '2026-12-08-01-claim-signal-indexes',
  async up({ context: { sequelize } }) {
    await sequelize.query('CREATE INDEX vouchers_application_idx ON vouchers (application_id);');
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP INDEX vouchers_application_idx;');
  },
};
