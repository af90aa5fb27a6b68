import { selectRows } from '../../platform/db/sql.js';
import type { ProgramStore } from './program-store.js';

/**
 * The time zone of each program, open or closed, for showing the dates of its applications and drafts.
 * Not a secret of a closed program: the caller already holds the ids from its own applications.
 * A program not found maps to nothing; the caller shows UTC, named as such.
 */
export async function programTimeZones(store: ProgramStore, programIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(programIds)];
  if (ids.length === 0) return new Map();
  const rows = await selectRows<{ id: string; time_zone: string }>(
    store.sequelize,
    'SELECT id, time_zone FROM programs WHERE id = ANY(:ids)',
    { ids },
  );
  return new Map(rows.map((row) => [row.id, row.time_zone]));
}
