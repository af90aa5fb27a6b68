import { ConflictError, InputError, NotFoundError } from '../../platform/http/errors.js';
import { selectOne } from '../../platform/db/sql.js';
import { applyChanges } from './apply-changes.js';
import { checkBirthDates } from './birth-dates.js';
import type { Actor, RegistryDeps } from './deps.js';
import { familyRowsOf } from './family-members.js';
import { columnsOf, type Registrant, type RegistrantPatch, type RegistrantRow } from './models.js';
import { changed } from './registrant-events.js';
import { readRegistrant, SELECT_REGISTRANT } from './registrant-rows.js';

/** Changes the fields the patch names, against the version it was read at; an edit that changes nothing records nothing. */
export async function updateRegistrant(deps: RegistryDeps, actor: Actor, id: string, patch: RegistrantPatch): Promise<Registrant> {
  const problems = checkBirthDates(patch, patch.familyMembers, deps.now(), { person: '/body', family: '/body/familyMembers' });
  if (problems.length > 0) throw new InputError(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
  return deps.commands.run(actor, async (transaction) => {
    const current = await selectOne<RegistrantRow>(deps.sequelize, `${SELECT_REGISTRANT} WHERE id = :id FOR UPDATE`, { id }, transaction);
    if (!current) throw new NotFoundError('No registrant with that id.');
    if (current.version !== patch.version)
      throw new ConflictError(
        'The registrant was changed by someone else since you read it; reload and try again.',
        'ERR_VERSION_CONFLICT',
      );
    const changes = await applyChanges(
      deps,
      actor,
      current,
      columnsOf(patch),
      patch.familyMembers ? familyRowsOf(patch.familyMembers) : undefined,
      transaction,
    );
    const registrant = await readRegistrant(deps, id, transaction);
    if (!registrant) throw new NotFoundError('No registrant with that id.');
    return { result: registrant, events: Object.keys(changes).length > 0 ? [changed(id, changes)] : [] };
  });
}
