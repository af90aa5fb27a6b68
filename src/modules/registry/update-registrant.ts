import { ConflictError, InputError, NotFoundError } from '../../platform/http/errors.js';
import { selectOne } from '../../platform/db/sql.js';
import { applyChanges } from './apply-changes.js';
import { checkBirthDates } from './birth-dates.js';
import type { Actor, RegistryDeps } from './deps.js';
import { familyRowsOf } from './family-members.js';
import { columnsOf, fieldsNamed, type Registrant, type RegistrantPatch, type RegistrantRow } from './models.js';
import { requireValidPaymentAccount } from './payment-accounts.js';
import { changeEvent } from './registrant-events.js';
import { readRegistrant, SELECT_REGISTRANT } from './registrant-rows.js';

/**
 * An officer's correction: changes the fields the patch names, against the version it was read at, and
 * marks them verified (applications then propose instead of overwrite). An edit that neither changes nor
 * newly verifies anything records nothing.
 */
export async function updateRegistrant(deps: RegistryDeps, actor: Actor, id: string, patch: RegistrantPatch): Promise<Registrant> {
  const problems = checkBirthDates(patch, patch.familyMembers, deps.now(), { person: '/body', family: '/body/familyMembers' });
  if (problems.length > 0) throw new InputError(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
  requireValidPaymentAccount(patch.paymentAccount, '/body/paymentAccount');
  return deps.commands.run(actor, async (transaction) => {
    const current = await selectOne<RegistrantRow>(deps.sequelize, `${SELECT_REGISTRANT} WHERE id = :id FOR UPDATE`, { id }, transaction);
    if (!current) throw new NotFoundError('No registrant with that id.');
    if (current.version !== patch.version)
      throw new ConflictError(
        'The registrant was changed by someone else since you read it; reload and try again.',
        'ERR_VERSION_CONFLICT',
      );
    const columns = columnsOf(patch);
    // What an officer names in a correction is theirs from now on, changed or confirmed as it was.
    const verify = fieldsNamed(columns, patch.familyMembers !== undefined);
    const applied = await applyChanges(
      deps,
      actor,
      current,
      columns,
      patch.familyMembers ? familyRowsOf(patch.familyMembers) : undefined,
      transaction,
      { verify },
    );
    const registrant = await readRegistrant(deps, id, transaction);
    if (!registrant) throw new NotFoundError('No registrant with that id.');
    const event = changeEvent(id, applied, 'officer');
    return { result: registrant, events: event ? [event] : [] };
  });
}
