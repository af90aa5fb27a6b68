/**
 * Duplicate search with 1,000,000 registrants (and 1,000,000 family members, and 10,000 seeded near-
 * duplicates), one search at a time, each figure beside the bare SQL of the same search in the same run:
 *  - the registry's listDuplicates (GET /registrants/{id}/duplicates without HTTP: existence check, search,
 *    scoring, the read recorded in the audit trail);
 *  - findDuplicates alone (the search and its scoring, what an application's candidates and a resolution run);
 *  - the same statement over a plain pg connection (a named prepared statement).
 * Names are drawn from lists with a skew (the first names of each list are far more common than the last),
 * as in a real population, so the look-ups meet crowds of one name. Seeded with SQL
 * (INSERT … SELECT over generate_series, in PostgreSQL: no row leaves the server), then the search indexes
 * built, as a restore would. On an embedded PostgreSQL, or the server at DATABASE_URL (a database of its own).
 * BENCH_REGISTRANTS and BENCH_SEARCHES change the size and the number of searches.
 */
import path from 'node:path';
import pg from 'pg';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { migrations } from '../src/migrations.js';
import type { Principal } from '../src/platform/auth/principal.js';
import { createCommandRunner } from '../src/platform/db/command.js';
import { connectDatabase } from '../src/platform/db/database.js';
import { createDatabaseIfMissing, dropDatabase, startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { migrateDatabase } from '../src/platform/runtime.js';
import { createRegistryService } from '../src/modules/registry/index.js';
import { DUPLICATE_SEARCH_SQL } from '../src/modules/registry/find-duplicates.js';
import { DROP_DUPLICATE_SEARCH_INDEXES, DUPLICATE_SEARCH_INDEXES } from '../src/modules/registry/migrations.js';

export interface DedupRow {
  what: string;
  searches: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Matches found per search, on average. */
  matchesPerSearch: number;
}

export interface DedupBenchResult {
  registrants: number;
  familyMembers: number;
  seedSeconds: number;
  indexSeconds: number;
  rows: DedupRow[];
}

const REGISTRANTS = Number(process.env.BENCH_REGISTRANTS ?? 1_000_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 300);
const NEAR_DUPLICATES = Math.round(REGISTRANTS / 100);
const GOAL_P95_MS = 50;

const GIVEN = `Amina Fatima Grace Mary John Peter Joseph Samuel David Daniel Mohamed Mohammed Ali Hassan Ibrahim Aisha Halima Zainab
  Esther Ruth Sarah Rose Lucy Jane Ann Faith Mercy Joyce Agnes Alice Beatrice Catherine Dorcas Eunice Florence Gladys Irene
  Janet Judith Leah Lydia Margaret Miriam Naomi Pauline Rachel Rebecca Susan Teresa Violet Winnie Abdi Ahmed Amos Benjamin
  Brian Charles Collins Dennis Edward Elijah Emmanuel Eric Felix Francis George Geoffrey Henry Isaac Jacob James Kevin
  Kennedy Lawrence Martin Michael Moses Nicholas Patrick Paul Philip Richard Robert Simon Stephen Thomas Timothy Victor
  Vincent Wilson Yusuf Omar Khadija Mariam Salma Hawa Asha Nafula Wanjiru Achieng Atieno Akinyi Adhiambo Chebet Jeptoo Kerubo
  Moraa Nyambura Wairimu Wambui Wangari Njeri Muthoni Kemunto Nasimiyu Awino Anyango Auma Kiprono Kipchoge Kiprop Otieno
  Odhiambo Ochieng Onyango Omondi Mwangi Kamau Njoroge Kariuki Kimani Mutua Musyoka Wafula Barasa Wekesa Chege Gitau Maina`
  .split(/\s+/)
  .filter(Boolean);
const FAMILY = `Yusuf Ali Hassan Mohamed Abdi Omar Ahmed Ibrahim Mwangi Kamau Njoroge Kariuki Kimani Mutua Musyoka Wafula Barasa
  Wekesa Chege Gitau Maina Otieno Odhiambo Ochieng Onyango Omondi Okoth Owino Wanjiku Wambui Njeri Achieng Atieno Akinyi Chebet
  Kiprono Kipchoge Kiprop Koech Langat Rotich Ruto Sang Cheruiyot Kirui Mutai Too Bett Kosgei Kibet Kiptoo Tanui Ngetich
  Mensah Boateng Owusu Asante Osei Appiah Adjei Darko Agyei Amoah Okafor Okonkwo Eze Nwosu Obi Adeyemi Adebayo Ogunleye Bello
  Abubakar Musa Suleiman Diallo Bah Camara Sesay Kamara Koroma Conteh Bangura Turay Jalloh Kanu Banda Phiri Mwale Tembo Zulu
  Dlamini Nkosi Ndlovu Mokoena Khumalo Mthembu Ncube Moyo Sibanda Dube Mahlangu Chen Wang Li Zhang Liu Nguyen Tran Pham Le
  Silva Santos Oliveira Souza Pereira Costa Rodrigues Alves Lima Gomes Garcia Martinez Lopez Gonzalez Hernandez Perez Sanchez
  Ramirez Torres Flores Rivera Gomez Diaz Cruz Morales Reyes Ortiz Gutierrez Chavez Ramos Ruiz Alvarez Mendoza Castillo Jimenez
  Moreno Romero Herrera Medina Aguilar Vargas Castro Guzman Fernandez Juarez Ivanov Petrov Smirnov Popov Cohen Levi Mizrahi
  Haddad Khoury Nasser Saleh Mansour Khalil Hamdan Farah Warsame Jama Aden Noor Hussein Gedi Dahir Ismail Nur Elmi Guled`
  .split(/\s+/)
  .filter(Boolean);
const REGIONS = `Mombasa Kwale Kilifi Tana-River Lamu Taita-Taveta Garissa Wajir Mandera Marsabit Isiolo Meru Tharaka-Nithi Embu
  Kitui Machakos Makueni Nyandarua Nyeri Kirinyaga Muranga Kiambu Turkana West-Pokot Samburu Trans-Nzoia Uasin-Gishu
  Elgeyo-Marakwet Nandi Baringo Laikipia Nakuru Narok Kajiado Kericho Bomet Kakamega Vihiga Bungoma Busia Siaya Kisumu
  Homa-Bay Migori Kisii Nyamira Nairobi`
  .split(/\s+/)
  .filter(Boolean);

const progress = (step: string) => process.stderr.write(`dedup bench: ${step} (${new Date().toISOString()})\n`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** A list item for seed `expr`, the first ones far more often (the square of a uniform draw skews it). */
const skewedPick = (list: string, size: number, expr: string) =>
  `(${list})[1 + floor(power((hashint8(${expr}) & 2147483647)::float8 / 2147483648, 2) * ${size})::int]`;
const uniform = (expr: string, size: number) => `((hashint8(${expr}) & 2147483647) % ${size})`;

async function measure(what: string, ids: string[], search: (id: string) => Promise<number>): Promise<DedupRow> {
  const latencies: number[] = [];
  let matches = 0;
  for (const id of ids) {
    const t0 = performance.now();
    matches += await search(id);
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Number(n.toFixed(2));
  return {
    what,
    searches: ids.length,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    matchesPerSearch: round(matches / ids.length),
  };
}

export async function benchDedup(): Promise<DedupBenchResult> {
  const logger = createLogger('silent');
  const stops: Array<() => Promise<void>> = [];
  const database = `iaod_bench_dedup_${Date.now()}`;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = Object.assign(new URL(process.env.DATABASE_URL), { pathname: '/postgres' }).href;
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, '.data', 'bench-postgres'), port: 54369, database });
    adminUrl = embedded.adminUrl;
    stops.push(() => embedded.stop());
  }
  await createDatabaseIfMissing(adminUrl, database);
  // BENCH_KEEP_DATABASE=1 keeps it, to EXPLAIN the search on it afterwards.
  if (!process.env.BENCH_KEEP_DATABASE) stops.push(() => dropDatabase(adminUrl, database));
  const ownerUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href;
  try {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: ownerUrl, LOG_LEVEL: 'silent' });
    progress('migrating');
    const appUrl = await migrateDatabase(config, ownerUrl, logger, migrations, undefined);
    const owner = new pg.Pool({ connectionString: ownerUrl, max: 2 });
    owner.on('error', () => undefined);
    stops.push(() => owner.end());

    progress(`seeding ${REGISTRANTS} registrants, a child each, ${NEAR_DUPLICATES} near-duplicates`);
    const seedStarted = performance.now();
    await owner.query(DROP_DUPLICATE_SEARCH_INDEXES);
    const lists = { given: GIVEN, family: FAMILY, regions: REGIONS };
    await owner.query(
      `INSERT INTO registrants (id, id_type, id_value, given_name, family_name, gender, birth_date, region, created_by, updated_by)
       SELECT gen_random_uuid(), 'NATIONAL_ID', 'BENCH-' || g,
         ${skewedPick('$1::text[]', GIVEN.length, 'g')}, ${skewedPick('$2::text[]', FAMILY.length, 'g + 7919')},
         CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END,
         DATE '1940-01-01' + ${uniform('g * 31', 29_200)}, ($3::text[])[1 + ${uniform('g * 131', REGIONS.length)}], 'bench', 'bench'
       FROM generate_series(1, ${REGISTRANTS}) AS g`,
      [lists.given, lists.family, lists.regions],
    );
    await owner.query(
      `INSERT INTO family_members (id, registrant_id, position, relation, given_name, family_name, gender, birth_date)
       SELECT gen_random_uuid(), r.id, 1, 'child', ${skewedPick('$1::text[]', GIVEN.length, 'hashtext(r.id::text)')}, r.family_name,
         'female', DATE '2000-01-01' + ${uniform("hashtext(r.id::text || 'b')", 7_300)}
       FROM registrants r`,
      [lists.given],
    );
    // The same people again under another ID, one in a hundred: a letter added to the given name (Amina → Aminah).
    await owner.query(
      `INSERT INTO registrants (id, id_type, id_value, given_name, family_name, gender, birth_date, region, created_by, updated_by)
       SELECT gen_random_uuid(), 'PASSPORT', 'DUP-' || id_value, given_name || 'h', family_name, gender, birth_date, region,
         'bench', 'bench'
       FROM registrants WHERE substring(id_value FROM 7)::int % 100 = 0`,
    );
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    progress('building the search indexes');
    const indexStarted = performance.now();
    await owner.query(DUPLICATE_SEARCH_INDEXES);
    await owner.query('VACUUM ANALYZE registrants');
    await owner.query('VACUUM ANALYZE family_members');
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    const counts = await owner.query<{ registrants: string; members: string }>(
      'SELECT (SELECT count(*) FROM registrants) AS registrants, (SELECT count(*) FROM family_members) AS members',
    );
    const ids = (await owner.query<{ id: string }>(`SELECT id FROM registrants ORDER BY hashtext(id::text) LIMIT ${SEARCHES}`)).rows.map(
      (r) => r.id,
    );

    const app = connectDatabase(appUrl, logger, 5);
    stops.push(() => app.close());
    const commands = createCommandRunner({ sequelize: app.sequelize, pool: app.pool });
    const registry = createRegistryService({ sequelize: app.sequelize, commands });
    const reader: Principal = {
      subject: 'bench-reviewer',
      username: 'reviewer',
      givenName: 'Bench',
      familyName: 'Reviewer',
      displayName: 'Bench Reviewer',
      email: undefined,
      roles: ['reviewer'],
      nationalId: undefined,
      clientId: 'iaod-web',
    };
    const bare = new pg.Pool({ connectionString: appUrl, max: 1 });
    bare.on('error', () => undefined);
    stops.push(() => bare.end());
    const sql = DUPLICATE_SEARCH_SQL.replaceAll(':id', '$1');
    const bareSearch = async (id: string) => {
      const client = await bare.connect();
      try {
        const { rowCount } = await client.query({ name: 'dedup-search', text: sql, values: [id] });
        return rowCount ?? 0;
      } finally {
        client.release();
      }
    };

    progress('warming up');
    for (const id of ids.slice(0, 20)) {
      await registry.findDuplicates(id);
      await bareSearch(id);
    }
    progress('searching');
    const rows = [
      await measure('bare SQL (the same statement over pg; rows before scoring)', ids, bareSearch),
      await measure('findDuplicates (search + scoring)', ids, async (id) => (await registry.findDuplicates(id)).length),
      await measure(
        'listRegistrantDuplicates (service: + existence check, read recorded)',
        ids,
        async (id) => (await registry.listDuplicates(reader, id)).items.length,
      ),
    ];
    progress(`done:\n${rows.map((r) => `  ${r.what}: p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, p99 ${r.p99Ms} ms`).join('\n')}`);
    return {
      registrants: Number(counts.rows[0]?.registrants ?? 0),
      familyMembers: Number(counts.rows[0]?.members ?? 0),
      seedSeconds: Number(seedSeconds.toFixed(1)),
      indexSeconds: Number(indexSeconds.toFixed(1)),
      rows,
    };
  } catch (error) {
    progress(`failed: ${error instanceof Error ? error.stack : String(error)}`);
    throw error;
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

export { GOAL_P95_MS as DEDUP_GOAL_P95_MS };
