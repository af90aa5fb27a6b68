import { selectOne } from '../../platform/db/sql.js';
import type { RegistryDeps } from './deps.js';
import type { IdType, Registrant } from './models.js';
import { readRegistrant } from './registrant-rows.js';

/** The registrant holding this ID (or the one it was merged into), if any: how an applicant finds their own record (`/me/registrant`). */
export async function findRegistrantByIdentity(deps: RegistryDeps, idType: IdType, idValue: string): Promise<Registrant | undefined> {
  // A registrant merged into another leads to the one that stays (merges keep one hop: merge-registrants.ts).
  const row = await selectOne<{ id: string }>(
    deps.sequelize,
    'SELECT COALESCE(merged_into, id) AS id FROM registrants WHERE id_type = :idType AND id_value = :idValue',
    {
      idType,
      idValue,
    },
  );
  return row ? readRegistrant(deps, row.id) : undefined;
}
