/** The members (by subject) of an officer group, for the notifications; none when the group is gone. */
import type { Sequelize } from 'sequelize';
import { selectOne } from '../../platform/db/sql.js';

export async function findOfficerGroupMembers(sequelize: Sequelize, code: string): Promise<string[]> {
  const row = await selectOne<{ members: string[] }>(sequelize, 'SELECT members FROM officer_groups WHERE code = :code', { code });
  return row?.members ?? [];
}
