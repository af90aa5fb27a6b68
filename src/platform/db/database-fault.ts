/**
 * What PostgreSQL said of a statement it refused, reduced to what names the fault without quoting a value:
 * its SQLSTATE and the constraint, table and column it names. The message, `detail`, `where`, the SQL and
 * its parameters can quote values from a request (personal data), so they are left out.
 */
export interface DatabaseFault {
  sqlState: string;
  constraint?: string;
  table?: string;
  column?: string;
}

interface PgErrorShape {
  code?: unknown;
  severity?: unknown;
  routine?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  parent?: unknown;
  original?: unknown;
  cause?: unknown;
}

const optional = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The PostgreSQL error behind `err`: pg's own, or wrapped by Sequelize (`parent`, `original`) or as a `cause`. */
export function findDatabaseFault(err: unknown, depth = 0): DatabaseFault | undefined {
  if (err === null || typeof err !== 'object' || depth > 4) return undefined;
  const record = err as PgErrorShape;
  const fromPostgres = record.severity !== undefined || record.routine !== undefined;
  if (fromPostgres && typeof record.code === 'string' && /^[0-9A-Z]{5}$/.test(record.code)) {
    return {
      sqlState: record.code,
      constraint: optional(record.constraint),
      table: optional(record.table),
      column: optional(record.column),
    };
  }
  return [record.parent, record.original, record.cause].reduce<DatabaseFault | undefined>(
    (found, inner) => found ?? findDatabaseFault(inner, depth + 1),
    undefined,
  );
}
