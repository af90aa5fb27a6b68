import { randomUUID } from 'node:crypto';
import { ConflictError, InputError, NotFoundError } from '../../platform/http/errors.js';
import { checkBirthDates } from './birth-dates.js';
import type { Actor, RegistryDeps } from './deps.js';
import { familyRowsOf } from './family-members.js';
import { columnsOf, fieldsNamed, type Registrant, type RegistrantInput } from './models.js';
import { requireValidPaymentAccount } from './payment-accounts.js';
import { enrolled } from './registrant-events.js';
import { insertRegistrant, readRegistrant } from './registrant-rows.js';

/** Enrols a person and their family; an ID already in the registry is a conflict, never a second registrant. */
export async function createRegistrant(deps: RegistryDeps, actor: Actor, input: RegistrantInput): Promise<Registrant> {
  const problems = checkBirthDates(input, input.familyMembers, deps.now(), { person: '/body', family: '/body/familyMembers' });
  if (problems.length > 0) throw new InputError(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
  requireValidPaymentAccount(input.paymentAccount, '/body/paymentAccount');
  const id = randomUUID();
  // An officer enrols: every field they filled in is theirs, so an application proposes rather than overwrites.
  const verified = fieldsNamed(columnsOf(input), input.familyMembers !== undefined);
  return deps.commands.run(actor, async (transaction) => {
    const created = await insertRegistrant(
      deps,
      actor,
      id,
      input.idType,
      input.idValue,
      input,
      familyRowsOf(input.familyMembers ?? []),
      verified,
      transaction,
    );
    if (!created)
      throw new ConflictError(`A registrant with ${input.idType} ${input.idValue} is already in the registry.`, 'ERR_REGISTRANT_DUPLICATE');
    const registrant = await readRegistrant(deps, id, transaction);
    if (!registrant) throw new NotFoundError('The registrant vanished while it was being created.');
    return { result: registrant, events: [enrolled(id)] };
  });
}
