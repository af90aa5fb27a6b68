/**
 * Bulk voucher issuance (issue 12): N approved applications (10,000 by default, BENCH_VOUCHERS for fewer)
 * issued through the vouchers service: the bulk operation `issueVouchers` (batches of 50 a command: the rows
 * locked, the rules checked, each voucher built, signed with eddsa-rdfc-2022 and CBOR-LD encoded for its QR
 * code, then the vouchers, the applications' moves and one audit and outbox event each in one statement),
 * sealing on the main thread and on the thread pool (BENCH_THREADS, by default one per core), one bulk
 * request and two at once; and `issueVoucher` one application a command, 8 callers at once. PDFs are not made at
 * issue time (they are drawn on first download), so this measures issuance only.
 * Beside it, taking turns with the settings in rounds (BENCH_ROUNDS, 5) so all span the same machine load:
 *  - the raw library: `vc.issue` with the same DataIntegrityProof/eddsa-rdfc-2022 suite, one thread;
 *  - the service's CPU work without the database: `signCredential` then `encodeVoucherQr`, one thread, and
 *    the same on the thread pool, all of a round at once (the ceiling of that work on this machine);
 * and after them the bare SQL: N rows of the same shape (same credential and QR text sizes) inserted into
 * `vouchers`, one transaction per row on 1 and on 4 connections, then all N in one statement.
 * In-process on an embedded PostgreSQL or the server at DATABASE_URL; seeded with SQL.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import pg from 'pg';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { migrations } from '../src/migrations.js';
import type { Principal } from '../src/platform/auth/principal.js';
import { createCommandRunner } from '../src/platform/db/command.js';
import { connectDatabase } from '../src/platform/db/database.js';
import { createDatabaseIfMissing, dropDatabase, startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.js';
import { createIssuerKeySet, generateIssuerKeyFile } from '../src/platform/keys/index.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { startThreadPool } from '../src/platform/threads/thread-pool.js';
import { migrateDatabase } from '../src/platform/runtime.js';
import {
  buildVoucher,
  createDocumentLoader,
  createVoucherTypeTable,
  createSealer,
  createVouchersService,
  encodeVoucherQr,
  signCredential,
  statusListUrl,
  VOUCHER_REGISTRY_ENTRY_ID,
  type UnknownCredential,
} from '../src/modules/vouchers/index.js';

export interface IssuanceRow {
  what: string;
  /** Workers (service), connections (SQL) or 1 (one thread). */
  concurrency: number;
  vouchers: number;
  seconds: number;
  perSecond: number;
  /** The rate of each round, when the figure was measured in rounds. */
  roundsPerSecond?: number[];
  /** Per voucher, for the per-voucher rows. */
  p50Ms?: number;
  p95Ms?: number;
}

export interface IssuanceBenchResult {
  vouchers: number;
  goalPerSecond: number;
  /**
   * The best service setting, whether it meets the goal on this machine, and its rate as a share of the raw
   * library's signing rate in the same rounds.
   */
  best: { what: string; perSecond: number; goalMet: boolean; shareOfRaw: number };
  rows: IssuanceRow[];
}

const VOUCHERS = Number(process.env.BENCH_VOUCHERS ?? 10_000);
/** One-thread CPU baselines: enough operations for a steady rate, fewer than N when N is large. */
const CPU_OPERATIONS = Number(process.env.BENCH_SIGN_OPERATIONS ?? Math.min(VOUCHERS, 2000));
const THREADS = Number(process.env.BENCH_THREADS ?? os.availableParallelism());

interface ServiceSetting {
  what: string;
  /** Threads of the pool that seal (sign and encode); 0: the main thread. */
  threads: number;
  /** Callers at once: bulk requests, each on its share of the slice, or single issues in a loop. */
  callers: number;
  bulk: boolean;
}

const SETTINGS: ServiceSetting[] = [
  { what: 'service: issueVouchers (bulk), sealed on the main thread', threads: 0, callers: 1, bulk: true },
  { what: `service: issueVouchers (bulk), sealed on ${THREADS} threads`, threads: THREADS, callers: 1, bulk: true },
  { what: `service: issueVouchers (bulk), 2 requests at once, ${THREADS} threads`, threads: THREADS, callers: 2, bulk: true },
  { what: `service: issueVoucher (one a command), 8 callers at once, ${THREADS} threads`, threads: THREADS, callers: 8, bulk: false },
];
/** The settings take turns in rounds of N / ROUNDS vouchers each. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SQL_CONNECTIONS = [1, 4];
const GOAL = 500;
const PUBLIC_URL = 'https://iaod.example.org';
const SECRET = 'bench-voucher-issuance-reference-key';

const progress = (step: string) => process.stderr.write(`voucher-issuance bench: ${step} (${new Date().toISOString()})\n`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface Tally {
  what: string;
  concurrency: number;
  operations: number;
  seconds: number;
  latencies: number[];
  /** The rate of each round, to show the machine's drift. */
  rounds: number[];
}

const tallyOf = (what: string, concurrency: number): Tally => ({ what, concurrency, operations: 0, seconds: 0, latencies: [], rounds: [] });

/** Runs `work(i)` for from ≤ i < to on `concurrency` workers (worker w takes i ≡ from + w), adding to the tally. */
async function runSlice(tally: Tally, from: number, to: number, work: (i: number) => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: tally.concurrency }, async (_, worker) => {
      for (let i = from + worker; i < to; i += tally.concurrency) {
        const t0 = performance.now();
        await work(i);
        tally.latencies.push(performance.now() - t0);
      }
    }),
  );
  addRound(tally, to - from, (performance.now() - started) / 1000);
}

function addRound(tally: Tally, operations: number, seconds: number): void {
  tally.operations += operations;
  tally.seconds += seconds;
  tally.rounds.push(Math.round(operations / seconds));
}

function rowOf(tally: Tally): IssuanceRow {
  const latencies = [...tally.latencies].sort((a, b) => a - b);
  return {
    what: tally.what,
    concurrency: tally.concurrency,
    vouchers: tally.operations,
    seconds: Number(tally.seconds.toFixed(2)),
    perSecond: Math.round(tally.operations / tally.seconds),
    ...(tally.rounds.length > 1 ? { roundsPerSecond: tally.rounds } : {}),
    ...(latencies.length > 0
      ? { p50Ms: Number(percentile(latencies, 50).toFixed(2)), p95Ms: Number(percentile(latencies, 95).toFixed(2)) }
      : {}),
  };
}

async function measure(what: string, concurrency: number, operations: number, work: (i: number) => Promise<unknown>): Promise<IssuanceRow> {
  const tally = tallyOf(what, concurrency);
  await runSlice(tally, 0, operations, work);
  return rowOf(tally);
}

async function measureOnce(what: string, operations: number, run: () => Promise<unknown>): Promise<IssuanceRow> {
  const started = performance.now();
  await run();
  const seconds = (performance.now() - started) / 1000;
  return { what, concurrency: 1, vouchers: operations, seconds: Number(seconds.toFixed(2)), perSecond: Math.round(operations / seconds) };
}

const issuingOfficer: Principal = {
  subject: 'bench-issuing-officer',
  username: 'issuer',
  givenName: 'Bench',
  familyName: 'Issuer',
  displayName: 'Bench Issuer',
  email: undefined,
  roles: ['issuing-officer'],
  nationalId: undefined,
  clientId: 'iaod-web',
};

/** A program (code EMERG-01, USD, 30 days' validity) and 1,000 registrants for `seedApproved`; the program's id. */
export async function seedProgramAndRegistrants(owner: pg.Pool): Promise<string> {
  const programId = randomUUID();
  await owner.query(
    `INSERT INTO programs (id, code, name, currency, max_amount, voucher_validity_days, state, treatment_types, reason_codes)
     VALUES ($1, 'EMERG-01', 'Bench program', 'USD', 5000, 30, 'open', '[{"code": "surgery", "label": "Surgery"}]',
       '[{"code": "eligible", "label": "Eligible"}]')`,
    [programId],
  );
  await owner.query(
    `INSERT INTO registrants (id, id_type, id_value, given_name, family_name, gender, birth_date, region, created_by, updated_by)
     SELECT gen_random_uuid(), 'NATIONAL_ID', 'BENCH-' || g, 'Amina' || g, 'Odhiambo' || g, 'female', DATE '1980-01-01' + g, 'Coast',
       'bench', 'bench'
     FROM generate_series(0, 999) AS g`,
  );
  return programId;
}

/** `count` approved applications with an assessed amount, one registrant each of 1,000; their ids in order. */
export async function seedApproved(owner: pg.Pool, programId: string, batch: string, count: number): Promise<string[]> {
  const { rows } = await owner.query<{ id: string }>(
    `WITH r AS (SELECT id, given_name, family_name, row_number() OVER (ORDER BY id) - 1 AS n FROM registrants)
     INSERT INTO applications (id, reference, program_id, registrant_id, applicant_subject, status, snapshot, stages, current_stage,
       treatment_type, estimated_cost, currency, assessed_amount, submitted_at, waiting_since)
     SELECT gen_random_uuid(), $2 || lpad(g::text, 8, '0'), $1, r.id, 'bench-applicant-' || (g % 1000), 'APPROVED',
       jsonb_build_object('applicant', jsonb_build_object('givenName', r.given_name, 'familyName', r.family_name)),
       '[]'::jsonb, NULL, 'surgery', 1200 + (g % 500), 'USD', 1000 + (g % 500), now() - interval '2 days', now()
     FROM generate_series(1, ${count}) AS g JOIN r ON r.n = g % 1000
     ORDER BY g
     RETURNING id`,
    [programId, batch],
  );
  return rows.map((row) => row.id);
}

export async function benchVoucherIssuance(): Promise<IssuanceBenchResult> {
  const logger = createLogger('silent');
  const stops: Array<() => Promise<void>> = [];
  const database = `iaod_bench_voucher_issuance_${Date.now()}`;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = Object.assign(new URL(process.env.DATABASE_URL), { pathname: '/postgres' }).href;
  } else {
    // A port and folder of its own: the other benches' server may be running.
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(PROJECT_ROOT, '.data', 'bench-postgres-vouchers'),
      port: 54373,
      database,
    });
    adminUrl = embedded.adminUrl;
    stops.push(() => embedded.stop());
  }
  await createDatabaseIfMissing(adminUrl, database);
  stops.push(() => dropDatabase(adminUrl, database));
  const ownerUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href;
  try {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: ownerUrl, LOG_LEVEL: 'silent' });
    progress('migrating');
    const appUrl = await migrateDatabase(config, ownerUrl, logger, migrations, undefined);
    const owner = new pg.Pool({ connectionString: ownerUrl, max: 2 });
    owner.on('error', () => undefined);
    stops.push(() => owner.end());

    progress(`seeding ${(SETTINGS.length + 1) * VOUCHERS} approved applications`);
    const programId = await seedProgramAndRegistrants(owner);
    // One batch per service setting (each issues all N), and one for the bare SQL rows.
    const batches: string[][] = [];
    for (let b = 0; b <= SETTINGS.length; b++) batches.push(await seedApproved(owner, programId, `V${b}-`, VOUCHERS));
    await owner.query('VACUUM ANALYZE');

    const keySet = await createIssuerKeySet(await generateIssuerKeyFile(new Date()));
    const app = connectDatabase(appUrl, logger, Math.max(...SETTINGS.map((setting) => setting.callers)) + 2);
    stops.push(() => app.close());
    const commands = createCommandRunner({ sequelize: app.sequelize, pool: app.pool });
    const threads = startThreadPool({
      size: THREADS,
      workerData: { issuerKeys: keySet.stored, publicUrl: PUBLIC_URL },
      onError: (error) => progress(`thread pool failed: ${error.message}`),
    });
    stops.push(() => threads.stop());
    const vouchersOn = (pool: typeof threads | undefined) =>
      createVouchersService({
        sequelize: app.sequelize,
        commands,
        keys: keySet,
        publicUrl: PUBLIC_URL,
        secret: SECRET,
        threads: pool,
        // Issuance makes no PDF (it is made on first download): the bench never asks for one.
        documents: {
          keep: () => Promise.reject(new Error('the issuance bench makes no PDF')),
          readGenerated: () => Promise.resolve(undefined),
        },
      });
    const onMainThread = vouchersOn(undefined);
    const onThreads = vouchersOn(threads);

    // The credential the CPU baselines sign: the service's shape, a fresh id each time.
    const documentLoader = createDocumentLoader();
    const typeTables = new Map([[VOUCHER_REGISTRY_ENTRY_ID, createVoucherTypeTable({ publicUrl: PUBLIC_URL, issuerKeys: keySet.keys })]]);
    const unsignedVoucher = (i: number) =>
      buildVoucher({
        issuer: keySet.current.did,
        subject: {
          name: `Amina${i % 1000} Odhiambo${i % 1000}`,
          beneficiaryReference: 'B7K2M9Q4X8C3',
          program: 'EMERG-01',
          treatmentType: 'surgery',
          amount: `${1000 + (i % 500)}.00`,
          currency: 'USD',
          applicationReference: `V9-${String(i).padStart(8, '0')}`,
        },
        validFrom: new Date(),
        validityDays: 30,
        status: {
          revocation: { statusListCredential: statusListUrl(PUBLIC_URL, 1, 'revocation'), statusListIndex: i % 131_072 },
          suspension: { statusListCredential: statusListUrl(PUBLIC_URL, 1, 'suspension'), statusListIndex: i % 131_072 },
        },
      });
    const rawSign = (i: number) =>
      vc.issue({
        credential: unsignedVoucher(i) as unknown as UnknownCredential,
        suite: new DataIntegrityProof({ signer: keySet.signer, cryptosuite: eddsaRdfc2022 }),
        documentLoader,
      });
    const signAndEncode = async (i: number) => {
      const credential = await signCredential({ credential: unsignedVoucher(i), signer: keySet.signer, documentLoader });
      return encodeVoucherQr({ credential, documentLoader, registryEntryId: VOUCHER_REGISTRY_ENTRY_ID, typeTables });
    };
    for (let i = 0; i < 50; i++) await signAndEncode(i);
    for (let i = 0; i < 50; i++) await rawSign(i);
    // The same sealing on the pool's threads, all at once: the ceiling of the CPU work on this machine. The
    // threads start and warm up before anything is timed, as in a running service.
    const sealOnThreads = createSealer({ signer: keySet.signer, documentLoader, typeTables }, threads);
    const sealAll = (from: number, to: number) =>
      Promise.all(
        Array.from({ length: to - from }, (_, k) => sealOnThreads({ credential: unsignedVoucher(from + k), issuedAt: new Date() })),
      );
    await sealAll(0, 50 * THREADS);

    // Rounds in turn (raw library, our CPU work, each service setting on its next slice), so every figure
    // spans the same stretch of the machine's load.
    const rawTally = tallyOf('raw vc.issue, one thread (baseline)', 1);
    const cpuTally = tallyOf('signCredential + encodeVoucherQr, no database, one thread', 1);
    const threadsTally = tallyOf(`the same sealing, no database, on ${THREADS} threads`, THREADS);
    const serviceTallies = SETTINGS.map((setting) => tallyOf(setting.what, setting.callers));
    const slice = (total: number, round: number) => [Math.floor((total * round) / ROUNDS), Math.floor((total * (round + 1)) / ROUNDS)];
    for (let round = 0; round < ROUNDS; round++) {
      const [cpuFrom, cpuTo] = slice(CPU_OPERATIONS, round) as [number, number];
      const [from, to] = slice(VOUCHERS, round) as [number, number];
      progress(
        `round ${round + 1} of ${ROUNDS}: ${cpuTo - cpuFrom} raw signatures, as many signed and encoded, ${to - from} vouchers a setting`,
      );
      await runSlice(rawTally, cpuFrom, cpuTo, rawSign);
      await runSlice(cpuTally, cpuFrom, cpuTo, signAndEncode);
      const sealStarted = performance.now();
      await sealAll(cpuFrom, cpuTo);
      addRound(threadsTally, cpuTo - cpuFrom, (performance.now() - sealStarted) / 1000);
      for (const [b, tally] of serviceTallies.entries()) {
        const setting = SETTINGS[b] as ServiceSetting;
        const vouchers = setting.threads === 0 ? onMainThread : onThreads;
        const ids = batches[b] as string[];
        if (!setting.bulk) {
          await runSlice(tally, from, to, (i) => vouchers.issueVoucher(issuingOfficer, ids[i] as string));
          continue;
        }
        // The bulk operation itself, as POST /api/v1/vouchers/issuance runs it, by each caller on its share of the
        // slice (its results come a batch of 50 at a time, so no time per voucher is shown).
        const started = performance.now();
        const share = Math.ceil((to - from) / setting.callers);
        const results = await Promise.all(
          Array.from({ length: setting.callers }, (_, caller) =>
            vouchers.issueVouchers(issuingOfficer, ids.slice(from + caller * share, Math.min(to, from + (caller + 1) * share))),
          ),
        );
        addRound(tally, to - from, (performance.now() - started) / 1000);
        const refused = results.flat().filter((item) => item.outcome !== 'issued');
        if (refused.length > 0) throw new Error(`${refused.length} refused, first: ${JSON.stringify(refused[0])}`);
      }
    }
    const issued = await owner.query<{ n: string }>('SELECT count(*) AS n FROM vouchers');
    if (Number(issued.rows[0]?.n) !== SETTINGS.length * VOUCHERS)
      throw new Error(`expected ${SETTINGS.length * VOUCHERS} vouchers, found ${issued.rows[0]?.n}`);
    const raw = rowOf(rawTally);
    const serviceRows = serviceTallies.map(rowOf);
    const rows: IssuanceRow[] = [raw, rowOf(cpuTally), rowOf(threadsTally), ...serviceRows];
    const best = serviceRows.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));

    // The bare SQL: the same row shape (a real signed credential and QR text of the service), no signing.
    const sample = await owner.query<{ credential: unknown; qr_text: string }>('SELECT credential, qr_text FROM vouchers LIMIT 1');
    const credentialJson = JSON.stringify(sample.rows[0]?.credential);
    const qrText = sample.rows[0]?.qr_text as string;
    const sqlIds = batches[SETTINGS.length] as string[];
    const insertRow = `INSERT INTO vouchers (id, application_id, program_id, status, status_list, status_index, issuer, amount, currency,
         valid_from, valid_until, credential, qr_text, issued_by, issued_at)
       VALUES ($1, $2, $3, 'ACTIVE', 100000, $4, $5, $6, 'USD', $7, $8, $9::jsonb, $10, $11, $7)`;
    const insertOne = async (i: number) => {
      const client = await app.pool.connect();
      try {
        await client.query('BEGIN');
        const now = new Date();
        await client.query({
          name: 'bench-insert-voucher',
          text: insertRow,
          values: [
            randomUUID(),
            sqlIds[i],
            programId,
            i,
            keySet.current.did,
            `${1000 + (i % 500)}.00`,
            now,
            new Date(now.getTime() + 30 * 86_400_000),
            credentialJson,
            qrText,
            issuingOfficer.subject,
          ],
        });
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    };
    for (const connections of SQL_CONNECTIONS) {
      progress(`inserting ${sqlIds.length} rows, one transaction each, ${connections} connection(s)`);
      rows.push(await measure('bare SQL: INSERT INTO vouchers, one transaction per row', connections, sqlIds.length, insertOne));
      await owner.query('DELETE FROM vouchers WHERE status_list = 100000');
    }
    progress(`inserting ${sqlIds.length} rows in one statement`);
    rows.push(
      await measureOnce('bare SQL: INSERT INTO vouchers, all rows in one statement', sqlIds.length, () =>
        owner.query(
          `INSERT INTO vouchers (id, application_id, program_id, status, status_list, status_index, issuer, amount, currency,
             valid_from, valid_until, credential, qr_text, issued_by, issued_at)
           SELECT gen_random_uuid(), a.id, a.program_id, 'ACTIVE', 100000, u.n, $2, a.assessed_amount, 'USD', now(),
             now() + interval '30 days', $3::jsonb, $4, $5, now()
           FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n) JOIN applications a USING (id)`,
          [sqlIds, keySet.current.did, credentialJson, qrText, issuingOfficer.subject],
        ),
      ),
    );

    progress(`done:\n${rows.map((r) => `  ${r.what} ×${r.concurrency}: ${r.vouchers} in ${r.seconds} s, ${r.perSecond}/s`).join('\n')}`);
    return {
      vouchers: VOUCHERS,
      goalPerSecond: GOAL,
      best: {
        what: best.what,
        perSecond: best.perSecond,
        goalMet: best.perSecond >= GOAL,
        shareOfRaw: Number((best.perSecond / raw.perSecond).toFixed(2)),
      },
      rows,
    };
  } catch (error) {
    progress(`failed: ${error instanceof Error ? error.stack : String(error)}`);
    throw error;
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
