import type { Transaction } from '../../platform/db/sql.js';
import type { OfficerInput } from './models.js';
import { checkOfficers, rememberOfficers, type CheckedOfficers, type StoredOfficer } from './officers.js';
import { assertGroupsExist } from './program-rules.js';
import type { ProgramStore } from './program-store.js';

/** An officer checked against the directory, ready to be designated inside a command. */
export type CheckedOfficer = CheckedOfficers;

/**
 * The first half of designating an officer outside the stage editor (a reassignment): the user is looked
 * up in the directory before any row is locked, and refused (400) as the stage editor refuses them.
 */
export function checkOfficer(store: ProgramStore, officer: OfficerInput, path: string): Promise<CheckedOfficer> {
  return checkOfficers(store, [{ officer, path }]);
}

/** The second half, inside the caller's command: the group must exist, and the person's name is kept. */
export async function designateOfficer(store: ProgramStore, checked: CheckedOfficer, transaction: Transaction): Promise<StoredOfficer> {
  await assertGroupsExist(store, checked.officers, transaction);
  await rememberOfficers(store, checked.people, transaction);
  const [officer] = checked.officers;
  if (!officer) throw new TypeError('checkOfficer gives one officer');
  return officer;
}
