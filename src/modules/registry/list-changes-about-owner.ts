import { selectRows } from '../../platform/db/sql.js';
import type { RegistryDeps } from './deps.js';
import type { Change } from './models.js';

/** A change of a person's own record as they may see it: whether they or an officer made it, never who by name or subject. */
export interface OwnRecordChange {
  changedAt: string;
  changedBy: 'you' | 'an officer';
  changes: Record<string, Change>;
}

/**
 * Every recorded change of the registrant `ownerSubject` is linked to, oldest first, for that person's own copy
 * of their data (the export): who made it is said only as "you" or "an officer".
 */
export async function listChangesAboutOwner(deps: RegistryDeps, registrantId: string, ownerSubject: string): Promise<OwnRecordChange[]> {
  const rows = await selectRows<{ changed_at: Date; changed_by_subject: string; changes: Record<string, Change> }>(
    deps.sequelize,
    'SELECT changed_at, changed_by_subject, changes FROM registrant_changes WHERE registrant_id = :registrantId ORDER BY changed_at, id',
    { registrantId },
  );
  return rows.map((row) => ({
    changedAt: row.changed_at.toISOString(),
    changedBy: row.changed_by_subject === ownerSubject ? 'you' : 'an officer',
    changes: row.changes,
  }));
}
