import { selectOne } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { Actor, RegistryDeps } from './deps.js';
import { findDuplicates, type DuplicateMatch } from './find-duplicates.js';

export interface RegistrantDuplicates {
  registrantId: string;
  computedAt: string;
  items: DuplicateMatch[];
}

/** The likely duplicates of one registrant and their family, for the registry's officers; the read is recorded. */
export async function listRegistrantDuplicates(deps: RegistryDeps, reader: Actor, id: string): Promise<RegistrantDuplicates> {
  if (!(await selectOne(deps.sequelize, 'SELECT 1 AS found FROM registrants WHERE id = :id', { id })))
    throw new NotFoundError('No registrant with that id.');
  const computedAt = deps.now();
  const items = await findDuplicates(deps, id);
  const others = [...new Set(items.map((m) => m.match.registrantId))];
  await deps.commands.recordAccess(reader, [
    { type: 'registrant.duplicates-read', aggregateType: 'registrant', aggregateId: id, payload: { registrantIds: others } },
  ]);
  return { registrantId: id, computedAt: computedAt.toISOString(), items };
}
