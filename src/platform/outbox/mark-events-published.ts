import type { Sequelize } from 'sequelize';
import { execute } from '../db/sql.js';

/**
 * Marks published every unpublished event that each of the given consumers has (all of them, when there
 * is no consumer). Rows another relay is marking at the same moment are skipped, not waited for.
 */
export async function markEventsPublished(sequelize: Sequelize, consumerNames: readonly string[]): Promise<number> {
  return execute(
    sequelize,
    `UPDATE outbox_events SET published_at = now()
      WHERE id IN (
        SELECT e.id FROM outbox_events e
         WHERE e.published_at IS NULL
           AND NOT EXISTS (
             SELECT 1 FROM jsonb_array_elements_text(CAST(:consumers AS jsonb)) AS c (name)
              WHERE NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.consumer = c.name AND d.event_id = e.id)
           )
         ORDER BY e.id
         FOR NO KEY UPDATE SKIP LOCKED
      )`,
    { consumers: JSON.stringify(consumerNames) },
  );
}
