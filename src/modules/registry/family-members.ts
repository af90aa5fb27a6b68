/**
 * A registrant's family members: read for many registrants at once, written as one INSERT … SELECT
 * from a JSON list, and compared by content (they have no identity of their own in the input).
 */
import type { Transaction } from '../../platform/db/sql.js';
import { execute, selectRows } from '../../platform/db/sql.js';
import type { RegistryDeps } from './deps.js';
import type { FamilyMemberInput, FamilyMemberRow } from './models.js';

export type FamilyRows = ReturnType<typeof familyRowsOf>;

export function familyKey(
  member: Pick<FamilyMemberRow, 'relation' | 'given_name' | 'family_name' | 'gender' | 'birth_date' | 'occupation'>,
): string {
  return JSON.stringify([
    member.relation,
    member.given_name,
    member.family_name,
    member.gender,
    member.birth_date,
    member.occupation ?? null,
  ]);
}

/** The same family, member by member and in order. */
export function isSameFamily(a: Parameters<typeof familyKey>[0][], b: Parameters<typeof familyKey>[0][]): boolean {
  return a.map(familyKey).join('\n') === b.map(familyKey).join('\n');
}

/** Family rows as the API sends them in (a proposed change's value). */
export function familyInputsOf(rows: Array<Parameters<typeof familyKey>[0]>): FamilyMemberInput[] {
  return rows.map((m) => ({
    relation: m.relation,
    givenName: m.given_name,
    familyName: m.family_name,
    gender: m.gender,
    birthDate: m.birth_date,
    ...(m.occupation ? { occupation: m.occupation } : {}),
  }));
}

export function familyRowsOf(family: FamilyMemberInput[]) {
  return family.map((m) => ({
    relation: m.relation,
    given_name: m.givenName,
    family_name: m.familyName,
    gender: m.gender,
    birth_date: m.birthDate,
    occupation: m.occupation || null,
  }));
}

export async function loadFamily(
  { sequelize }: RegistryDeps,
  registrantIds: string[],
  transaction?: Transaction,
): Promise<Map<string, FamilyMemberRow[]>> {
  const byRegistrant = new Map<string, FamilyMemberRow[]>(registrantIds.map((id) => [id, []]));
  if (registrantIds.length === 0) return byRegistrant;
  const rows = await selectRows<FamilyMemberRow>(
    sequelize,
    `SELECT id, registrant_id, position, relation, given_name, family_name, gender, CAST(birth_date AS text) AS birth_date, occupation
     FROM family_members WHERE registrant_id = ANY(:ids) ORDER BY registrant_id, position`,
    { ids: registrantIds },
    transaction,
  );
  for (const row of rows) byRegistrant.get(row.registrant_id)?.push(row);
  return byRegistrant;
}

/**
 * Inserts the family members listed in `:family` (see familyJson) for the registrant that
 * `registrantId` names: a parameter, or a column of a table in `from` (a CTE).
 */
export function insertFamilySql(registrantId: string, from?: string): string {
  return `INSERT INTO family_members (id, registrant_id, position, relation, given_name, family_name, gender, birth_date, occupation)
    SELECT gen_random_uuid(), ${registrantId}, m.position, m.relation, m.given_name, m.family_name, m.gender, m.birth_date, m.occupation
    FROM ${from ? `${from}, ` : ''}jsonb_to_recordset(CAST(:family AS jsonb))
      AS m(position smallint, relation varchar, given_name varchar,
      family_name varchar, gender varchar, birth_date date, occupation varchar)`;
}

export function familyJson(family: FamilyRows): string {
  return JSON.stringify(family.map((m, i) => ({ ...m, position: i + 1 })));
}

export async function insertFamily(
  { sequelize }: RegistryDeps,
  registrantId: string,
  family: FamilyRows,
  transaction: Transaction,
): Promise<void> {
  if (family.length === 0) return;
  await execute(sequelize, insertFamilySql('CAST(:registrantId AS uuid)'), { registrantId, family: familyJson(family) }, transaction);
}
