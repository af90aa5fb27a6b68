/** Registrant rows as the operations read and insert them. */
import type { Transaction } from '../../platform/db/sql.js';
import { selectOne, selectRows } from '../../platform/db/sql.js';
import type { Actor, RegistryDeps } from './deps.js';
import { familyJson, insertFamilySql, loadFamily, type FamilyRows } from './family-members.js';
import {
  columnsOf,
  toRegistrant,
  type IdType,
  type PersonDetails,
  type Registrant,
  type RegistrantRow,
  type RegistryField,
} from './models.js';

export const REGISTRANT_COLUMNS = '*, CAST(birth_date AS text) AS birth_date';
export const SELECT_REGISTRANT = `SELECT ${REGISTRANT_COLUMNS} FROM registrants`;

export async function readRegistrant(deps: RegistryDeps, id: string, transaction?: Transaction): Promise<Registrant | undefined> {
  const row = await selectOne<RegistrantRow>(deps.sequelize, `${SELECT_REGISTRANT} WHERE id = :id`, { id }, transaction);
  if (!row) return undefined;
  return toRegistrant(row, (await loadFamily(deps, [id], transaction)).get(id) ?? [], deps.now());
}

/**
 * Inserts a registrant and their family in one statement; false (and nothing written) when the
 * ID is already registered. `verified` names the fields an officer set (none when an applicant enrols).
 */
export async function insertRegistrant(
  { sequelize }: RegistryDeps,
  actor: Actor,
  id: string,
  idType: IdType,
  idValue: string,
  details: PersonDetails,
  family: FamilyRows,
  verified: RegistryField[],
  transaction: Transaction,
): Promise<boolean> {
  const columns = columnsOf(details);
  const names = Object.keys(columns);
  const rows = await selectRows<{ id: string }>(
    sequelize,
    `WITH registrant AS (
       INSERT INTO registrants (id, id_type, id_value, created_by, updated_by, verified_fields, ${names.join(', ')})
       VALUES (:id, :idType, :idValue, :actor, :actor, CAST(:verified AS text[]), ${names.map((n) => `:${n}`).join(', ')})
       ON CONFLICT ON CONSTRAINT registrants_id_unique DO NOTHING
       RETURNING id
     ),
     family AS (${insertFamilySql('registrant.id', 'registrant')})
     SELECT id FROM registrant`,
    { id, idType, idValue, actor: actor.username, verified: [...verified].sort(), ...columns, family: familyJson(family) },
    transaction,
  );
  return rows.length === 1;
}
