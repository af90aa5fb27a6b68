/**
 * The one data-access idiom of the project (docs/decisions.md): hand-written SQL with named
 * placeholders (`:name`), turned into PostgreSQL bind parameters (`$1`), so a value never becomes SQL
 * text. A command's transaction is held on a pg client of its own (see command.ts), where statements are
 * named prepared statements (parsed and planned once per connection); other reads go through Sequelize's
 * pool with `bind`. Nothing here reaches into Sequelize's internals.
 * A list is bound as one array parameter: write `= ANY(:ids)`, not `IN (:ids)`.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { QueryTypes, type Sequelize, type Transaction as SequelizeTransaction } from 'sequelize';

/** A command's transaction: BEGIN … COMMIT on a client of the command runner's pool. */
export interface ClientTransaction {
  readonly client: pg.PoolClient;
}

/** What a statement may run in: a command's transaction, or one Sequelize opened (migrations, the relay, checkpoints). */
export type Transaction = ClientTransaction | SequelizeTransaction;

function isClientTransaction(transaction: Transaction | undefined): transaction is ClientTransaction {
  return transaction !== undefined && 'client' in transaction;
}

export type Replacements = Record<string, unknown>;

interface BoundText {
  /** The prepared statement's name: the same text always gets the same name. */
  name: string;
  text: string;
  /** Placeholder names in the order of `$1, $2, …`. */
  parameters: string[];
}

const bound = new Map<string, BoundText>();
const NAMED_PARAMETER = /(?<![:\w]):([A-Za-z_]\w*)/g;

/** `:name` placeholders become `$n` bind parameters, once per distinct SQL text. */
function bindText(sql: string): BoundText {
  let found = bound.get(sql);
  if (!found) {
    const list = /\bIN\s*\(\s*:([A-Za-z_]\w*)\s*\)/i.exec(sql);
    // A bound array is one value: `IN (:ids)` would compare each row with the whole list and match nothing.
    if (list) throw new TypeError(`SQL: write = ANY(:${list[1]}) for a list, not IN (:${list[1]})`);
    const parameters: string[] = [];
    const text = sql.replace(NAMED_PARAMETER, (_match, name: string) => {
      const index = parameters.indexOf(name);
      if (index >= 0) return `$${index + 1}`;
      parameters.push(name);
      return `$${parameters.length}`;
    });
    found = { name: `iaod_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text, parameters };
    bound.set(sql, found);
  }
  return found;
}

function valuesOf(statement: BoundText, replacements: Replacements): unknown[] {
  return statement.parameters.map((name) => {
    if (!(name in replacements)) throw new TypeError(`SQL parameter :${name} has no value`);
    return replacements[name] ?? null;
  });
}

export async function selectRows<T extends object>(
  sequelize: Sequelize,
  sql: string,
  replacements: Replacements = {},
  transaction?: Transaction,
): Promise<T[]> {
  const statement = bindText(sql);
  const values = valuesOf(statement, replacements);
  if (isClientTransaction(transaction)) {
    return (await transaction.client.query<T & pg.QueryResultRow>({ name: statement.name, text: statement.text, values })).rows;
  }
  return sequelize.query<T>(statement.text, { type: QueryTypes.SELECT, bind: values, transaction });
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
export async function execute(
  sequelize: Sequelize,
  sql: string,
  replacements: Replacements = {},
  transaction?: Transaction,
): Promise<number> {
  const statement = bindText(sql);
  const values = valuesOf(statement, replacements);
  if (isClientTransaction(transaction)) {
    return (await transaction.client.query({ name: statement.name, text: statement.text, values })).rowCount ?? 0;
  }
  const [, meta] = await sequelize.query(statement.text, { bind: values, transaction });
  // Sequelize reports an INSERT's row count as a number, other statements' in pg's result object.
  if (typeof meta === 'number') return meta;
  const rowCount = (meta as { rowCount?: number } | undefined)?.rowCount;
  return typeof rowCount === 'number' ? rowCount : 0;
}

/** PostgreSQL's unique-violation, so a service can turn a race into a clear 409. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  // Sequelize wraps the driver's error in `original`.
  type PgError = { code?: string; constraint?: string };
  const wrapped = error as (PgError & { original?: PgError }) | null;
  const cause = wrapped?.original ?? wrapped;
  return cause?.code === '23505' && (constraint === undefined || cause.constraint === constraint);
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface SelectPageOptions {
  /** The select list, e.g. `a.*`. */
  columns: string;
  /** The FROM clause, e.g. `applications a`. */
  from: string;
  where: string;
  orderBy: string;
  replacements: Replacements;
  page: PageRequest;
}

/**
 * One page of rows and the number of rows over all pages. The count rides along in the same query
 * (a window function); only a page past the end, which has no row to carry it, costs a second query.
 */
export async function selectPage<T extends object>(
  sequelize: Sequelize,
  options: SelectPageOptions,
): Promise<{ rows: T[]; total: number }> {
  const { columns, from, where, orderBy, replacements, page } = options;
  const rows = await selectRows<T & { page_total: string }>(
    sequelize,
    `SELECT ${columns}, count(*) OVER () AS page_total FROM ${from} WHERE ${where} ORDER BY ${orderBy} LIMIT :pageLimit OFFSET :pageOffset`,
    { ...replacements, pageLimit: page.pageSize, pageOffset: (page.page - 1) * page.pageSize },
  );
  const first = rows[0];
  const total = first
    ? Number(first.page_total)
    : Number((await selectOne<{ n: string }>(sequelize, `SELECT count(*) AS n FROM ${from} WHERE ${where}`, replacements))?.n ?? 0);
  return { rows: rows.map(({ page_total: _total, ...row }) => row as unknown as T), total };
}

export function pageOf(query: { page?: unknown; pageSize?: unknown }): PageRequest {
  const page = typeof query.page === 'number' ? query.page : Number(query.page ?? 1);
  const pageSize = typeof query.pageSize === 'number' ? query.pageSize : Number(query.pageSize ?? 20);
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: Number.isInteger(pageSize) && pageSize > 0 ? Math.min(pageSize, 100) : 20,
  };
}
