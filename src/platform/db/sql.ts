/**
 * Thin typed helpers over Sequelize's raw queries with named replacements (`:name`), always bound,
 * never concatenated. Modules use these for hand-written SQL where a model adds nothing.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

export type Replacements = Record<string, unknown>;

export async function selectRows<T extends object>(
  sequelize: Sequelize,
  sql: string,
  replacements: Replacements = {},
  transaction?: Transaction,
): Promise<T[]> {
  return sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements, transaction });
}

export async function selectOne<T extends object>(
  sequelize: Sequelize,
  sql: string,
  replacements: Replacements = {},
  transaction?: Transaction,
): Promise<T | undefined> {
  const rows = await selectRows<T>(sequelize, sql, replacements, transaction);
  return rows[0];
}

/** Runs a statement that returns nothing the caller needs; resolves to the affected row count. */
export async function execute(sequelize: Sequelize, sql: string, replacements: Replacements = {}, transaction?: Transaction): Promise<number> {
  const [, meta] = await sequelize.query(sql, { replacements, transaction });
  // Sequelize reports an INSERT's row count as a number, other statements' in pg's result object.
  if (typeof meta === 'number') return meta;
  const rowCount = (meta as { rowCount?: number } | undefined)?.rowCount;
  return typeof rowCount === 'number' ? rowCount : 0;
}

/** PostgreSQL's unique-violation, so a service can turn a race into a clear 409. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const original = (error as { original?: { code?: string; constraint?: string } } | null)?.original;
  return original?.code === '23505' && (constraint === undefined || original.constraint === constraint);
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

export function pageOf(query: { page?: unknown; pageSize?: unknown }): PageRequest {
  const page = typeof query.page === 'number' ? query.page : Number(query.page ?? 1);
  const pageSize = typeof query.pageSize === 'number' ? query.pageSize : Number(query.pageSize ?? 20);
  return { page: Number.isInteger(page) && page > 0 ? page : 1, pageSize: Number.isInteger(pageSize) && pageSize > 0 ? Math.min(pageSize, 100) : 20 };
}
