import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestHandler } from 'express';
import type { OutboxBacklog } from '../outbox/read-outbox-backlog.js';

export interface Metrics {
  registry: Registry;
  observeRequests: RequestHandler;
}

export interface CreateMetricsOptions {
  /** Read at each scrape, so every instance reports the backlog of the whole cluster. */
  outboxBacklog?: () => Promise<OutboxBacklog>;
}

/** One registry per app (tests build several apps in one process). Labels use the route pattern, never ids. */
export function createMetrics(options: CreateMetricsOptions = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const observeRequests: RequestHandler = (req, res, next) => {
    const end = duration.startTimer();
    res.on('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  if (options.outboxBacklog) registerOutboxBacklog(registry, options.outboxBacklog);
  return { registry, observeRequests };
}

function registerOutboxBacklog(registry: Registry, read: () => Promise<OutboxBacklog>): void {
  // A scrape collects every metric side by side; both gauges share the one query it makes.
  let reading: Promise<OutboxBacklog | undefined> | undefined;
  const readOnce = () => {
    reading ??= read()
      .catch(() => undefined)
      .finally(() => {
        reading = undefined;
      });
    return reading;
  };
  new Gauge({
    name: 'outbox_unpublished_events',
    help: 'Outbox events not yet published to every consumer (NaN when the database does not answer)',
    registers: [registry],
    async collect() {
      this.set((await readOnce())?.unpublished ?? Number.NaN);
    },
  });
  new Gauge({
    name: 'outbox_oldest_unpublished_age_seconds',
    help: 'Age of the oldest outbox event not yet published to every consumer (0 when none; NaN when the database does not answer)',
    registers: [registry],
    async collect() {
      this.set((await readOnce())?.oldestAgeSeconds ?? Number.NaN);
    },
  });
}
