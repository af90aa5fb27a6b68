import { selectRows } from '../../platform/db/sql.js';
import type { OfficerGroup } from './models.js';
import type { ProgramStore } from './program-store.js';

/** Every officer group, by name. */
export async function listOfficerGroups(store: ProgramStore): Promise<OfficerGroup[]> {
  const rows = await selectRows<{ code: string; name: string; members: string[] }>(
    store.sequelize,
    'SELECT code, name, members FROM officer_groups ORDER BY name',
  );
  return rows.map((row) => ({ code: row.code, name: row.name, members: row.members }));
}
