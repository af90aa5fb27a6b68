import { Router } from 'express';
import type { OutboxBacklog } from '../outbox/read-outbox-backlog.js';
import type { Metrics } from './metrics.js';

export interface ReadinessProbe {
  databaseUp(): Promise<boolean>;
  pendingMigrations(): Promise<string[]>;
  outboxBacklog(): Promise<OutboxBacklog>;
}

export function createOperationsRoutes(probe: ReadinessProbe, metrics: Metrics): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const database = (await probe.databaseUp()) ? 'up' : 'down';
    let migrations: 'done' | 'pending' | 'unknown' = 'unknown';
    let outbox: OutboxBacklog | undefined;
    if (database === 'up') {
      try {
        migrations = (await probe.pendingMigrations()).length === 0 ? 'done' : 'pending';
      } catch {
        migrations = 'unknown';
      }
      try {
        outbox = await probe.outboxBacklog();
      } catch {
        outbox = undefined;
      }
    }
    // A backlog is reported, never a reason to refuse traffic: serving requests does not depend on it.
    const ready = database === 'up' && migrations === 'done';
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not-ready', checks: { database, migrations }, ...(outbox ? { outbox } : {}) });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
