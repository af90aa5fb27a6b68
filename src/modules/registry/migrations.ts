import type { Migration } from '../../platform/db/migrate.js';

export const createRegistry: Migration = {
  name: '2026-11-26-11-registry',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE registrants (
        id uuid PRIMARY KEY,
        id_type varchar(32) NOT NULL,
        id_value varchar(64) NOT NULL,
        given_name varchar(100) NOT NULL,
        family_name varchar(100) NOT NULL,
        gender varchar(16) NOT NULL,
        birth_date date NOT NULL,
        occupation varchar(100),
        region varchar(100) NOT NULL,
        district varchar(100),
        locality varchar(100),
        address_line varchar(200),
        phone varchar(32),
        email varchar(200),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by varchar(255) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by varchar(255) NOT NULL,
        CONSTRAINT registrants_id_unique UNIQUE (id_type, id_value)
      );
      CREATE INDEX registrants_family_name_idx ON registrants (lower(family_name) text_pattern_ops);
      CREATE INDEX registrants_given_name_idx ON registrants (lower(given_name) text_pattern_ops);
      CREATE INDEX registrants_region_idx ON registrants (lower(region));
      CREATE TABLE family_members (
        id uuid PRIMARY KEY,
        registrant_id uuid NOT NULL REFERENCES registrants (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        relation varchar(16) NOT NULL,
        given_name varchar(100) NOT NULL,
        family_name varchar(100) NOT NULL,
        gender varchar(16) NOT NULL,
        birth_date date NOT NULL,
        occupation varchar(100)
      );
      CREATE INDEX family_members_registrant_idx ON family_members (registrant_id, position);
      CREATE TABLE registrant_changes (
        id bigserial PRIMARY KEY,
        registrant_id uuid NOT NULL REFERENCES registrants (id) ON DELETE CASCADE,
        changed_at timestamptz NOT NULL DEFAULT now(),
        changed_by_subject varchar(255) NOT NULL,
        changed_by_username varchar(255),
        changes jsonb NOT NULL
      );
      CREATE INDEX registrant_changes_registrant_idx ON registrant_changes (registrant_id, changed_at);
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE registrant_changes; DROP TABLE family_members; DROP TABLE registrants;');
  },
};
