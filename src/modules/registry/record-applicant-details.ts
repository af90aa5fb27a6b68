import { randomUUID } from 'node:crypto';
import type { Transaction } from '../../platform/db/sql.js';
import type { DomainEvent } from '../../platform/db/command.js';
import { selectOne } from '../../platform/db/sql.js';
import { ConflictError } from '../../platform/http/errors.js';
import { applyChanges } from './apply-changes.js';
import type { Actor, RegistryDeps } from './deps.js';
import { familyRowsOf } from './family-members.js';
import { columnsOf, type FamilyMemberInput, type FamilyMemberRow, type IdType, type PersonDetails, type RegistrantRow } from './models.js';
import { changed, enrolled } from './registrant-events.js';
import { insertRegistrant } from './registrant-rows.js';

export interface RecordApplicantDetailsOptions {
  idType: IdType;
  idValue: string;
  details: PersonDetails;
  familyMembers: FamilyMemberInput[];
}

export interface RecordApplicantDetailsResult {
  registrantId: string;
  /** `registrant.enrolled` or `registrant.changed`; undefined when nothing changed. */
  event: DomainEvent | undefined;
}

// The registrant and their family in one round trip, locked until the application is stored.
const SELECT_LOCKED_WITH_FAMILY = `SELECT r.*, CAST(r.birth_date AS text) AS birth_date,
    COALESCE((SELECT json_agg(json_build_object('id', f.id, 'registrant_id', f.registrant_id, 'position', f.position,
        'relation', f.relation,
        'given_name', f.given_name, 'family_name', f.family_name, 'gender', f.gender, 'birth_date', CAST(f.birth_date AS text),
        'occupation', f.occupation) ORDER BY f.position) FROM family_members f WHERE f.registrant_id = r.id), '[]') AS family
  FROM registrants r WHERE r.id_type = :idType AND r.id_value = :idValue FOR UPDATE OF r`;

/**
 * An applicant's details as submitted: the registrant is created the first time and reused after,
 * with every changed field recorded. Runs in the caller's command: returns the registrant id and the
 * event the caller must record (none when nothing changed).
 */
export async function recordApplicantDetails(
  deps: RegistryDeps,
  actor: Actor,
  options: RecordApplicantDetailsOptions,
  transaction: Transaction,
): Promise<RecordApplicantDetailsResult> {
  const family = familyRowsOf(options.familyMembers);
  const key = { idType: options.idType, idValue: options.idValue };
  type LockedRow = RegistrantRow & { family: FamilyMemberRow[] };
  let current = await selectOne<LockedRow>(deps.sequelize, SELECT_LOCKED_WITH_FAMILY, key, transaction);
  if (!current) {
    const id = randomUUID();
    if (await insertRegistrant(deps, actor, id, options.idType, options.idValue, options.details, family, transaction)) {
      return { registrantId: id, event: enrolled(id) };
    }
    // Someone enrolled the same person a moment ago: update theirs instead.
    current = await selectOne<LockedRow>(deps.sequelize, SELECT_LOCKED_WITH_FAMILY, key, transaction);
    if (!current) throw new ConflictError('The registrant could not be created; try again.');
  }
  const { family: currentFamily, ...row } = current;
  const changes = await applyChanges(deps, actor, row, columnsOf(options.details), family, transaction, currentFamily);
  return { registrantId: current.id, event: Object.keys(changes).length > 0 ? changed(current.id, changes) : undefined };
}
