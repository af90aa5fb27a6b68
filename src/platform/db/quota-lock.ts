/**
 * Serializes the commands that check and use one person's quota. Counting what someone holds and then
 * adding to it is a race under READ COMMITTED (two requests both count the last free slot); a
 * transaction-scoped advisory lock per (quota, subject) makes the second wait until the first commits,
 * and then count what it added. Different people never wait on each other (short of a hash collision,
 * which only costs a wait). Released when the transaction ends.
 */
import type { Sequelize } from 'sequelize';
import { selectOne, type Transaction } from './sql.js';

export async function lockQuota(sequelize: Sequelize, transaction: Transaction, quota: string, subject: string): Promise<void> {
  await selectOne(
    sequelize,
    'SELECT pg_advisory_xact_lock(hashtextextended(:key, 0)) IS NULL AS locked',
    { key: `${quota}:${subject}` },
    transaction,
  );
}
