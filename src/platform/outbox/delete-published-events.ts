/**
 * Deletes outbox events published (every consumer received them) before `before`, a batch per statement,
 * with their delivery rows (they cascade); returns how many. The audit trail keeps the record of each
 * change; the outbox is only the hand-over to consumers. Run by the retention job (RETENTION_OUTBOX_EVENT_DAYS).
 */
import type { Sequelize } from 'sequelize';
import { deleteInBatches } from '../db/delete-in-batches.js';

export async function deletePublishedEvents(sequelize: Sequelize, before: Date, batchSize: number): Promise<number> {
  return deleteInBatches(
    sequelize,
    `DELETE FROM outbox_events WHERE id IN (
       SELECT id FROM outbox_events WHERE published_at < :before ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
     RETURNING 1`,
    { before },
    batchSize,
  );
}
