/**
 * Two PostgreSQL roles: migrations run as the owner of the schema; the app connects as a role that may
 * read and write the business tables but may only INSERT and SELECT the audit trail, so the running
 * service cannot rewrite its own record. Granted after every migration run, so new tables are covered.
 */
import pg from 'pg';
import type { Sequelize, Transaction } from 'sequelize';

export interface AppRole {
  name: string;
  /**
   * Set when the migrations own the role: they create it, or set this password on it, so a changed
   * DATABASE_APP_PASSWORD takes effect. Unset for a role given in DATABASE_APP_URL, which the DBA owns.
   */
  password: string | undefined;
}

/** Tables the app may only append to and read. */
const APPEND_ONLY = ['audit_events', 'audit_checkpoints'];
/** pg-boss's schema (platform/jobs): the app runs jobs but never changes their tables. */
const JOB_SCHEMA = 'pgboss';
/**
 * The rate limiters' counters (platform/http/rate-limits.ts): read, upserted on every counted request and
 * pruned by the app. Named although the public schema's grant covers them, so the limiter keeps what it
 * needs if that grant is ever narrowed: without it every request would fall back to per-instance counts.
 */
const RATE_LIMIT_TABLES = ['rate_limit_counters'];
/** Tables only migrations write. */
const READ_ONLY = ['schema_migrations'];

export async function grantAppRole(sequelize: Sequelize, transaction: Transaction, role: AppRole): Promise<void> {
  const name = pg.escapeIdentifier(role.name);
  if (role.password !== undefined) {
    // Role names are cluster-wide: another database's migration may create or change it at the same moment. Two
    // CREATEs: the second finds it made. Two ALTERs: the second waits for the first to commit, then PostgreSQL
    // refuses it ("tuple concurrently updated", XX000); the first set the same password, so that is kept.
    await sequelize.query(
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${pg.escapeLiteral(role.name)}) THEN
           BEGIN
             CREATE ROLE ${name} LOGIN PASSWORD ${pg.escapeLiteral(role.password)};
           EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
           END;
         ELSE
           BEGIN
             ALTER ROLE ${name} WITH LOGIN PASSWORD ${pg.escapeLiteral(role.password)};
           EXCEPTION WHEN internal_error THEN NULL;
           END;
         END IF;
       END $$`,
      { transaction },
    );
  }
  await sequelize.query(
    `GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(await currentDatabase(sequelize, transaction))} TO ${name};
     GRANT USAGE ON SCHEMA public TO ${name};
     GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name};
     GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${name};
     REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY.join(', ')} FROM ${name};
     GRANT SELECT, INSERT, UPDATE, DELETE ON ${RATE_LIMIT_TABLES.join(', ')} TO ${name};
     GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${name};
     GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${name};
     GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO ${name};
     REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${READ_ONLY.join(', ')} FROM ${name};`,
    { transaction },
  );
}

async function currentDatabase(sequelize: Sequelize, transaction: Transaction): Promise<string> {
  const [rows] = (await sequelize.query('SELECT current_database() AS name', { transaction })) as [Array<{ name: string }>, unknown];
  const name = rows[0]?.name;
  if (!name) throw new Error('PostgreSQL did not name the current database');
  return name;
}

/** The connection string the app uses: the owner's, with the app role's name and password. */
export function appRoleUrl(ownerUrl: string, role: AppRole): string {
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(role.name);
  url.password = role.password === undefined ? '' : encodeURIComponent(role.password);
  return url.href;
}

export function roleOfUrl(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).username);
}
