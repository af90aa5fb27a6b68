/**
 * Approvals under load, each figure beside the raw PostgreSQL cost of the same statements in the same run:
 *  - decisions: 50 officers at once, each deciding stage 1 of applications of their own (the whole command
 *    path: row lock, rules, decision, application update, audit and outbox event, Idempotency-Key claim).
 *    The statements each decision sent on its connection are recorded, the applications put back as they
 *    were, and the same statements (texts and values) replayed over plain pg connections, 50 at once.
 *  - the work queue: an officer's first page and stage counts with 100,000 applications waiting, once spread
 *    over 100 officers (1,000 each) and once at one group's stage (all 100,000 for each of its members);
 *    beside it, the same statements replayed over a plain pg connection;
 *  - the program manager's pipeline of that program (counts and oldest wait per stage over all of them).
 * In-process (no HTTP, no token check: `npm run bench -- jwt` measures that), on an embedded PostgreSQL or
 * the server at DATABASE_URL; seeded with SQL, since 100,000 submissions through the API would be the
 * submissions benchmark.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { migrations } from '../src/migrations.js';
import type { Principal } from '../src/platform/auth/principal.js';
import { createCommandRunner } from '../src/platform/db/command.js';
import { connectDatabase } from '../src/platform/db/database.js';
import { createDatabaseIfMissing, dropDatabase, startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { migrateDatabase } from '../src/platform/runtime.js';
import { createApprovalsService } from '../src/modules/approvals/index.js';
import { createProgramsService } from '../src/modules/programs/index.js';

export interface LatencyRow {
  what: string;
  concurrency: number;
  operations: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
}

export interface ApprovalsBenchResult {
  waiting: number;
  rows: LatencyRow[];
}

const OFFICERS = 50;
const DECISIONS_PER_OFFICER = Number(process.env.BENCH_DECISIONS_PER_OFFICER ?? 40);
const WAITING = Number(process.env.BENCH_WAITING ?? 100_000);
const QUEUE_OFFICERS = 100;
const QUEUE_READS = Number(process.env.BENCH_QUEUE_READS ?? 200);

interface Statement {
  name?: string;
  text: string;
  values?: unknown[];
}

const progress = (step: string) => process.stderr.write(`approvals bench: ${step} (${new Date().toISOString()})\n`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `work(i)` for i < operations on `concurrency` workers; worker w takes i ≡ w (mod concurrency). */
async function measure(
  what: string,
  concurrency: number,
  operations: number,
  work: (i: number, worker: number) => Promise<void>,
): Promise<LatencyRow> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = worker; i < operations; i += concurrency) {
        const t0 = performance.now();
        await work(i, worker);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    what,
    concurrency,
    operations,
    perSecond: Math.round(operations / seconds),
    p50Ms: Number(percentile(latencies, 50).toFixed(2)),
    p95Ms: Number(percentile(latencies, 95).toFixed(2)),
  };
}

const officer = (n: number): Principal => ({
  subject: `bench-officer-${n}`,
  username: `officer${n}`,
  givenName: 'Bench',
  familyName: `Officer ${n}`,
  displayName: `Bench Officer ${n}`,
  email: undefined,
  roles: ['reviewer'],
  nationalId: undefined,
  clientId: 'iaod-web',
});

const stagesFor = (type: 'user' | 'group', ref: string) =>
  JSON.stringify([
    { position: 1, name: 'Review', kind: 'review', officer: { type, ref } },
    { position: 2, name: 'Assessment', kind: 'assessment', officer: { type: 'user', ref: 'bench-assessor' } },
  ]);

/** Applications waiting at stage 1, for `officerRef(i)`, one registrant each of 1,000, submitted over the last 30 days. */
async function seedApplications(
  owner: pg.Pool,
  programId: string,
  count: number,
  officerType: 'user' | 'group',
  officerRef: string,
): Promise<void> {
  await owner.query(
    `INSERT INTO applications (id, reference, program_id, registrant_id, applicant_subject, status, snapshot, stages, current_stage,
       treatment_type, estimated_cost, currency, submitted_at, waiting_since)
     WITH r AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM registrants)
     SELECT gen_random_uuid(), 'B' || lpad(to_hex(nextval('bench_reference')), 12, '0'), $1,
       r.id, 'bench-applicant-' || (g % 1000), 'SUBMITTED',
       '{"applicant": {}}'::jsonb,
       replace($3::text, '%REF%', $4 || CASE WHEN $2 = 'user' THEN (g % ${QUEUE_OFFICERS})::text ELSE '' END)::jsonb, 1,
       'surgery', 1000 + (g % 500), 'USD', now() - (g % 43200) * interval '1 minute', now() - (g % 43200) * interval '1 minute'
     FROM generate_series(1, ${count}) AS g JOIN r ON r.n = g % 1000`,
    [programId, officerType, stagesFor(officerType, '%REF%'), officerRef],
  );
}

export async function benchApprovals(): Promise<ApprovalsBenchResult> {
  const logger = createLogger('silent');
  const stops: Array<() => Promise<void>> = [];
  const database = `iaod_bench_approvals_${Date.now()}`;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = Object.assign(new URL(process.env.DATABASE_URL), { pathname: '/postgres' }).href;
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, '.data', 'bench-postgres'), port: 54369, database });
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

    // Seed: one program, 1,000 registrants, the decision set and the waiting applications.
    const programId = randomUUID();
    await owner.query(
      `INSERT INTO programs (id, code, name, currency, max_amount, voucher_validity_days, state, treatment_types, reason_codes)
       VALUES ($1, 'BENCH', 'Bench program', 'USD', 5000, 30, 'open', '[{"code": "surgery", "label": "Surgery"}]',
         '[{"code": "eligible", "label": "Eligible"}]')`,
      [programId],
    );
    await owner.query(`CREATE SEQUENCE bench_reference`);
    await owner.query(
      `INSERT INTO registrants (id, id_type, id_value, given_name, family_name, gender, birth_date, region, created_by, updated_by)
       SELECT gen_random_uuid(), 'NATIONAL_ID', 'BENCH-' || g, 'Given' || g, 'Family' || g, 'female', DATE '1980-01-01' + g, 'Coast',
         'bench', 'bench'
       FROM generate_series(0, 999) AS g`,
    );
    await owner.query(
      `INSERT INTO officer_groups (id, code, name, members)
       VALUES (gen_random_uuid(), 'bench-group', 'Bench group', ARRAY['bench-group-member'])`,
    );
    const decisionIds: string[][] = [];
    for (let n = 0; n < OFFICERS; n++) {
      const { rows } = await owner.query<{ id: string }>(
        `INSERT INTO applications (id, reference, program_id, registrant_id, applicant_subject, status, snapshot, stages, current_stage,
           treatment_type, estimated_cost, currency, submitted_at, waiting_since)
         SELECT gen_random_uuid(), 'D' || lpad(to_hex(nextval('bench_reference')), 12, '0'), $1,
           (SELECT id FROM registrants ORDER BY id OFFSET (g % 1000) LIMIT 1), 'bench-applicant-' || g, 'SUBMITTED',
           '{"applicant": {}}'::jsonb, $2::jsonb, 1, 'surgery', 1200, 'USD', now(), now()
         FROM generate_series(1, ${DECISIONS_PER_OFFICER}) AS g RETURNING id`,
        [programId, stagesFor('user', officer(n).subject)],
      );
      decisionIds.push(rows.map((r) => r.id));
    }
    progress('seeding the waiting applications');
    await seedApplications(owner, programId, WAITING, 'user', 'bench-officer-q');
    // Settled as autovacuum would leave 100,000 inserted rows: statistics, and the visibility map the queue's
    // index-only counts rely on.
    await owner.query('VACUUM ANALYZE');

    progress('deciding');
    const app = connectDatabase(appUrl, logger, OFFICERS + 5);
    stops.push(() => app.close());
    const commands = createCommandRunner({ sequelize: app.sequelize, pool: app.pool });
    const programs = createProgramsService({
      sequelize: app.sequelize,
      commands,
      directory: { findUser: () => Promise.resolve(undefined) },
    });
    const approvals = createApprovalsService({ sequelize: app.sequelize, commands, programs });

    // Every statement a decision sends on its connection, by decision.
    const recording = new AsyncLocalStorage<Statement[]>();
    const connect = app.pool.connect.bind(app.pool) as () => Promise<pg.PoolClient>;
    const patched = new WeakSet<pg.PoolClient>();
    (app.pool as { connect: () => Promise<pg.PoolClient> }).connect = async () => {
      const client = await connect();
      if (!patched.has(client)) {
        patched.add(client);
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
          const [first, second] = args;
          const statement: Statement =
            typeof first === 'string' ? { text: first, values: second as unknown[] | undefined } : (first as Statement);
          recording.getStore()?.push({ name: statement.name, text: statement.text, values: statement.values });
          return query(...args);
        };
      }
      return client;
    };

    const rows: LatencyRow[] = [];
    const recorded: Statement[][] = [];
    const decide = (i: number, worker: number) => {
      const id = decisionIds[worker]?.[Math.floor(i / OFFICERS)];
      if (!id) throw new Error('no application left to decide');
      const statements: Statement[] = [];
      recorded.push(statements);
      return recording.run(statements, async () => {
        await approvals.decideStage(officer(worker), {
          applicationId: id,
          position: 1,
          input: { decision: 'approve', reasonCode: 'eligible' },
          idempotencyKey: randomUUID(),
        });
      });
    };
    const decisions = OFFICERS * DECISIONS_PER_OFFICER;
    rows.push(await measure('decideStage (service: command path)', OFFICERS, decisions, decide));

    progress('replaying the statements of the decisions');
    // Put the applications back as they were, then replay the same statements on plain connections.
    const all = decisionIds.flat();
    await owner.query('DELETE FROM application_decisions WHERE application_id = ANY($1)', [all]);
    await owner.query(`UPDATE applications SET status = 'SUBMITTED', current_stage = 1, version = 1 WHERE id = ANY($1)`, [all]);
    await owner.query('DELETE FROM idempotency_keys');
    // The commands' own pool: plain pg connections (nothing records outside a decision), and no more of them.
    const raw = app.pool;
    rows.push(
      await measure('the same statements, raw pg (baseline)', OFFICERS, recorded.length, async (i) => {
        const client = await raw.connect();
        try {
          for (const statement of recorded[i] ?? []) await client.query(statement as pg.QueryConfig);
        } finally {
          client.release();
        }
      }),
    );

    // The work queue: first page and counts, as GET /work-queue asks them.
    const queueRows = async (label: string, principal: (i: number) => Principal) => {
      const captured: Statement[][] = [];
      const query = app.sequelize.query.bind(app.sequelize);
      const sequelize = app.sequelize as unknown as { query: (sql: string, options?: { bind?: unknown[] }) => unknown };
      sequelize.query = (sql, options) => {
        recording.getStore()?.push({ text: sql, values: options?.bind });
        return (query as (sql: string, options?: unknown) => unknown)(sql, options);
      };
      rows.push(
        await measure(`listWorkQueue (service), ${label}`, 1, QUEUE_READS, async (i) => {
          const statements: Statement[] = [];
          captured.push(statements);
          await recording.run(statements, () => approvals.listWorkQueue(principal(i), { page: 1, pageSize: 20 }));
        }),
      );
      sequelize.query = query as typeof sequelize.query;
      rows.push(
        await measure(`the same statements, raw pg (baseline), ${label}`, 1, captured.length, async (i) => {
          const client = await raw.connect();
          try {
            for (const statement of captured[i] ?? []) await client.query({ text: statement.text, values: statement.values });
          } finally {
            client.release();
          }
        }),
      );
    };
    progress('reading work queues');
    const queueOfficer = (i: number): Principal => ({ ...officer(0), subject: `bench-officer-q${i % QUEUE_OFFICERS}` });
    await queueRows(`${WAITING} waiting over ${QUEUE_OFFICERS} officers`, queueOfficer);
    // All of them at one group's stage: the worst case for the counts.
    await owner.query(`UPDATE applications SET stages = $1::jsonb WHERE reference LIKE 'B%'`, [stagesFor('group', 'bench-group')]);
    await owner.query('VACUUM ANALYZE applications');
    await queueRows(`${WAITING} waiting at one group's stage`, () => ({ ...officer(0), subject: 'bench-group-member' }));
    progress('reading the pipeline');
    // The program manager's counts per stage over all of them (one index-only scan of applications_pipeline_idx).
    const manager: Principal = { ...officer(0), subject: 'bench-manager', roles: ['program-manager'] };
    rows.push(
      await measure(`getProgramPipeline (service), ${WAITING} waiting in one program`, 1, QUEUE_READS, async () => {
        await approvals.getProgramPipeline(manager, programId);
      }),
    );
    progress(
      `done:\n${rows.map((r) => `  ${r.what} ×${r.concurrency}: ${r.perSecond}/s, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms`).join('\n')}`,
    );
    return { waiting: WAITING, rows };
  } catch (error) {
    progress(`failed: ${error instanceof Error ? error.stack : String(error)}`);
    throw error;
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
