import type { DomainEvent } from '../../platform/db/command.js';
import type { Transaction } from '../../platform/db/sql.js';
import { selectOne } from '../../platform/db/sql.js';
import { ConflictError, NotFoundError } from '../../platform/http/errors.js';
import { applyChanges } from './apply-changes.js';
import type { Actor, RegistryDeps } from './deps.js';
import { familyRowsOf, isSameFamily, loadFamily } from './family-members.js';
import type { FamilyMemberInput, ProposedChange, RegistrantRow, RegistryValue } from './models.js';
import { changeEvent } from './registrant-events.js';
import { SELECT_REGISTRANT } from './registrant-rows.js';

export interface AcceptProposedChangeOptions {
  registrantId: string;
  proposal: ProposedChange;
}

function isFamily(value: RegistryValue): value is FamilyMemberInput[] {
  return Array.isArray(value);
}

/**
 * An officer accepts a value an applicant proposed: the registry takes it, verified by that officer. The
 * registrant is locked, and the registry must still hold the value the proposal was made against, so two
 * decisions about one field cannot both win. Runs in the caller's command; returns the event to record
 * (none when the registry already held the value and the field was verified).
 */
export async function acceptProposedChange(
  deps: RegistryDeps,
  actor: Actor,
  { registrantId, proposal }: AcceptProposedChangeOptions,
  transaction: Transaction,
): Promise<DomainEvent | undefined> {
  const current = await selectOne<RegistrantRow>(
    deps.sequelize,
    `${SELECT_REGISTRANT} WHERE id = :id FOR UPDATE`,
    { id: registrantId },
    transaction,
  );
  if (!current) throw new NotFoundError('No registrant with that id.');
  const { field, proposedValue, registryValue } = proposal;
  const changedMeanwhile = () =>
    new ConflictError(
      `The registry's ${field} was changed after this application was submitted; keep the registry's value, or correct the registry.`,
      'ERR_REGISTRY_CHANGED',
    );
  if (field === 'family_members') {
    if (!isFamily(proposedValue) || !isFamily(registryValue)) throw new TypeError('a family proposal holds two lists');
    const currentFamily = (await loadFamily(deps, [registrantId], transaction)).get(registrantId) ?? [];
    const proposed = familyRowsOf(proposedValue);
    if (!isSameFamily(currentFamily, familyRowsOf(registryValue)) && !isSameFamily(currentFamily, proposed)) throw changedMeanwhile();
    const applied = await applyChanges(deps, actor, current, {}, proposed, transaction, { currentFamily, verify: [field] });
    return changeEvent(registrantId, applied, 'officer');
  }
  if (isFamily(proposedValue) || isFamily(registryValue)) throw new TypeError(`a proposal for ${field} holds text`);
  const now = (current as unknown as Record<string, string | null>)[field] ?? null;
  if (now !== registryValue && now !== proposedValue) throw changedMeanwhile();
  const applied = await applyChanges(deps, actor, current, { [field]: proposedValue }, undefined, transaction, { verify: [field] });
  return changeEvent(registrantId, applied, 'officer');
}
