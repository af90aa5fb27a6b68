import { selectOne, selectRows, type PageRequest } from '../../platform/db/sql.js';
import { InputError } from '../../platform/http/errors.js';
import type { Actor, RegistryDeps } from './deps.js';
import { loadFamily } from './family-members.js';
import { toRegistrant, type Gender, type IdType, type Registrant, type RegistrantRow } from './models.js';
import { readBy } from './registrant-events.js';
import { REGISTRANT_COLUMNS } from './registrant-rows.js';

export interface SearchRegistrantsOptions extends PageRequest {
  idType?: IdType;
  idValue?: string;
  name?: string;
  region?: string;
  gender?: Gender;
  /** Born on or after this date (YYYY-MM-DD): an age range's upper end. */
  bornFrom?: string;
  /** Born on or before this date (YYYY-MM-DD): an age range's lower end. */
  bornTo?: string;
  /** The id of the last registrant of the previous page: the page starts after it (keyset paging). */
  after?: string;
}

export interface SearchRegistrantsResult {
  items: Registrant[];
  page: number;
  pageSize: number;
  /** Matches over all pages, counted up to TOTAL_CAP. */
  total: number;
  /** False when there are more than `total` matches: counting them all would read them all. */
  totalIsExact: boolean;
  /** Pass as `after` for the next page; absent on the last page. */
  nextAfter?: string;
}

/** Matches are counted up to this many; a larger set is reported as "more than 1,000". */
export const TOTAL_CAP = 1000;
/** `page` reads and skips the rows before it; past this many, a page is asked for with `after`. */
export const DEEPEST_OFFSET = 1000;

/**
 * One ordered read of the registry: rows matching `where`, in the order of `keys` then id, which an index
 * serves (see the 2026-12-11 migration), so a page stops after its last row however many match.
 */
interface OrderedRead {
  where: string;
  keys: [string, string];
}

const FAMILY_NAME = 'lower(family_name) COLLATE "C"';
const GIVEN_NAME = 'lower(given_name) COLLATE "C"';
const CRITERIA = [
  '(CAST(:idType AS varchar) IS NULL OR id_type = :idType)',
  '(CAST(:idValue AS varchar) IS NULL OR id_value = :idValue)',
  '(CAST(:region AS varchar) IS NULL OR lower(region) = lower(:region))',
  '(CAST(:gender AS varchar) IS NULL OR gender = :gender)',
  '(CAST(:bornFrom AS date) IS NULL OR birth_date >= CAST(:bornFrom AS date))',
  '(CAST(:bornTo AS date) IS NULL OR birth_date <= CAST(:bornTo AS date))',
  'merged_into IS NULL',
].join(' AND ');

/**
 * A name matches the start of the given or the family name: two reads, one per name, each in the order of
 * the name that matched (a person both of whose names match is found by the first only). Without a name,
 * one read in family-name order.
 */
function readsFor(hasName: boolean): OrderedRead[] {
  if (!hasName) return [{ where: CRITERIA, keys: [FAMILY_NAME, GIVEN_NAME] }];
  return [
    { where: `${CRITERIA} AND ${FAMILY_NAME} LIKE :name`, keys: [FAMILY_NAME, GIVEN_NAME] },
    { where: `${CRITERIA} AND ${GIVEN_NAME} LIKE :name AND NOT ${FAMILY_NAME} LIKE :name`, keys: [GIVEN_NAME, FAMILY_NAME] },
  ];
}

function orderedSelect(read: OrderedRead, afterKnown: boolean): string {
  const [first, second] = read.keys;
  const after = afterKnown ? ` AND (${first}, ${second}, id) > (:afterFirst, :afterSecond, CAST(:afterId AS uuid))` : '';
  return (
    `(SELECT ${REGISTRANT_COLUMNS}, ${first} AS sort_first, ${second} AS sort_second FROM registrants` +
    ` WHERE ${read.where}${after} ORDER BY ${first}, ${second}, id LIMIT :readLimit)`
  );
}

function countSelect(read: OrderedRead): string {
  const [first, second] = read.keys;
  return `(SELECT 1 FROM registrants WHERE ${read.where} ORDER BY ${first}, ${second}, id LIMIT :countLimit)`;
}

export function likePrefix(name: string | undefined): string | null {
  if (!name) return null;
  return `${name
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface AfterKey {
  afterFirst: string;
  afterSecond: string;
  afterId: string;
}

/** The sort keys of the registrant a page starts after, as the read that found it ordered them. */
export async function keysAfter(deps: RegistryDeps, after: string, name: string | null): Promise<AfterKey> {
  const row = await selectOne<{ family: string; given: string; by_family: boolean }>(
    deps.sequelize,
    `SELECT ${FAMILY_NAME} AS family, ${GIVEN_NAME} AS given, (CAST(:name AS varchar) IS NULL OR ${FAMILY_NAME} LIKE :name) AS by_family
       FROM registrants WHERE id = CAST(:after AS uuid)`,
    { after, name },
  );
  if (!row) {
    throw new InputError('The registrant this page was to start after is not in the registry. Start the search again.', [
      { path: '/query/after', message: 'Not a registrant in the registry' },
    ]);
  }
  return row.by_family
    ? { afterFirst: row.family, afterSecond: row.given, afterId: after }
    : { afterFirst: row.given, afterSecond: row.family, afterId: after };
}

interface Statement {
  sql: string;
  replacements: Record<string, unknown>;
}

/**
 * A page's two statements: its rows (one more than the page, to know whether another follows) and the
 * capped count. Exported for the benchmark, which runs them bare beside the HTTP search.
 */
export function searchStatements(
  options: SearchRegistrantsOptions,
  name: string | null,
  after: AfterKey | undefined,
): { page: Statement; count: Statement } {
  const offset = (options.page - 1) * options.pageSize;
  const reads = readsFor(name !== null);
  const criteria = {
    idType: options.idType ?? null,
    idValue: options.idValue ?? null,
    region: options.region ?? null,
    gender: options.gender ?? null,
    bornFrom: options.bornFrom ?? null,
    bornTo: options.bornTo ?? null,
    name,
  };
  return {
    page: {
      sql: `SELECT * FROM (${reads.map((read) => orderedSelect(read, after !== undefined)).join(' UNION ALL ')}) page
        ORDER BY sort_first, sort_second, id LIMIT :pageLimit OFFSET :pageOffset`,
      replacements: {
        ...criteria,
        ...after,
        readLimit: offset + options.pageSize + 1,
        pageLimit: options.pageSize + 1,
        pageOffset: offset,
      },
    },
    count: {
      sql: `SELECT CAST(count(*) AS integer) AS n FROM (${reads.map(countSelect).join(' UNION ALL ')}) matches`,
      replacements: { ...criteria, countLimit: TOTAL_CAP + 1 },
    },
  };
}

/**
 * Registrants matching every given criterion (merged ones left out), a page at a time: by `after` (the last id of the previous page)
 * at any depth, or by page number within the first DEEPEST_OFFSET matches.
 */
export async function searchRegistrants(
  deps: RegistryDeps,
  reader: Actor,
  options: SearchRegistrantsOptions,
): Promise<SearchRegistrantsResult> {
  if (options.after && options.page > 1) {
    throw new InputError('A page is asked for by number or by "after", not both.', [
      { path: '/query/page', message: 'Leave out with "after"' },
    ]);
  }
  const offset = (options.page - 1) * options.pageSize;
  if (offset >= DEEPEST_OFFSET) {
    throw new InputError(
      `Pages by number reach the first ${DEEPEST_OFFSET} matches. Go further with "after", the last id of the page before.`,
      [{ path: '/query/page', message: `At most ${Math.ceil(DEEPEST_OFFSET / options.pageSize)} at this page size` }],
      'ERR_PAGE_TOO_DEEP',
    );
  }
  const name = likePrefix(options.name);
  const after = options.after ? await keysAfter(deps, options.after, name) : undefined;
  const statements = searchStatements(options, name, after);
  const readPage = () => selectRows<RegistrantRow>(deps.sequelize, statements.page.sql, statements.page.replacements);
  const readCount = async () =>
    (await selectOne<{ n: number }>(deps.sequelize, statements.count.sql, statements.count.replacements))?.n ?? 0;
  let rows: RegistrantRow[];
  let total: number;
  if (options.idValue !== undefined) {
    // By ID the matches are a handful: a first page that holds them all is their count, with no second statement.
    rows = await readPage();
    total = offset === 0 && !after && rows.length <= options.pageSize ? rows.length : await readCount();
  } else {
    [rows, total] = await Promise.all([readPage(), readCount()]);
  }
  const hasMore = rows.length > options.pageSize;
  const shown = rows.slice(0, options.pageSize);
  const ids = shown.map((r) => r.id);
  const family = await loadFamily(deps, ids);
  const today = deps.now();
  await deps.commands.recordAccess(reader, [readBy(reader, 'registrant.searched', ids)]);
  return {
    items: shown.map((row) => toRegistrant(row, family.get(row.id) ?? [], today)),
    page: options.page,
    pageSize: options.pageSize,
    total: Math.min(total, TOTAL_CAP),
    totalIsExact: total <= TOTAL_CAP,
    ...(hasMore ? { nextAfter: shown[shown.length - 1]?.id } : {}),
  };
}
