import type { Migration } from '../../platform/db/migrate.js';

export const createPrograms: Migration = {
  name: '2026-11-26-12-programs',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE programs (
        id uuid PRIMARY KEY,
        code varchar(32) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        currency char(3) NOT NULL,
        max_amount numeric(14, 2) NOT NULL CHECK (max_amount > 0),
        voucher_validity_days integer NOT NULL CHECK (voucher_validity_days > 0),
        state varchar(8) NOT NULL DEFAULT 'closed' CHECK (state IN ('open', 'closed')),
        treatment_types jsonb NOT NULL,
        reason_codes jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE program_stages (
        id uuid PRIMARY KEY,
        program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        name varchar(100) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('review', 'assessment')),
        officer_type varchar(8) NOT NULL CHECK (officer_type IN ('user', 'group')),
        officer_ref varchar(255) NOT NULL,
        CONSTRAINT program_stages_position_unique UNIQUE (program_id, position) DEFERRABLE INITIALLY DEFERRED
      );
      CREATE TABLE officer_groups (
        id uuid PRIMARY KEY,
        code varchar(64) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        members text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE officer_groups; DROP TABLE program_stages; DROP TABLE programs;');
  },
};
