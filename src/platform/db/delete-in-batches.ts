import type { Sequelize } from 'sequelize';
import { selectOne } from './sql.js';

/**
 * Runs a batched delete until a batch comes back short; returns how many rows went. `deleteStatement` is a
 * `DELETE … RETURNING 1` whose rows are chosen with `LIMIT :limit` (and `FOR UPDATE SKIP LOCKED`).
 */
export async function deleteInBatches(
  sequelize: Sequelize,
  deleteStatement: string,
  replacements: Record<string, unknown>,
  batchSize: number,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const row = await selectOne<{ count: number }>(sequelize, `WITH gone AS (${deleteStatement}) SELECT count(*)::int AS count FROM gone`, {
      ...replacements,
      limit: batchSize,
    });
    const count = row?.count ?? 0;
    deleted += count;
    if (count < batchSize) return deleted;
  }
}
