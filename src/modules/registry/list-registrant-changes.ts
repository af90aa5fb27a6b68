import { selectOne, selectRows } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { Actor, RegistryDeps } from './deps.js';
import type { Change, RegistrantChange } from './models.js';

interface RegistrantChangeRow {
  changed_at: Date;
  changed_by_username: string | null;
  changed_by_subject: string;
  changes: Record<string, unknown>;
}

/**
 * Each field's change as a before and after: an erased history (erase-registrants.ts) holds the placeholder
 * in place of the pair, which stands for both.
 */
function asChanges(changes: Record<string, unknown>): Record<string, Change> {
  const pairs: Record<string, Change> = {};
  for (const [field, change] of Object.entries(changes)) {
    pairs[field] =
      change !== null && typeof change === 'object' && !Array.isArray(change) ? (change as Change) : { from: change, to: change };
  }
  return pairs;
}

/** Every recorded change of a registrant, oldest first; the read is recorded for auditors. */
export async function listRegistrantChanges(deps: RegistryDeps, reader: Actor, id: string): Promise<RegistrantChange[]> {
  const { sequelize } = deps;
  if (!(await selectOne(sequelize, 'SELECT 1 AS found FROM registrants WHERE id = :id', { id })))
    throw new NotFoundError('No registrant with that id.');
  const rows = await selectRows<RegistrantChangeRow>(
    sequelize,
    `SELECT changed_at, changed_by_username, changed_by_subject, changes FROM registrant_changes
     WHERE registrant_id = :id ORDER BY changed_at, id`,
    { id },
  );
  await deps.commands.recordAccess(reader, [{ type: 'registrant.changes-read', aggregateType: 'registrant', aggregateId: id }]);
  return rows.map((row) => ({
    changedAt: row.changed_at.toISOString(),
    changedBy: row.changed_by_username ?? row.changed_by_subject,
    changes: asChanges(row.changes),
  }));
}
