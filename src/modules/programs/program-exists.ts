/** Whether a program of this id exists (for modules that keep settings per program). */
import type { Sequelize } from 'sequelize';
import { selectOne } from '../../platform/db/sql.js';

export async function programExists(sequelize: Sequelize, programId: string): Promise<boolean> {
  return (await selectOne<{ id: string }>(sequelize, 'SELECT id FROM programs WHERE id = :programId', { programId })) !== undefined;
}
