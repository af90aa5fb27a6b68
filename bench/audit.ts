/**
 * What the audit trail costs: a transaction that writes one plain row (the bare SQL baseline), the same
 * with its audit and outbox event written by the command path (a new aggregate each time, and one
 * aggregate whose chain grows), one after the other and 20 at once; then sealing a checkpoint and
 * verifying the whole trail. All in one run, on one PostgreSQL (DATABASE_URL, or an embedded one).
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { migrations } from '../src/migrations.js';
import { sealCheckpoint } from '../src/platform/audit/checkpoint.js';
import { verifyAuditTrail } from '../src/platform/audit/verify-audit-trail.js';
import { writeEvents } from '../src/platform/audit/write-events.js';
import { connectDatabase } from '../src/platform/db/database.js';
import { createDatabaseIfMissing, dropDatabase, startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.js';
import { execute } from '../src/platform/db/sql.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { migrateDatabase } from '../src/platform/runtime.js';

export interface AuditCostRow {
  mode: string;
  concurrency: number;
  transactions: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
}

export interface AuditBenchResult {
  rows: AuditCostRow[];
  sealMs: number;
  sealedEvents: number;
  verifyMs: number;
  verifiedEvents: number;
}

const KEY = 'benchmark-audit-checkpoint-key';
const ACTOR = { subject: 'bench-subject', username: 'bench' };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(
  sequelize: Sequelize,
  mode: string,
  concurrency: number,
  transactions: number,
  work: (i: number) => Promise<void>,
): Promise<AuditCostRow> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < transactions; i = next++) {
        const t0 = performance.now();
        await work(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  void sequelize;
  return {
    mode,
    concurrency,
    transactions,
    perSecond: Math.round(transactions / seconds),
    p50Ms: Number(percentile(latencies, 50).toFixed(2)),
    p95Ms: Number(percentile(latencies, 95).toFixed(2)),
  };
}

export async function benchAuditCost(transactions = 2000): Promise<AuditBenchResult> {
  const logger = createLogger('silent');
  const stops: Array<() => Promise<void>> = [];
  const database = `iaod_bench_audit_${Date.now()}`;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    adminUrl = url.href;
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, '.data', 'bench-postgres'), port: 54369, database });
    adminUrl = embedded.adminUrl;
    stops.push(() => embedded.stop());
  }
  await createDatabaseIfMissing(adminUrl, database);
  stops.push(() => dropDatabase(adminUrl, database));
  const ownerUrl = new URL(adminUrl);
  ownerUrl.pathname = `/${database}`;
  try {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: ownerUrl.href, LOG_LEVEL: 'silent' });
    const appUrl = await migrateDatabase(config, ownerUrl.href, logger, migrations, undefined);
    const owner = connectDatabase(ownerUrl.href, logger, 2);
    // The baseline's table, as a module's migration would make it.
    await owner.sequelize.query(
      'CREATE TABLE bench_rows (id uuid PRIMARY KEY, payload jsonb NOT NULL); GRANT ALL ON bench_rows TO iaod_app',
    );
    await owner.close();
    const { sequelize, close } = connectDatabase(appUrl, logger, 20);
    stops.push(close);

    const insertRow = (transaction: Transaction, id: string) =>
      execute(
        sequelize,
        'INSERT INTO bench_rows (id, payload) VALUES (:id, CAST(:payload AS jsonb))',
        { id, payload: '{"n":1}' },
        transaction,
      );
    const bare = async () => {
      await sequelize.transaction((t) => insertRow(t, randomUUID()));
    };
    const withEvent = (aggregateId: () => string) => async () => {
      await sequelize.transaction(async (t) => {
        const id = randomUUID();
        await insertRow(t, id);
        await writeEvents(sequelize, t, {
          actor: ACTOR,
          events: [{ type: 'bench.row-added', aggregateType: 'bench', aggregateId: aggregateId(), payload: { rowId: id } }],
          occurredAt: new Date(),
          toOutbox: true,
        });
      });
    };
    const shared = randomUUID();
    const rows: AuditCostRow[] = [];
    await measure(sequelize, 'warm-up', 4, 200, withEvent(randomUUID));
    for (const concurrency of [1, 20]) {
      rows.push(await measure(sequelize, 'bare INSERT (baseline)', concurrency, transactions, bare));
      rows.push(await measure(sequelize, 'INSERT + audit/outbox event, new aggregate', concurrency, transactions, withEvent(randomUUID)));
      rows.push(
        await measure(
          sequelize,
          'INSERT + audit/outbox event, one aggregate',
          concurrency,
          transactions,
          withEvent(() => shared),
        ),
      );
    }
    const sealStarted = performance.now();
    const sealed = await sealCheckpoint({ sequelize, key: KEY });
    const sealMs = performance.now() - sealStarted;
    const verifyStarted = performance.now();
    const verified = await verifyAuditTrail({ sequelize, key: KEY });
    const verifyMs = performance.now() - verifyStarted;
    if (!verified.verified) throw new Error('the benchmark trail does not verify');
    return {
      rows,
      sealMs: Math.round(sealMs),
      sealedEvents: sealed?.event_count ?? 0,
      verifyMs: Math.round(verifyMs),
      verifiedEvents: verified.eventsChecked,
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
