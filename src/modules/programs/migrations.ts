import { findUsers, type DirectoryUser } from '../../platform/auth/user-directory.js';
import { directoryFor, type Migration } from '../../platform/db/migrate.js';
import { execute, selectRows } from '../../platform/db/sql.js';

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

/**
 * Officers become people known by subject. Stage officers and group members were stored by user
 * name; each name the identity provider still knows is replaced by that person's subject, and their
 * names are kept in `officers` for display. A name it does not know stays as it was: it matches no
 * one's subject, so that stage waits for a manager to designate someone again. Groups get a version.
 */
export const storeOfficersBySubject: Migration = {
  name: '2026-12-01-10-officers-by-subject',
  async up({ name, context }) {
    const { sequelize, logger } = context;
    const names = (
      await selectRows<{ name: string }>(
        sequelize,
        `SELECT officer_ref AS name FROM program_stages WHERE officer_type = 'user'
         UNION SELECT unnest(members) FROM officer_groups`,
      )
    ).map((row) => row.name);
    const people = names.length === 0 ? [] : await findUsers(directoryFor(context, name), names);
    const mapping = Object.fromEntries(names.flatMap((name, index) => (people[index] ? [[name, people[index].subject]] : [])));
    const known = people.filter((person): person is DirectoryUser => person !== undefined);
    await sequelize.transaction(async (transaction) => {
      await sequelize.query(
        `CREATE TABLE officers (
           subject varchar(255) PRIMARY KEY,
           username varchar(255) NOT NULL,
           display_name varchar(255) NOT NULL,
           checked_at timestamptz NOT NULL DEFAULT now()
         );
         ALTER TABLE officer_groups ADD COLUMN version integer NOT NULL DEFAULT 1;`,
        { transaction },
      );
      await execute(
        sequelize,
        `INSERT INTO officers (subject, username, display_name)
         SELECT DISTINCT ON (p.subject) p.subject, p.username, p.display_name
         FROM jsonb_to_recordset(CAST(:people AS jsonb)) AS p(subject varchar, username varchar, display_name varchar)`,
        { people: JSON.stringify(known.map((p) => ({ subject: p.subject, username: p.username, display_name: p.displayName }))) },
        transaction,
      );
      await execute(
        sequelize,
        `UPDATE program_stages s SET officer_ref = m.value
         FROM jsonb_each_text(CAST(:mapping AS jsonb)) AS m WHERE s.officer_type = 'user' AND s.officer_ref = m.key`,
        { mapping: JSON.stringify(mapping) },
        transaction,
      );
      await execute(
        sequelize,
        `UPDATE officer_groups g SET members = ARRAY(
           SELECT x.member FROM (
             SELECT COALESCE(CAST(:mapping AS jsonb)->>u.member, u.member) AS member, min(u.position) AS position
             FROM unnest(g.members) WITH ORDINALITY AS u(member, position) GROUP BY 1
           ) x ORDER BY x.position)`,
        { mapping: JSON.stringify(mapping) },
        transaction,
      );
    });
    const unknown = names.length - Object.keys(mapping).length;
    if (unknown > 0) logger.warn({ unknown }, 'officers the identity provider does not know were kept by user name; designate them again');
  },
};

/**
 * Each program runs in a time zone (an IANA name): pages show its dates and times there, never in UTC.
 * Programs made before this setting existed keep showing what they showed, in UTC, until a manager sets theirs.
 */
/** Each stage's eligibility checklist (yes/no criteria its officer answers); existing stages have none. */
export const addStageChecklists: Migration = {
  name: '2026-12-04-11-stage-checklists',
  async up({ context: { sequelize } }) {
    await sequelize.query(`ALTER TABLE program_stages ADD COLUMN checklist jsonb NOT NULL DEFAULT '[]'`);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('ALTER TABLE program_stages DROP COLUMN checklist');
  },
};

export const addProgramTimeZone: Migration = {
  name: '2026-12-03-10-program-time-zone',
  async up({ context: { sequelize } }) {
    await sequelize.query(`ALTER TABLE programs ADD COLUMN time_zone varchar(64) NOT NULL DEFAULT 'UTC'`);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('ALTER TABLE programs DROP COLUMN time_zone');
  },
};

/**
 * Each program's voucher template: what a manager set (the rest reads as defaults, so existing programs
 * print as before) and an optional small logo, kept in the row since it is read with every voucher printed.
 */
export const addVoucherTemplates: Migration = {
  name: '2026-12-06-01-voucher-templates',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      ALTER TABLE programs
        ADD COLUMN voucher_template jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN voucher_logo bytea CHECK (octet_length(voucher_logo) BETWEEN 1 AND 204800),
        ADD COLUMN voucher_logo_type varchar(16) CHECK (voucher_logo_type IN ('image/png', 'image/jpeg')),
        ADD CONSTRAINT programs_voucher_logo_typed CHECK ((voucher_logo IS NULL) = (voucher_logo_type IS NULL))`);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('ALTER TABLE programs DROP COLUMN voucher_logo_type, DROP COLUMN voucher_logo, DROP COLUMN voucher_template');
  },
};

/** How a program's vouchers are issued: by an officer (as before, so existing programs keep it) or at the last approval. */
export const addVoucherIssuanceMode: Migration = {
  name: '2026-12-06-04-voucher-issuance-mode',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      ALTER TABLE programs ADD COLUMN voucher_issuance varchar(16) NOT NULL DEFAULT 'manual'
        CHECK (voucher_issuance IN ('manual', 'on-approval'))`);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('ALTER TABLE programs DROP COLUMN voucher_issuance');
  },
};
