/** Erasure (issue 18): a person's page language and contact channel are deleted; defaults apply if they sign in again. */
import type { Sequelize } from 'sequelize';
import { execute, type Transaction } from '../../platform/db/sql.js';

export async function erasePreferences(sequelize: Sequelize, transaction: Transaction, subject: string): Promise<void> {
  await execute(sequelize, 'DELETE FROM user_preferences WHERE subject = :subject', { subject }, transaction);
}
