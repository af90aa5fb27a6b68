/**
 * `npm run reindex`: rebuilds every analytics index from PostgreSQL. The indexes are dropped and made again
 * from their templates, then filled in batches of applications (with their decisions, vouchers and
 * redemptions), claims and the outbox events PostgreSQL still holds.
 */
import type { Sequelize } from 'sequelize';
import { selectRows } from '../../platform/db/sql.js';
import { applicationDocuments, claimDocuments, eventDocument, type AnalyticsDocument } from './analytics-documents.js';
import type { AnalyticsStore } from './analytics-store.js';
import { ANALYTICS_INDEXES, indexName } from './index-mappings.js';

export interface ReindexAnalyticsOptions {
  sequelize: Sequelize;
  store: AnalyticsStore;
  /** Applications (or claims, or events) per bulk write. Default 500. */
  batchSize?: number;
}

export interface ReindexAnalyticsResult {
  applications: number;
  claims: number;
  events: number;
  documents: number;
}

export async function reindexAnalytics({ sequelize, store, batchSize = 500 }: ReindexAnalyticsOptions): Promise<ReindexAnalyticsResult> {
  const names = ANALYTICS_INDEXES.map((index) => indexName(store.indexPrefix, index));
  await store.client.indices.delete({ index: names.join(','), ignore_unavailable: true });
  await store.installTemplates();
  // Made at once (from the templates), so an index with nothing to hold yet exists for the dashboards.
  for (const name of names) await store.client.indices.create({ index: name });
  const result: ReindexAnalyticsResult = { applications: 0, claims: 0, events: 0, documents: 0 };

  const write = async (documents: AnalyticsDocument[]) => {
    await store.writeDocuments(documents);
    result.documents += documents.length;
  };
  for await (const ids of keysInBatches(sequelize, "SELECT id FROM applications WHERE status <> 'DRAFT' AND id > :after", batchSize)) {
    await write(await applicationDocuments(sequelize, ids));
    result.applications += ids.length;
  }
  for await (const ids of keysInBatches(sequelize, 'SELECT id FROM claims WHERE id > :after', batchSize)) {
    await write(await claimDocuments(sequelize, ids));
    result.claims += ids.length;
  }
  let after = '0';
  for (;;) {
    const events = await selectRows<{ id: string; event_type: string; aggregate_type: string; occurred_at: Date }>(
      sequelize,
      'SELECT id, event_type, aggregate_type, occurred_at FROM outbox_events WHERE id > :after ORDER BY id LIMIT :limit',
      { after, limit: batchSize },
    );
    if (events.length === 0) break;
    await write(
      events.map((row) =>
        eventDocument({
          id: String(row.id),
          type: row.event_type,
          aggregateType: row.aggregate_type,
          aggregateId: '',
          occurredAt: row.occurred_at,
          payload: {},
        }),
      ),
    );
    result.events += events.length;
    after = String(events.at(-1)?.id);
  }
  await store.client.indices.refresh({ index: names.join(',') });
  return result;
}

/** Uuid keys in ascending batches; `sql` selects `id` with `id > :after`. */
async function* keysInBatches(sequelize: Sequelize, sql: string, size: number): AsyncGenerator<string[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await selectRows<{ id: string }>(sequelize, `${sql} ORDER BY id LIMIT :limit`, { after, limit: size });
    if (rows.length === 0) return;
    yield rows.map((row) => row.id);
    after = rows.at(-1)?.id ?? after;
  }
}
