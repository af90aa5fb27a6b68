/**
 * The outbox relay: every state change's outbox event reaches every registered consumer, once, in order,
 * with retries and back-off for a consumer that fails, and the backlog shows on /readyz and /metrics.
 */
import { migrations } from '../../src/migrations.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Express } from 'express';
import type { Sequelize } from 'sequelize';
import { connectDatabase, type Database } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { selectOne, selectRows } from '../../src/platform/db/sql.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { markEventsPublished } from '../../src/platform/outbox/mark-events-published.js';
import type { OutboxConsumer } from '../../src/platform/outbox/consumer.js';
import { createProgram, type ProgramFixture } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { readTestEnvironment } from '../support/environment.js';
import { batchingConsumer, consumerName, manualClock, recordingConsumer, type DeliveryCall } from '../support/outbox-consumers.js';
import { tokenFor } from '../support/tokens.js';
import { waitUntil } from '../support/wait-until.js';

/** Quick polls and short back-off, so the relay never keeps a test waiting long. */
const FAST_RELAY = { OUTBOX_POLL_INTERVAL_MS: '20', OUTBOX_RETRY_BASE_MS: '10', OUTBOX_RETRY_MAX_MS: '40' };

interface ConsumerState {
  failed_attempts: number;
  retry_at: Date | null;
  failing_event_id: string | null;
  last_error: string | null;
}

let running: TestApp[] = [];

async function startApp(options: Parameters<typeof startTestApp>[0] = {}): Promise<TestApp> {
  const testApp = await startTestApp({ ...options, env: { ...FAST_RELAY, ...options.env } });
  running.push(testApp);
  return testApp;
}

async function stopApp(testApp: TestApp): Promise<void> {
  running = running.filter((other) => other !== testApp);
  await testApp.close();
}

function sequelizeOf(testApp: TestApp): Sequelize {
  return testApp.runtime.database.sequelize;
}

/** The ids of the outbox events of these aggregates, in id order. */
async function eventIdsOf(testApp: TestApp, aggregateIds: readonly string[]): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(
    sequelizeOf(testApp),
    'SELECT id FROM outbox_events WHERE aggregate_id = ANY(:aggregateIds) ORDER BY id',
    { aggregateIds: [...aggregateIds] },
  );
  return rows.map((row) => row.id);
}

async function unpublishedOf(testApp: TestApp, eventIds: readonly string[]): Promise<number> {
  const row = await selectOne<{ n: string }>(
    sequelizeOf(testApp),
    'SELECT count(*) AS n FROM outbox_events WHERE id = ANY(:eventIds) AND published_at IS NULL',
    { eventIds: [...eventIds] },
  );
  return Number(row?.n);
}

async function consumerState(testApp: TestApp, name: string): Promise<ConsumerState | undefined> {
  return selectOne<ConsumerState>(
    sequelizeOf(testApp),
    'SELECT failed_attempts, retry_at, failing_event_id, last_error FROM outbox_consumers WHERE name = :name',
    { name },
  );
}

async function deliveriesOf(
  testApp: TestApp,
  name: string,
  eventIds: readonly string[],
): Promise<Array<{ event_id: string; attempts: number }>> {
  return selectRows(
    sequelizeOf(testApp),
    'SELECT event_id, attempts FROM outbox_deliveries WHERE consumer = :name AND event_id = ANY(:eventIds) ORDER BY event_id',
    { name, eventIds: [...eventIds] },
  );
}

async function readiness(testApp: TestApp) {
  const res = await request(testApp.app).get('/readyz');
  return { status: res.status, body: res.body as { status: string; outbox?: { unpublished: number; oldestAgeSeconds: number } } };
}

function gaugeValue(metricsText: string, name: string): number {
  const line = metricsText.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} in /metrics`);
  return Number(line.slice(name.length + 1));
}

/** A change of a program: one more outbox event of that aggregate. */
async function renameProgram(app: Express, program: ProgramFixture, name: string): Promise<ProgramFixture> {
  const res = await request(app)
    .patch(`/api/v1/programs/${program.id}`)
    .set('Authorization', `Bearer ${await tokenFor('maria')}`)
    .send({ version: program.version, name });
  if (res.status !== 200) throw new Error(`program not renamed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...program, version: (res.body as { version: number }).version };
}

function keysOf(calls: DeliveryCall[], eventId: string): string[] {
  return calls.filter((call) => call.eventId === eventId).map((call) => call.idempotencyKey);
}

describe('the outbox relay', () => {
  let database: Database;
  beforeAll(async () => {
    const logger = createLogger('silent');
    database = connectDatabase(readTestEnvironment().databaseUrl, logger);
    // When this file runs first, no app has created the tables yet.
    await migrateToLatest(database.sequelize, logger, { migrations });
  });
  afterAll(async () => {
    await database.close();
  });
  // Each test starts with nothing unpublished, so its consumers receive only its own events: what earlier
  // test files left is published as a relay with no consumer does it.
  beforeEach(async () => {
    await markEventsPublished(database.sequelize, []);
  });
  afterEach(async () => {
    for (const testApp of [...running]) await stopApp(testApp);
  });

  it('marks events published when no consumer is registered', async () => {
    const testApp = await startApp();
    const program = await createProgram(testApp.app, { open: false });
    const eventIds = await eventIdsOf(testApp, [program.id]);
    expect(eventIds).toHaveLength(1);
    await waitUntil(
      () => unpublishedOf(testApp, eventIds),
      (n) => n === 0,
      'the event published',
    );
  });

  it('retries a consumer that fails twice with growing back-off, then hands it the event once, and once to a healthy one', async () => {
    const clock = manualClock('2026-12-01T10:00:00.000Z');
    const flaky = recordingConsumer(consumerName('flaky'));
    const healthy = recordingConsumer(consumerName('healthy'));
    flaky.failNext(2);
    const testApp = await startApp({
      outboxConsumers: [flaky, healthy],
      now: clock.now,
      env: { OUTBOX_RETRY_BASE_MS: '1000', OUTBOX_RETRY_MAX_MS: '60000' },
    });

    const program = await createProgram(testApp.app, { open: false });
    const [first] = await eventIdsOf(testApp, [program.id]);
    if (!first) throw new Error('no outbox event');

    // First failure: the next attempt waits the base delay, by the relay's clock.
    const afterOne = await waitUntil(
      () => consumerState(testApp, flaky.name),
      (s) => s?.failed_attempts === 1,
      'the first failure',
    );
    expect(afterOne).toMatchObject({ failing_event_id: first, last_error: 'ECONNREFUSED' });
    expect(afterOne?.retry_at?.toISOString()).toBe('2026-12-01T10:00:01.000Z');

    // While it waits, the healthy consumer keeps receiving later events; the failing one is not called again.
    const renamed = await renameProgram(testApp.app, program, 'Renamed while a consumer fails');
    const [, second] = await eventIdsOf(testApp, [renamed.id]);
    if (!second) throw new Error('no second outbox event');
    await waitUntil(
      async () => healthy.receivedIds([program.id]),
      (ids) => ids.length === 2,
      'the healthy consumer to have both events',
    );
    expect(flaky.calls.map((call) => `${call.eventId}:${call.outcome}`)).toEqual([`${first}:failed`]);

    // Second failure: twice the delay.
    clock.advance(1000);
    const afterTwo = await waitUntil(
      () => consumerState(testApp, flaky.name),
      (s) => s?.failed_attempts === 2,
      'the second failure',
    );
    expect(afterTwo?.retry_at?.toISOString()).toBe('2026-12-01T10:00:03.000Z');

    // Third attempt succeeds, and the event it was missing follows in order.
    clock.advance(2000);
    await waitUntil(
      async () => flaky.receivedIds([program.id]),
      (ids) => ids.length === 2,
      'the recovered consumer to catch up',
    );
    expect(flaky.receivedIds([program.id])).toEqual([first, second]);
    expect(flaky.calls.map((call) => `${call.eventId}:${call.outcome}`)).toEqual([
      `${first}:failed`,
      `${first}:failed`,
      `${first}:delivered`,
      `${second}:delivered`,
    ]);
    expect(healthy.receivedIds([program.id])).toEqual([first, second]);
    expect(healthy.calls.filter((call) => call.outcome === 'failed')).toEqual([]);

    // The key is the same on every attempt, and names the consumer and the event.
    expect(keysOf(flaky.calls, first)).toEqual(Array(3).fill(`${flaky.name}:${first}`));
    expect(keysOf(healthy.calls, first)).toEqual([`${healthy.name}:${first}`]);

    // Its record commits just after the call returns.
    const recorded = await waitUntil(
      () => deliveriesOf(testApp, flaky.name, [first, second]),
      (rows) => rows.length === 2,
      'both deliveries recorded',
    );
    expect(recorded).toEqual([
      { event_id: first, attempts: 3 },
      { event_id: second, attempts: 1 },
    ]);
    expect(await consumerState(testApp, flaky.name)).toMatchObject({ failed_attempts: 0, retry_at: null, failing_event_id: null });
    await waitUntil(
      () => unpublishedOf(testApp, [first, second]),
      (n) => n === 0,
      'both events published',
    );
  });

  it('hands a consumer its events in id order, including those it missed while failing', async () => {
    const ordered = recordingConsumer(consumerName('ordered'));
    ordered.failUntilRecovered();
    const testApp = await startApp({ outboxConsumers: [ordered] });

    const one = await createProgram(testApp.app, { open: false });
    const two = await createProgram(testApp.app, { open: false });
    await renameProgram(testApp.app, one, 'One, renamed');
    await renameProgram(testApp.app, two, 'Two, renamed');
    const eventIds = await eventIdsOf(testApp, [one.id, two.id]);
    expect(eventIds).toHaveLength(4);
    await waitUntil(
      async () => ordered.calls.length,
      (n) => n >= 2,
      'a few failed attempts',
    );
    expect(ordered.calls.every((call) => call.eventId === eventIds[0] && call.outcome === 'failed')).toBe(true);

    ordered.recover();
    await waitUntil(
      () => unpublishedOf(testApp, eventIds),
      (n) => n === 0,
      'every event published',
    );
    expect(ordered.receivedIds([one.id, two.id])).toEqual(eventIds);
  });

  it('hands a consumer that takes batches the waiting events in one call, in order, and one at a time while it fails', async () => {
    const bulk = batchingConsumer(consumerName('bulk'));
    bulk.failUntilRecovered();
    const testApp = await startApp({ outboxConsumers: [bulk] });

    const one = await createProgram(testApp.app, { open: false });
    const two = await createProgram(testApp.app, { open: false });
    await renameProgram(testApp.app, one, 'One, renamed in bulk');
    await renameProgram(testApp.app, two, 'Two, renamed in bulk');
    const eventIds = await eventIdsOf(testApp, [one.id, two.id]);
    expect(eventIds).toHaveLength(4);
    const [first, ...rest] = eventIds;
    // After its first failure, the consumer is offered only the event it failed on.
    await waitUntil(
      async () => bulk.batches.length,
      (n) => n >= 3,
      'a few failed attempts',
    );
    expect(bulk.batches.slice(1).every((batch) => batch.outcome === 'failed' && batch.eventIds.join() === first)).toBe(true);

    bulk.recover();
    await waitUntil(
      () => unpublishedOf(testApp, eventIds),
      (n) => n === 0,
      'every event published',
    );
    // That event alone first; once it is through, the three waiting behind it in one call.
    expect(bulk.batches.filter((batch) => batch.outcome === 'delivered').map((batch) => batch.eventIds)).toEqual([[first], rest]);
    const recorded = await deliveriesOf(testApp, bulk.name, eventIds);
    expect(recorded.map((row) => row.event_id)).toEqual(eventIds);
    expect(recorded.slice(1).map((row) => row.attempts)).toEqual([1, 1, 1]);
    expect(recorded[0]?.attempts).toBe(bulk.batches.filter((batch) => batch.eventIds.includes(first ?? '')).length);
    expect(await consumerState(testApp, bulk.name)).toMatchObject({ failed_attempts: 0, retry_at: null, failing_event_id: null });
  });

  it('does not hand an event again to a consumer that has it, after a restart', async () => {
    const steadyName = consumerName('steady');
    const stuckName = consumerName('stuck');
    const steady = recordingConsumer(steadyName);
    const stuck = recordingConsumer(stuckName);
    stuck.failUntilRecovered();
    const before = await startApp({ outboxConsumers: [steady, stuck] });
    const program = await createProgram(before.app, { open: false });
    const eventIds = await eventIdsOf(before, [program.id]);
    await waitUntil(
      async () => steady.receivedIds([program.id]),
      (ids) => ids.length === 1,
      'the steady consumer to have the event',
    );
    await waitUntil(
      () => consumerState(before, stuckName),
      (s) => (s?.failed_attempts ?? 0) > 0,
      'the stuck consumer to fail',
    );
    expect(await unpublishedOf(before, eventIds)).toBe(1);
    await stopApp(before);

    // A new instance, with the same consumers (new objects, nothing carried over in memory).
    const steadyAgain = recordingConsumer(steadyName);
    const stuckAgain = recordingConsumer(stuckName);
    const after = await startApp({ outboxConsumers: [steadyAgain, stuckAgain] });
    await waitUntil(
      () => unpublishedOf(after, eventIds),
      (n) => n === 0,
      'the event published after the restart',
    );
    expect(stuckAgain.receivedIds([program.id])).toEqual(eventIds);
    expect(steadyAgain.calls.filter((call) => call.aggregateId === program.id)).toEqual([]);
    expect(await deliveriesOf(after, steadyName, eventIds)).toEqual([{ event_id: eventIds[0], attempts: 1 }]);
  });

  it('never hands one event to a consumer from two instances at once', async () => {
    const name = consumerName('shared');
    const calls: DeliveryCall[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    // The same consumer in two instances; a short pause inside makes overlapping calls likely if they could happen.
    const sharedConsumer = (): OutboxConsumer => {
      const recorder = recordingConsumer(name, { calls });
      return {
        name,
        async deliver(event, context) {
          inFlight += 1;
          mostInFlight = Math.max(mostInFlight, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight -= 1;
          await recorder.deliver(event, context);
        },
      };
    };
    const first = await startApp({ outboxConsumers: [sharedConsumer()] });
    const second = await startApp({ outboxConsumers: [sharedConsumer()] });

    const programs: ProgramFixture[] = [];
    for (let i = 0; i < 4; i += 1) {
      const program = await createProgram((i % 2 === 0 ? first : second).app, { open: false });
      programs.push(await renameProgram((i % 2 === 0 ? second : first).app, program, `Program ${i}, renamed`));
    }
    const aggregateIds = programs.map((program) => program.id);
    const eventIds = await eventIdsOf(first, aggregateIds);
    expect(eventIds).toHaveLength(8);
    await waitUntil(
      () => unpublishedOf(first, eventIds),
      (n) => n === 0,
      'every event published',
    );

    const received = calls.filter((call) => aggregateIds.includes(call.aggregateId)).map((call) => call.eventId);
    expect(received).toEqual(eventIds);
    expect(mostInFlight).toBe(1);
  });

  it('shows the backlog on /readyz and /metrics while a consumer is missing events, and 0 once it has them', async () => {
    const gate = recordingConsumer(consumerName('gate'));
    gate.failUntilRecovered();
    const testApp = await startApp({ outboxConsumers: [gate] });
    await createProgram(testApp.app, { open: false });
    await createProgram(testApp.app, { open: false });

    const waiting = await waitUntil(
      () => readiness(testApp),
      (r) => r.body.outbox?.unpublished === 2,
      'a backlog of two',
    );
    // A backlog is reported, not a reason to refuse traffic.
    expect(waiting.status).toBe(200);
    expect(waiting.body.status).toBe('ready');
    expect(waiting.body.outbox?.oldestAgeSeconds).toBeGreaterThan(0);
    const busy = await request(testApp.app).get('/metrics');
    expect(gaugeValue(busy.text, 'outbox_unpublished_events')).toBe(2);
    expect(gaugeValue(busy.text, 'outbox_oldest_unpublished_age_seconds')).toBeGreaterThan(0);

    gate.recover();
    const drained = await waitUntil(
      () => readiness(testApp),
      (r) => r.body.outbox?.unpublished === 0,
      'an empty backlog',
    );
    expect(drained.body.outbox).toEqual({ unpublished: 0, oldestAgeSeconds: 0 });
    const idle = await request(testApp.app).get('/metrics');
    expect(gaugeValue(idle.text, 'outbox_unpublished_events')).toBe(0);
    expect(gaugeValue(idle.text, 'outbox_oldest_unpublished_age_seconds')).toBe(0);
  });
});
