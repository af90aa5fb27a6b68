/**
 * The analytics against a real OpenSearch (OPENSEARCH_URL) and PostgreSQL (DATABASE_URL, or an embedded one),
 * each figure beside its raw baseline measured in the same run:
 *  - indexing: outbox events delivered by the relay to the `opensearch-analytics` consumer (one bulk call per
 *    relay batch of up to 500 events, their applications re-read from PostgreSQL), beside bare bulk calls of the
 *    same event documents, one per call and 500 per call;
 *  - lag: from a state change's commit (command helper, audit and outbox) to its event being found by a search,
 *    with the app's relay polling as configured, beside a bare index call's own lag to searchable;
 *  - the dashboards' figures with 1,000,000 applications indexed, beside a bare aggregation on the same query.
 */
import { randomUUID } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { loadConfig } from '../src/config.js';
import { migrations } from '../src/migrations.js';
import { createOutboxConsumers } from '../src/outbox-consumers.js';
import {
  createAnalyticsConsumer,
  createAnalyticsStore,
  indexName,
  readFiguresFromOpenSearch,
  type AnalyticsStore,
  type DashboardFilters,
} from '../src/modules/analytics/index.js';
import { createCommandRunner } from '../src/platform/db/command.js';
import { withBenchDatabase } from './bench-database.js';
import { connectDatabase } from '../src/platform/db/database.js';
import { execute, selectOne, selectRows } from '../src/platform/db/sql.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { relayOutbox } from '../src/platform/outbox/relay-outbox.js';
import { migrateDatabase, startRuntime } from '../src/platform/runtime.js';

export interface AnalyticsBenchResult {
  indexing: Array<{ what: string; events: number; seconds: number; perSecond: number }>;
  lag: Array<{ what: string; samples: number; p50Ms: number; p95Ms: number; maxMs: number }>;
  dashboard: Array<{ what: string; applications: number; samples: number; p50Ms: number; p95Ms: number }>;
  loadSeconds: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (value: number) => Number(value.toFixed(1));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function summary(what: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    what,
    samples: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted.at(-1) ?? 0),
  };
}

const GENDERS = ['female', 'male', 'other', 'undisclosed'];
const REGIONS = ['Coast', 'Nairobi', 'Rift Valley', 'Western', 'Nyanza', 'Central', 'Eastern', 'North Eastern'];
const AGES = [8, 24, 37, 52, 71];

/** A program, a registrant and `count` submitted applications, each with its outbox event, straight in SQL. */
async function seedApplications(sequelize: Sequelize, count: number): Promise<string> {
  const programId = randomUUID();
  const registrantId = randomUUID();
  await execute(
    sequelize,
    `INSERT INTO programs (id, code, name, currency, max_amount, voucher_validity_days, state, treatment_types, reason_codes)
     VALUES (:programId, :code, 'Benchmark program', 'USD', 5000, 30, 'open',
             '[{"code":"surgery","label":"Surgery"}]', '[{"code":"eligible","label":"Eligible"}]')`,
    { programId, code: `B-${programId.slice(0, 6).toUpperCase()}` },
  );
  await execute(
    sequelize,
    `INSERT INTO registrants (id, id_type, id_value, given_name, family_name, gender, birth_date, region, created_by, updated_by)
     VALUES (:registrantId, 'NATIONAL_ID', :idValue, 'Bench', 'Mark', 'female', '1990-01-01', 'Coast', 'bench', 'bench')`,
    { registrantId, idValue: `B-${registrantId.slice(0, 8)}` },
  );
  await execute(
    sequelize,
    `WITH made AS (
       INSERT INTO applications (id, reference, program_id, registrant_id, applicant_subject, status, snapshot, treatment_type,
                                 estimated_cost, currency, submitted_at)
       SELECT gen_random_uuid(), 'BN-' || lpad(n::text, 10, '0') || substr(:salt, 1, 3), :programId, :registrantId, 'bench', 'SUBMITTED',
              jsonb_build_object('applicant', jsonb_build_object(
                'gender', (ARRAY['female','male','other','undisclosed'])[1 + n % 4],
                'age', (ARRAY[8,24,37,52,71])[1 + n % 5],
                'address', jsonb_build_object('region', (ARRAY['Coast','Nairobi','Rift Valley','Western'])[1 + n % 4]))),
              'surgery', 1000 + n % 500, 'USD', now() - (n % 30) * interval '1 day'
         FROM generate_series(1, :count) AS n
       RETURNING id)
     INSERT INTO outbox_events (occurred_at, event_type, aggregate_type, aggregate_id, payload)
     SELECT now(), 'application.submitted', 'application', id, '{}' FROM made`,
    { programId, registrantId, count, salt: randomUUID() },
  );
  return programId;
}

async function benchIndexing(ownerUrl: string, opensearchUrl: string, events: number) {
  const logger = createLogger('silent');
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: ownerUrl, LOG_LEVEL: 'silent' });
  await migrateDatabase(config, ownerUrl, logger, migrations, undefined);
  const owner = connectDatabase(ownerUrl, logger, 4);
  const prefix = `bench-idx-${Date.now()}`;
  const store = createAnalyticsStore({ url: opensearchUrl, indexPrefix: prefix });
  const rows: AnalyticsBenchResult['indexing'] = [];
  try {
    await seedApplications(owner.sequelize, events);
    await store.installTemplates();
    const consumer = createAnalyticsConsumer({ sequelize: owner.sequelize, store });
    const relay = {
      sequelize: owner.sequelize,
      consumers: [consumer],
      batchSize: 500,
      retry: config.outbox.retry,
      now: () => new Date(),
      logger,
      stopping: () => false,
    };
    let started = performance.now();
    let delivered = 0;
    for (;;) {
      const pass = await relayOutbox(relay);
      delivered += pass.delivered;
      if (!pass.more && pass.delivered === 0) break;
    }
    let seconds = (performance.now() - started) / 1000;
    rows.push({
      what: 'outbox relay → opensearch-analytics consumer',
      events: delivered,
      seconds: round(seconds),
      perSecond: Math.round(delivered / seconds),
    });

    const docs = Array.from({ length: events }, (_, i) => ({
      type: 'application.submitted',
      aggregateType: 'application',
      occurredAt: new Date(Date.now() - i).toISOString(),
    }));
    const bare = indexName(`${prefix}-bare`, 'events');
    started = performance.now();
    for (const [i, doc] of docs.entries()) {
      await store.client.bulk({ body: [{ create: { _index: bare, _id: `one-${i}` } }, doc] });
    }
    seconds = (performance.now() - started) / 1000;
    rows.push({
      what: 'bare bulk call, one event document per call (baseline)',
      events,
      seconds: round(seconds),
      perSecond: Math.round(events / seconds),
    });
    started = performance.now();
    for (let i = 0; i < docs.length; i += 500) {
      await store.client.bulk({
        body: docs.slice(i, i + 500).flatMap((doc, j) => [{ create: { _index: bare, _id: `many-${i + j}` } }, doc]),
      });
    }
    seconds = (performance.now() - started) / 1000;
    rows.push({
      what: 'bare bulk call, 500 event documents per call (baseline)',
      events,
      seconds: round(seconds),
      perSecond: Math.round(events / seconds),
    });
    return rows;
  } finally {
    await store.client.indices.delete({ index: `${prefix}-*` }).catch(() => undefined);
    await store.close();
    await owner.close();
  }
}

async function benchLag(ownerUrl: string, opensearchUrl: string, samples: number) {
  const logger = createLogger('silent');
  const prefix = `bench-lag-${Date.now()}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: ownerUrl,
    LOG_LEVEL: 'silent',
    DEV_OIDC_PORT: '0',
    OPENSEARCH_URL: opensearchUrl,
    OPENSEARCH_INDEX_PREFIX: prefix,
  });
  const runtime = await startRuntime(config, logger, {
    migrations,
    outboxConsumers: (started) => createOutboxConsumers({ config, logger, ...started }),
  });
  const store = createAnalyticsStore({ url: opensearchUrl, indexPrefix: prefix });
  const { sequelize } = runtime.database;
  try {
    const owner = connectDatabase(ownerUrl, logger, 2);
    await seedApplications(owner.sequelize, samples);
    await owner.close();
    const commands = createCommandRunner({ sequelize, pool: runtime.database.pool });
    const events = indexName(prefix, 'events');
    // An index just made answers 503 until its shard is allocated: not searchable yet.
    const searchable = async (id: string) => {
      const response = await store.client
        .search({
          index: events,
          body: { size: 1, query: { ids: { values: [id] } } },
          ignore_unavailable: true,
        })
        .catch(() => undefined);
      return (response?.body.hits.hits.length ?? 0) > 0;
    };
    const ids = await selectRows<{ id: string }>(sequelize, 'SELECT id FROM applications ORDER BY id');
    // Let the relay index the seeded events first, so each sample waits for its own change only.
    const last = await selectOne<{ id: string }>(sequelize, 'SELECT max(id) AS id FROM outbox_events');
    for (let i = 0; i < 600 && !(await searchable(String(last?.id))); i += 1) await sleep(100);

    const lags: number[] = [];
    for (const { id } of ids.slice(0, samples)) {
      await sleep(Math.random() * 200);
      const t0 = performance.now();
      await commands.run({ subject: 'bench', username: 'bench' }, async (transaction) => {
        await execute(sequelize, 'UPDATE applications SET version = version + 1, updated_at = now() WHERE id = :id', { id }, transaction);
        return { result: id, events: [{ type: 'application.touched', aggregateType: 'application', aggregateId: id }] };
      });
      const event = await selectOne<{ id: string }>(sequelize, 'SELECT max(id) AS id FROM outbox_events WHERE aggregate_id = :id', { id });
      while (!(await searchable(String(event?.id)))) await sleep(10);
      lags.push(performance.now() - t0);
    }
    const bare: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      await sleep(Math.random() * 200);
      const t0 = performance.now();
      await store.client.index({
        index: events,
        id: `bare-${i}`,
        body: { type: 'bare', aggregateType: 'bare', occurredAt: new Date().toISOString() },
      });
      while (!(await searchable(`bare-${i}`))) await sleep(10);
      bare.push(performance.now() - t0);
    }
    return [
      summary(`state change → searchable (relay polls every ${config.outbox.pollIntervalMs} ms)`, lags),
      summary('bare index call → searchable (refresh interval 500 ms; baseline)', bare),
    ];
  } finally {
    await store.client.indices.delete({ index: `${prefix}-*` }).catch(() => undefined);
    await store.close();
    await runtime.stop();
  }
}

/** 1,000,000 application documents (and a decision for each, a redemption for every fourth) over the last year. */
async function loadMillion(store: AnalyticsStore, applications: number): Promise<number> {
  await store.installTemplates();
  const started = performance.now();
  const day = 86_400_000;
  const now = Date.now();
  const batch = 2000;
  let next = 0;
  const worker = async () => {
    for (let start = next; start < applications; start = next) {
      next += batch;
      const body: unknown[] = [];
      for (let n = start; n < Math.min(applications, start + batch); n += 1) {
        const facets = {
          program: `P${n % 5}`,
          treatmentType: n % 3 === 0 ? 'surgery' : 'treatment',
          region: REGIONS[n % REGIONS.length],
          gender: GENDERS[n % GENDERS.length],
          ageBand: ['0-17', '18-29', '30-44', '45-59', '60+'][AGES.indexOf(AGES[n % 5] ?? 8)],
          submittedAt: new Date(now - (n % 365) * day - (n % 86_400) * 1000).toISOString(),
        };
        const approved = n % 3 !== 0;
        body.push(
          { index: { _index: indexName(store.indexPrefix, 'applications'), _id: `a${n}` } },
          {
            ...facets,
            status: approved ? 'APPROVED' : 'REJECTED',
            reached: approved ? ['submitted', 'reviewed', 'approved', 'voucher-issued'] : ['submitted', 'reviewed'],
            currency: 'USD',
            requestedAmount: 1000 + (n % 500),
            approvedAmount: approved ? 900 : null,
            issuedAmount: approved ? 900 : null,
            redeemedAmount: n % 4 === 0 ? 300 : null,
            claimedAmount: n % 8 === 0 ? 300 : null,
            paidAmount: n % 16 === 0 ? 300 : null,
            decidedAt: facets.submittedAt,
            secondsToDecision: 3600 + (n % 7200),
          },
        );
        body.push(
          { index: { _index: indexName(store.indexPrefix, 'decisions'), _id: `d${n}` } },
          {
            ...facets,
            stagePosition: 1 + (n % 3),
            stageKind: 'review',
            decision: approved ? 'approve' : 'reject',
            reasonCode: approved ? 'eligible' : ['incomplete', 'not-eligible', 'duplicate'][n % 3],
            decidedAt: facets.submittedAt,
            waitSeconds: 600 + (n % 86_400),
          },
        );
        if (n % 4 === 0) {
          body.push(
            { index: { _index: indexName(store.indexPrefix, 'redemptions'), _id: `r${n}` } },
            {
              ...facets,
              currency: 'USD',
              amount: 300,
              redeemedAt: facets.submittedAt,
              claimStatus: ['UNCLAIMED', 'SUBMITTED', 'APPROVED', 'PAID'][n % 4],
            },
          );
        }
      }
      const response = await store.client.bulk({ body: body as Record<string, unknown>[] });
      if (response.body.errors) throw new Error('the benchmark load was refused in part');
    }
  };
  await Promise.all([worker(), worker()]);
  await store.client.indices.refresh({ index: `${store.indexPrefix}-*` });
  return (performance.now() - started) / 1000;
}

async function benchDashboard(opensearchUrl: string, applications: number, samples: number) {
  const prefix = 'bench-million';
  const store = createAnalyticsStore({ url: opensearchUrl, indexPrefix: prefix, requestTimeoutMs: 120_000 });
  try {
    const count = await store.client
      .count({ index: indexName(prefix, 'applications') })
      .then((response) => response.body.count)
      .catch(() => 0);
    // The load is kept between runs (it takes minutes); `npm run bench -- analytics` reuses it when complete.
    const loadSeconds =
      count === applications ? 0 : (await store.client.indices.delete({ index: `${prefix}-*` }), await loadMillion(store, applications));
    const today = new Date().toISOString().slice(0, 10);
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    const rows: AnalyticsBenchResult['dashboard'] = [];
    const time = async (what: string, read: () => Promise<unknown>) => {
      await read();
      const took: number[] = [];
      for (let i = 0; i < samples; i += 1) {
        const t0 = performance.now();
        await read();
        took.push(performance.now() - t0);
      }
      const { p50Ms, p95Ms } = summary(what, took);
      rows.push({ what, applications, samples, p50Ms, p95Ms });
    };
    const cases: Array<[string, DashboardFilters]> = [
      ['last 30 days, every program', { from: daysAgo(29), to: today }],
      ['last 366 days, every program', { from: daysAgo(365), to: today }],
      ['last 366 days, one program, women 30-44', { from: daysAgo(365), to: today, program: 'P1', gender: 'female', ageBand: '30-44' }],
    ];
    for (const [label, filters] of cases) {
      // What the page waits for before it renders (readDashboard without its PostgreSQL fallback); the same query
      // again and again is answered from OpenSearch's request cache, so each is timed with the cache off too.
      await time(`dashboard figures (3 searches, 9 aggregations), ${label}`, () => readFiguresFromOpenSearch(store, filters));
      await time(`dashboard figures, request cache off, ${label}`, () =>
        readFiguresFromOpenSearch(store, filters, { requestCache: false }),
      );
      await time(`bare aggregation: one date histogram, request cache off, ${label} (baseline)`, () =>
        store.client.search({
          index: indexName(prefix, 'applications'),
          body: {
            size: 0,
            query: { range: { submittedAt: { gte: `${filters.from}T00:00:00Z`, lte: `${filters.to}T23:59:59.999Z` } } },
            aggs: { perDay: { date_histogram: { field: 'submittedAt', calendar_interval: 'day' } } },
          },
          request_cache: false,
        }),
      );
    }
    return { rows, loadSeconds };
  } finally {
    await store.close();
  }
}

/** Only the dashboard part, on the load an earlier run left (`npm run bench -- analytics-dashboard`). */
export async function benchAnalyticsDashboard(applications = 1_000_000, samples = 40) {
  const opensearchUrl = process.env.OPENSEARCH_URL;
  if (!opensearchUrl) throw new Error('bench analytics needs OPENSEARCH_URL (scripts/opensearch.sh start)');
  return benchDashboard(opensearchUrl, applications, samples);
}

/** Only the indexing part (`npm run bench -- analytics-indexing`): no dashboard load. */
export async function benchAnalyticsIndexing(events = 1000) {
  const opensearchUrl = process.env.OPENSEARCH_URL;
  if (!opensearchUrl) throw new Error('bench analytics needs OPENSEARCH_URL (scripts/opensearch.sh start)');
  return withBenchDatabase('analytics', (url) => benchIndexing(url, opensearchUrl, events));
}

export async function benchAnalytics(
  options: { events?: number; lagSamples?: number; applications?: number; dashboardSamples?: number } = {},
): Promise<AnalyticsBenchResult> {
  const opensearchUrl = process.env.OPENSEARCH_URL;
  if (!opensearchUrl) throw new Error('bench analytics needs OPENSEARCH_URL (scripts/opensearch.sh start)');
  const { events = 1000, lagSamples = 60, applications = 1_000_000, dashboardSamples = 40 } = options;
  const indexing = await withBenchDatabase('analytics', (url) => benchIndexing(url, opensearchUrl, events));
  const lag = await withBenchDatabase('analytics', (url) => benchLag(url, opensearchUrl, lagSamples));
  const dashboard = await benchDashboard(opensearchUrl, applications, dashboardSamples);
  return { indexing, lag, dashboard: dashboard.rows, loadSeconds: Math.round(dashboard.loadSeconds) };
}
