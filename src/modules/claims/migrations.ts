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
