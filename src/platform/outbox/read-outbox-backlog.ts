import type { Sequelize } from 'sequelize';
import { selectOne } from '../db/sql.js';

export interface OutboxBacklog {
  /** Events not yet published (some registered consumer does not have them yet). */
  unpublished: number;
  /** Age of the oldest of them, in seconds; 0 when there is none. */
  oldestAgeSeconds: number;
}

/** The backlog as the whole cluster sees it (every instance reports the same figures). */
export async function readOutboxBacklog(sequelize: Sequelize): Promise<OutboxBacklog> {
  const row = await selectOne<{ unpublished: string; oldest_age_seconds: number }>(
    sequelize,
    `SELECT count(*) AS unpublished,
            COALESCE(EXTRACT(EPOCH FROM now() - (
              SELECT occurred_at FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT 1
            )), 0)::float8 AS oldest_age_seconds
       FROM outbox_events WHERE published_at IS NULL`,
  );
  return { unpublished: Number(row?.unpublished ?? 0), oldestAgeSeconds: Math.max(0, Number(row?.oldest_age_seconds ?? 0)) };
}

/** Cheap enough to ask every poll interval on every instance (a partial index holds only unpublished ids). */
export async function hasUnpublishedEvents(sequelize: Sequelize): Promise<boolean> {
  const row = await selectOne<{ pending: boolean }>(
    sequelize,
    'SELECT EXISTS (SELECT 1 FROM outbox_events WHERE published_at IS NULL) AS pending',
  );
  return row?.pending === true;
}
