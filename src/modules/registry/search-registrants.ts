import { selectPage, type PageRequest } from '../../platform/db/sql.js';
import type { Actor, RegistryDeps } from './deps.js';
import { loadFamily } from './family-members.js';
import { toRegistrant, type IdType, type Registrant, type RegistrantRow } from './models.js';
import { readBy } from './registrant-events.js';
import { REGISTRANT_COLUMNS } from './registrant-rows.js';

export interface SearchRegistrantsOptions extends PageRequest {
  idType?: IdType;
  idValue?: string;
  name?: string;
  region?: string;
}

export interface SearchRegistrantsResult {
  items: Registrant[];
  page: number;
  pageSize: number;
  total: number;
}

/** Registrants matching every given criterion (merged ones left out); a name matches the start of the given or family name, in any case. */
export async function searchRegistrants(
  deps: RegistryDeps,
  reader: Actor,
  options: SearchRegistrantsOptions,
): Promise<SearchRegistrantsResult> {
  const name = options.name
    ? `${options.name
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    : null;
  const where = [
    '(CAST(:idType AS varchar) IS NULL OR id_type = :idType)',
    '(CAST(:idValue AS varchar) IS NULL OR id_value = :idValue)',
    '(CAST(:name AS varchar) IS NULL OR lower(family_name) LIKE :name OR lower(given_name) LIKE :name)',
    '(CAST(:region AS varchar) IS NULL OR lower(region) = lower(:region))',
    'merged_into IS NULL',
  ].join(' AND ');
  const { rows, total } = await selectPage<RegistrantRow>(deps.sequelize, {
    columns: REGISTRANT_COLUMNS,
    from: 'registrants',
    where,
    orderBy: 'family_name, given_name, id',
    replacements: { idType: options.idType ?? null, idValue: options.idValue ?? null, name, region: options.region ?? null },
    page: options,
  });
  const ids = rows.map((r) => r.id);
  const family = await loadFamily(deps, ids);
  const today = deps.now();
  await deps.commands.recordAccess(reader, [readBy(reader, 'registrant.searched', ids)]);
  return {
    items: rows.map((row) => toRegistrant(row, family.get(row.id) ?? [], today)),
    page: options.page,
    pageSize: options.pageSize,
    total,
  };
}
