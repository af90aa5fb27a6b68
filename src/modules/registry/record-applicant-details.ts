import { randomUUID } from 'node:crypto';
import type { Transaction } from '../../platform/db/sql.js';
import type { DomainEvent } from '../../platform/db/command.js';
import { selectOne } from '../../platform/db/sql.js';
import { ConflictError } from '../../platform/http/errors.js';
import { applyChanges } from './apply-changes.js';
import type { Actor, RegistryDeps } from './deps.js';
import { familyInputsOf, familyRowsOf, isSameFamily, type FamilyRows } from './family-members.js';
import {
  columnsOf,
  type FamilyMemberInput,
  type FamilyMemberRow,
  type IdType,
  type PersonDetails,
  type ProposedChange,
  type RegistrantRow,
  type RegistryColumn,
  type RegistryField,
} from './models.js';
import { changeEvent, enrolled } from './registrant-events.js';
import { insertRegistrant } from './registrant-rows.js';

export interface RecordApplicantDetailsOptions {
  idType: IdType;
  idValue: string;
  details: PersonDetails;
  familyMembers: FamilyMemberInput[];
  /** Fields a verified ID vouched for: they join the registrant's verified fields. */
  verify?: RegistryField[];
}

export interface RecordApplicantDetailsResult {
  registrantId: string;
  /** `registrant.enrolled` or `registrant.changed`; undefined when nothing changed. */
  event: DomainEvent | undefined;
  /** Values sent for officer-verified fields that differ from the registry's: not written, for an officer to decide. */
  proposals: ProposedChange[];
}

// The registrant and their family in one round trip, locked until the application is stored; a merged
// registrant's ID leads to the registrant it was merged into.
const SELECT_LOCKED_WITH_FAMILY = `SELECT r.*, CAST(r.birth_date AS text) AS birth_date,
    COALESCE((SELECT json_agg(json_build_object('id', f.id, 'registrant_id', f.registrant_id, 'position', f.position,
        'relation', f.relation,
        'given_name', f.given_name, 'family_name', f.family_name, 'gender', f.gender, 'birth_date', CAST(f.birth_date AS text),
        'occupation', f.occupation) ORDER BY f.position) FROM family_members f WHERE f.registrant_id = r.id), '[]') AS family
  FROM registrants r
  WHERE r.id = (SELECT COALESCE(x.merged_into, x.id) FROM registrants x WHERE x.id_type = :idType AND x.id_value = :idValue)
  FOR UPDATE OF r`;

/**
 * An applicant's details as submitted: the registrant is created the first time and reused after. The
 * applicant's own fields follow what they sent, each change recorded; a field an officer verified keeps
 * the officer's value, and a different value sent for it comes back as a proposal. Runs in the caller's
 * command: returns the registrant id, the event the caller must record (none when nothing changed) and the
 * proposals the caller keeps with the application.
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
    if (
      await insertRegistrant(deps, actor, id, options.idType, options.idValue, options.details, family, options.verify ?? [], transaction)
    ) {
      return { registrantId: id, event: enrolled(id), proposals: [] };
    }
    // Someone enrolled the same person a moment ago: update theirs instead.
    current = await selectOne<LockedRow>(deps.sequelize, SELECT_LOCKED_WITH_FAMILY, key, transaction);
    if (!current) throw new ConflictError('The registrant could not be created; try again.');
  }
  const { family: currentFamily, ...row } = current;
  // The ID vouches for what it holds: those values are written (not proposed), and stay verified.
  const vouched = new Set<string>(options.verify ?? []);
  const unvouched = { ...row, verified_fields: row.verified_fields.filter((field) => !vouched.has(field)) };
  const { columns, family: ownFamily, proposals } = separateProposals(unvouched, currentFamily, columnsOf(options.details), family);
  const applied = await applyChanges(deps, actor, row, columns, ownFamily, transaction, { currentFamily, verify: options.verify ?? [] });
  return { registrantId: current.id, event: changeEvent(current.id, applied, 'applicant'), proposals };
}

/** Splits what was sent into the applicant's own fields, written as today, and proposals for verified fields that differ. */
function separateProposals(
  row: RegistrantRow,
  currentFamily: FamilyMemberRow[],
  sent: Record<string, string | null>,
  family: FamilyRows,
): { columns: Record<string, string | null>; family: FamilyRows | undefined; proposals: ProposedChange[] } {
  if (row.verified_fields.length === 0) return { columns: sent, family, proposals: [] };
  const verified = new Set<string>(row.verified_fields);
  const columns: Record<string, string | null> = {};
  const proposals: ProposedChange[] = [];
  for (const [column, value] of Object.entries(sent)) {
    const registryValue = (row as unknown as Record<string, string | null>)[column] ?? null;
    if (!verified.has(column)) columns[column] = value;
    // A verified value the applicant left out stays, and proposes nothing: an empty answer is not a wish to clear it.
    else if (value !== null && registryValue !== value)
      proposals.push({ field: column as RegistryColumn, proposedValue: value, registryValue });
  }
  if (!verified.has('family_members')) return { columns, family, proposals };
  if (!isSameFamily(currentFamily, family)) {
    proposals.push({ field: 'family_members', proposedValue: familyInputsOf(family), registryValue: familyInputsOf(currentFamily) });
  }
  return { columns, family: undefined, proposals };
}
