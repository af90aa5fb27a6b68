/**
 * Blobs are shared by every document row with the same SHA-256, so deleting one must not race an upload of
 * the same content: the upload's row could commit just after the deletion checked there was none. Both take
 * this lock in their transaction; an upload re-stores its bytes after taking it, so whichever comes second
 * sees the other's work.
 */
import type { Sequelize } from 'sequelize';
import { execute, type Transaction } from '../../platform/db/sql.js';

export async function lockBlob(sequelize: Sequelize, sha256: string, transaction: Transaction): Promise<void> {
  await execute(sequelize, "SELECT pg_advisory_xact_lock(hashtextextended('document-blob:' || :sha256, 0))", { sha256 }, transaction);
}
