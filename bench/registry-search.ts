/**
 * The registry's own search at national scale (issue 15): `GET /api/v1/registrants` as the auditor, 20 clients at
 * once for BENCH_SECONDS (10), over BENCH_REGISTRANTS registrants (1,000,000 by default, seeded with SQL):
 *  - by ID (`idType` + `idValue`), by the start of a name, by region (first pages), and by region from a
 *    position deep in the region (`after`, keyset paging);
 *  - beside each, in the same run, the same two statements the search sends (the page and its capped count),
 *    bare, through the app's data-access layer on 20 connections of its own: no HTTP, token, validation or
 *    audit record.
 * The load runs in a child process (`load-process.ts`); the app on this process's main thread, as in production.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { connectDatabase } from '../src/platform/db/database.js';
import { selectOne, selectRows } from '../src/platform/db/sql.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { likePrefix, searchStatements } from '../src/modules/registry/index.js';
import { runLoad } from './load-process.js';
import { startBenchStack } from './stack.js';

const REGISTRANTS = Number(process.env.BENCH_REGISTRANTS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 20;
const QUERIES = 1000;
const REGIONS = 47;

export interface RegistrySearchRow {
  search: string;
  via: string;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  unexpected: number;
}

export interface RegistrySearchBenchResult {
  registrants: number;
  clients: number;
  seconds: number;
  rows: RegistrySearchRow[];
}

const progress = (step: string) => process.stderr.write(`registry search bench: ${step} (${new Date().toISOString()})\n`);

function percentile(sorted: number[], p: number): number {
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN) * 100) / 100;
}

const GIVEN = ['Amina', 'Pedro', 'Halima', 'Omar', 'Fatuma', 'John', 'Mary', 'Grace', 'Peter', 'Ali', 'Zainab', 'Samuel', 'Joy', 'Sena'];
const FAMILY = ['Said', 'Yusuf', 'Otieno', 'Mwangi', 'Kamau', 'Wanjiru', 'Achieng', 'Njoroge', 'Kiptoo', 'Chebet', 'Mohamed', 'Hassan'];

/**
 * Names from short lists with two or three letters after them, so a name's start matches tens to thousands of
 * people; regions of about 21,000 people each; national IDs NID-00000001 onwards.
 */
async function seed(owner: pg.Pool): Promise<void> {
  const arrayOf = (names: string[]) => `ARRAY[${names.map((n) => `'${n}'`).join(', ')}]`;
  for (let from = 1; from <= REGISTRANTS; from += 100_000) {
    const to = Math.min(REGISTRANTS, from + 99_999);
    await owner.query(
      `INSERT INTO registrants (id, id_type, id_value, given_name, family_name, gender, birth_date, region, created_by, updated_by)
       SELECT gen_random_uuid(), 'NATIONAL_ID', 'NID-' || lpad(i::text, 8, '0'),
         (${arrayOf(GIVEN)})[1 + (i * 7) % ${GIVEN.length}] || chr(97 + (i / 30) % 26) || chr(97 + (i / 780) % 26),
         (${arrayOf(FAMILY)})[1 + i % ${FAMILY.length}]
           || chr(97 + (i / 20) % 26) || chr(97 + (i / 520) % 26) || chr(97 + (i / 13520) % 26),
         CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END, DATE '1940-01-01' + (i * 37) % 29000,
         'Region ' || lpad((1 + (i * 13) % ${REGIONS})::text, 2, '0'), 'bench', 'bench'
       FROM generate_series(${from}, ${to}) AS i`,
    );
    progress(`seeded ${to}`);
  }
  await owner.query('VACUUM ANALYZE registrants');
}

interface Search {
  name: string;
  /** The query strings, taken in turn. */
  queries: URLSearchParams[];
}

async function searches(owner: pg.Pool): Promise<Search[]> {
  const pick = (n: number) => 1 + Math.floor(Math.random() * n);
  const letters = () => String.fromCharCode(97 + Math.floor(Math.random() * 26));
  const { rows: deep } = await owner.query<{ id: string; region: string }>(
    `SELECT id, region FROM registrants TABLESAMPLE SYSTEM (1) LIMIT ${QUERIES}`,
  );
  return [
    {
      name: 'by ID',
      queries: Array.from(
        { length: QUERIES },
        () => new URLSearchParams({ idType: 'NATIONAL_ID', idValue: `NID-${String(pick(REGISTRANTS)).padStart(8, '0')}` }),
      ),
    },
    {
      name: 'by name start',
      queries: Array.from({ length: QUERIES }, (_, i) => {
        const names = i % 2 ? FAMILY : GIVEN;
        return new URLSearchParams({ name: `${names[i % names.length] ?? ''}${letters()}` });
      }),
    },
    {
      name: 'by region',
      queries: Array.from({ length: QUERIES }, () => new URLSearchParams({ region: `Region ${String(pick(REGIONS)).padStart(2, '0')}` })),
    },
    { name: 'by region, deep (after)', queries: deep.map((row) => new URLSearchParams({ region: row.region, after: row.id })) },
  ];
}

function pathOf(query: URLSearchParams): string {
  return `/api/v1/registrants?${query.toString()}`;
}

async function overHttp(url: string, authorization: string, search: Search): Promise<RegistrySearchRow> {
  const outcome = await runLoad({
    url: `${url}/api/v1/registrants`,
    method: 'GET',
    connections: CLIENTS,
    seconds: SECONDS,
    authorization,
    paths: search.queries.map(pathOf),
  });
  return {
    search: search.name,
    via: 'HTTP (GET /api/v1/registrants)',
    perSecond: Math.round(outcome.ok / SECONDS),
    p50Ms: percentile(outcome.latencies, 50),
    p95Ms: percentile(outcome.latencies, 95),
    p99Ms: percentile(outcome.latencies, 99),
    unexpected: outcome.unexpected,
  };
}

/** The search's own two statements for each query, 20 at a time, for as long as the HTTP load ran. */
async function bare(database: ReturnType<typeof connectDatabase>, search: Search): Promise<RegistrySearchRow> {
  const keysOf = async (query: URLSearchParams) => {
    const after = query.get('after');
    if (!after) return undefined;
    const row = await selectOne<{ family: string; given: string }>(
      database.sequelize,
      `SELECT lower(family_name) COLLATE "C" AS family, lower(given_name) COLLATE "C" AS given
         FROM registrants WHERE id = CAST(:after AS uuid)`,
      { after },
    );
    return row ? { afterFirst: row.family, afterSecond: row.given, afterId: after } : undefined;
  };
  const latencies: number[] = [];
  let next = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const query = search.queries[next++ % search.queries.length] ?? new URLSearchParams();
        const started = performance.now();
        const statements = searchStatements(
          {
            page: 1,
            pageSize: 20,
            idType: query.get('idType') === 'NATIONAL_ID' ? 'NATIONAL_ID' : undefined,
            idValue: query.get('idValue') ?? undefined,
            region: query.get('region') ?? undefined,
          },
          likePrefix(query.get('name') ?? undefined),
          await keysOf(query),
        );
        await Promise.all([
          selectRows(database.sequelize, statements.page.sql, statements.page.replacements),
          selectOne(database.sequelize, statements.count.sql, statements.count.replacements),
        ]);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    search: search.name,
    via: 'bare SQL (the same two statements)',
    perSecond: Math.round(latencies.length / SECONDS),
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    unexpected: 0,
  };
}

export async function benchRegistrySearch(): Promise<RegistrySearchBenchResult> {
  const stack = await startBenchStack(1);
  const owner = new pg.Pool({ connectionString: stack.ownerUrl, max: 2 });
  const database = connectDatabase(stack.ownerUrl, createLogger('silent'), CLIENTS);
  try {
    progress(`seeding ${REGISTRANTS} registrants`);
    await seed(owner);
    const authorization = `Bearer ${await stack.token('otto')}`;
    const rows: RegistrySearchRow[] = [];
    for (const search of await searches(owner)) {
      progress(search.name);
      // One pass over the queries first, so both measurements read from warm pages.
      await runLoad({
        url: `${stack.url}/api/v1/registrants`,
        method: 'GET',
        connections: CLIENTS,
        seconds: 2,
        authorization,
        paths: search.queries.map(pathOf),
      });
      rows.push(await overHttp(stack.url, authorization, search));
      rows.push(await bare(database, search));
    }
    return { registrants: REGISTRANTS, clients: CLIENTS, seconds: SECONDS, rows };
  } finally {
    await database.close();
    await owner.end();
    await stack.stop();
  }
}
