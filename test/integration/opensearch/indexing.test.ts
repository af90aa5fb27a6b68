/**
 * Indexing into a real OpenSearch (OPENSEARCH_URL; this folder runs only where the run has one): every
 * outbox event indexed once under its own id, the documents free of personal data, a repeated delivery
 * harmless, OpenSearch's figures equal to PostgreSQL's, and a burst of changes made while OpenSearch is
 * unreachable indexed exactly once when it is back, the dashboards saying meanwhile that they are delayed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  ANALYTICS_CONSUMER,
  createAnalyticsConsumer,
  createAnalyticsStore,
  createDashboardsService,
  INDEX_MAPPINGS,
  indexName,
  readFiguresFromOpenSearch,
  readFiguresFromPostgres,
  reindexAnalytics,
  type AnalyticsIndex,
  type AnalyticsStore,
  type DashboardFilters,
} from '../../../src/modules/analytics/index.js';
import { selectOne, selectRows } from '../../../src/platform/db/sql.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import type { OutboxEvent } from '../../../src/platform/outbox/consumer.js';
import { applicationFor } from '../../support/fixtures.js';
import type { TestApp } from '../../support/harness.js';
import { startTestAppOnOwnDatabase } from '../../support/own-database.js';
import { makeDashboardData, type DashboardData } from '../../support/analytics-data.js';
import { startTcpGate, type TcpGate } from '../../support/tcp-gate.js';
import { tokenFor } from '../../support/tokens.js';
import { waitUntil } from '../../support/wait-until.js';

const OPENSEARCH_URL = process.env.OPENSEARCH_URL ?? '';

describe('indexing into OpenSearch', () => {
  const prefix = `t-${randomUUID().slice(0, 8)}`;
  let gate: TcpGate;
  let testApp: TestApp;
  let store: AnalyticsStore;
  let data: DashboardData;
  let baseline: string;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    gate = await startTcpGate(new URL(OPENSEARCH_URL));
    // A database of its own: the figures for every program compare all of today's applications in PostgreSQL with
    // those this app indexed, and in the shared database other files' applications were indexed under another
    // prefix (or not at all), depending on the order the files ran in.
    testApp = await startTestAppOnOwnDatabase('analytics', {
      env: {
        OPENSEARCH_URL: gate.url,
        OPENSEARCH_INDEX_PREFIX: prefix,
        OUTBOX_POLL_INTERVAL_MS: '100',
        OUTBOX_RETRY_BASE_MS: '100',
        OUTBOX_RETRY_MAX_MS: '500',
      },
    });
    store = createAnalyticsStore({ url: OPENSEARCH_URL, indexPrefix: prefix });
    baseline = await lastEventId();
    data = await makeDashboardData(testApp.app);
  });
  afterAll(async () => {
    await testApp?.close();
    await gate?.close();
    await store?.client.indices.delete({ index: `${prefix}-*` });
    await store?.close();
  });

  const sequelize = () => testApp.runtime.database.sequelize;
  const lastEventId = async () =>
    String((await selectOne<{ id: string }>(sequelize(), 'SELECT COALESCE(max(id), 0) AS id FROM outbox_events'))?.id ?? '0');
  const eventIdsAfter = async (after: string) =>
    (await selectRows<{ id: string }>(sequelize(), 'SELECT id FROM outbox_events WHERE id > :after ORDER BY id', { after })).map((row) =>
      String(row.id),
    );

  async function search(index: AnalyticsIndex, query: Record<string, unknown>) {
    await store.client.indices.refresh({ index: indexName(prefix, index), ignore_unavailable: true });
    const response = await store.client.search({
      index: indexName(prefix, index),
      body: { size: 10_000, version: true, query },
      ignore_unavailable: true,
    });
    return response.body.hits.hits.map((hit) => ({ id: String(hit._id), version: hit._version, source: hit._source ?? {} }));
  }
  const indexedEvents = (ids: string[]) => search('events', { ids: { values: ids } });
  const everyEventIndexed = async (ids: string[]) =>
    waitUntil(
      () => indexedEvents(ids),
      (hits) => hits.length === ids.length,
      `${ids.length} events indexed`,
      30_000,
    );
  const filters = (more: Partial<DashboardFilters> = {}): DashboardFilters => ({
    from: today,
    to: today,
    program: data.program.code,
    ...more,
  });

  it('indexes each event once under its own id, and documents without personal data', async () => {
    const ids = await eventIdsAfter(baseline);
    const events = await everyEventIndexed(ids);
    expect(events.map((hit) => hit.id).sort()).toEqual([...ids].sort());

    const applications = await search('applications', { term: { program: data.program.code } });
    expect(applications.map((hit) => hit.id).sort()).toEqual([...data.applicationIds].sort());
    for (const index of ['applications', 'decisions', 'vouchers', 'redemptions'] as const) {
      const hits = await search(index, { term: { program: data.program.code } });
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) {
        expect(Object.keys(INDEX_MAPPINGS[index])).toEqual(expect.arrayContaining(Object.keys(hit.source)));
        expect(JSON.stringify(hit.source)).not.toMatch(/Amina|Yusuf|Pedro|Alves|\+254|NID-|Appendectomy|hospital letter|Likoni|Njoro/);
      }
    }
  });

  it('changes nothing when an event is delivered again', async () => {
    const ids = await eventIdsAfter(baseline);
    await everyEventIndexed(ids);
    const rows = await selectRows<{ id: string; event_type: string; aggregate_type: string; aggregate_id: string; occurred_at: Date }>(
      sequelize(),
      'SELECT id, event_type, aggregate_type, aggregate_id, occurred_at FROM outbox_events WHERE id = ANY(CAST(:ids AS bigint[]))',
      { ids },
    );
    const consumer = createAnalyticsConsumer({ sequelize: sequelize(), store });
    for (const row of rows) {
      const event: OutboxEvent = {
        id: String(row.id),
        type: row.event_type,
        aggregateType: row.aggregate_type,
        aggregateId: row.aggregate_id,
        occurredAt: row.occurred_at,
        payload: {},
      };
      await consumer.deliver(event, { idempotencyKey: `${ANALYTICS_CONSUMER}:${event.id}` });
    }
    const events = await indexedEvents(ids);
    expect(events).toHaveLength(ids.length);
    expect(events.every((hit) => hit.version === 1)).toBe(true);
    expect(await search('applications', { term: { program: data.program.code } })).toHaveLength(4);
  });

  it('gives the same figures from OpenSearch as from PostgreSQL, for every filter', async () => {
    await everyEventIndexed(await eventIdsAfter(baseline));
    for (const narrowed of [
      filters(),
      filters({ gender: 'male' }),
      filters({ region: 'Coast' }),
      filters({ ageBand: '60+' }),
      filters({ program: undefined }),
    ]) {
      const fromPostgres = await readFiguresFromPostgres(sequelize(), narrowed);
      expect(await readFiguresFromOpenSearch(store, narrowed)).toEqual(fromPostgres);
    }
    const { figures } = await createDashboardsService({ sequelize: sequelize(), store, logger: createLogger('silent') }).readDashboard(
      filters(),
    );
    expect(figures.funnel[0]).toEqual({ step: 'submitted', count: 4 });
  });

  it('indexes every event of a burst made while OpenSearch was unreachable exactly once, when it is back', async () => {
    await everyEventIndexed(await eventIdsAfter(baseline));
    const before = await lastEventId();
    await gate.close();
    const pedro = `Bearer ${await tokenFor('pedro')}`;
    const submitted = await Promise.all(
      Array.from({ length: 5 }, () =>
        request(testApp.app).post('/api/v1/applications').set('Authorization', pedro).send(applicationFor(data.program.id)),
      ),
    );
    expect(submitted.map((res) => res.status)).toEqual([201, 201, 201, 201, 201]);
    await waitUntil(
      () =>
        selectOne<{ failed_attempts: number }>(sequelize(), 'SELECT failed_attempts FROM outbox_consumers WHERE name = :name', {
          name: ANALYTICS_CONSUMER,
        }),
      (row) => (row?.failed_attempts ?? 0) > 1,
      'the indexing to fail while OpenSearch is away',
    );
    const gated = createAnalyticsStore({ url: gate.url, indexPrefix: prefix, requestTimeoutMs: 2000 });
    const dashboards = createDashboardsService({ sequelize: sequelize(), store: gated, logger: createLogger('silent') });
    const meanwhile = await dashboards.readDashboard(filters());
    expect({ source: meanwhile.source, delayed: meanwhile.delayed }).toEqual({ source: 'postgresql', delayed: true });
    expect(meanwhile.figures.funnel[0]).toEqual({ step: 'submitted', count: 9 });

    await gate.open();
    const burst = await eventIdsAfter(before);
    expect(burst.length).toBeGreaterThanOrEqual(5);
    const events = await everyEventIndexed(burst);
    expect(events.map((hit) => hit.id).sort()).toEqual([...burst].sort());
    expect(events.every((hit) => hit.version === 1)).toBe(true);
    expect(await search('applications', { term: { program: data.program.code } })).toHaveLength(9);
    const after = await dashboards.readDashboard(filters());
    expect({ source: after.source, delayed: after.delayed }).toEqual({ source: 'opensearch', delayed: false });
    expect(after.figures).toEqual(await readFiguresFromPostgres(sequelize(), filters()));
    await gated.close();
  });

  it('rebuilds every index from PostgreSQL with the same figures (npm run reindex)', async () => {
    const rebuilt = createAnalyticsStore({ url: OPENSEARCH_URL, indexPrefix: `${prefix}-re` });
    try {
      const result = await reindexAnalytics({ sequelize: sequelize(), store: rebuilt });
      expect(result.applications).toBeGreaterThanOrEqual(9);
      expect(await readFiguresFromOpenSearch(rebuilt, filters())).toEqual(await readFiguresFromPostgres(sequelize(), filters()));
    } finally {
      await rebuilt.client.indices.delete({ index: `${prefix}-re-*` });
      await rebuilt.close();
    }
  });
});
