import { NotFoundError } from '../../platform/http/errors.js';
import type { Actor, RegistryDeps } from './deps.js';
import type { Registrant } from './models.js';
import { readRegistrant } from './registrant-rows.js';

/** One registrant with their family; the read is recorded for auditors. */
export async function getRegistrant(deps: RegistryDeps, reader: Actor, id: string): Promise<Registrant> {
  const registrant = await readRegistrant(deps, id);
  if (!registrant) throw new NotFoundError('No registrant with that id.');
  await deps.commands.recordAccess(reader, [{ type: 'registrant.read', aggregateType: 'registrant', aggregateId: id }]);
  return registrant;
}
