/**
 * The per-person upload quota: the bytes of an uploader's documents that no submitted application keeps
 * may not pass `maxBytes`. Documents of submitted applications do not count (see docs/decisions.md,
 * "Quotas"), so the quota stops someone filling the storage, not someone with several real applications.
 */
import type { Sequelize } from 'sequelize';
import { lockQuota } from '../../platform/db/quota-lock.js';
import { selectOne, type Transaction } from '../../platform/db/sql.js';
import { DocumentQuotaReachedError } from './errors.js';

/** Which of an uploader's documents the quota leaves out. The applications module knows; this module only asks. */
export interface DocumentQuotaPolicy {
  /** Ids of the documents of `ownerSubject` that their submitted applications keep. */
  keptBySubmissions(ownerSubject: string, transaction?: Transaction): Promise<string[]>;
}

export interface UploadQuota {
  /** Bytes of documents no submitted application keeps, per uploader (QUOTA_DOCUMENT_BYTES). */
  maxBytes: number;
  policy: DocumentQuotaPolicy;
}

async function countedBytes(sequelize: Sequelize, quota: UploadQuota, ownerSubject: string, transaction?: Transaction): Promise<number> {
  const kept = await quota.policy.keptBySubmissions(ownerSubject, transaction);
  const row = await selectOne<{ used: string }>(
    sequelize,
    `SELECT COALESCE(sum(size_bytes), 0)::text AS used FROM documents
     WHERE owner_subject = :ownerSubject AND NOT (id = ANY(CAST(:kept AS uuid[])))`,
    { ownerSubject, kept },
    transaction,
  );
  return Number(row?.used ?? 0);
}

/**
 * Refuses `addedBytes` more when they would take the uploader past the quota. With a transaction, the
 * uploader's quota lock is taken first and held until it ends, so two uploads at the edge cannot both pass.
 */
export async function checkUploadQuota(
  sequelize: Sequelize,
  quota: UploadQuota,
  ownerSubject: string,
  addedBytes: number,
  transaction?: Transaction,
): Promise<void> {
  if (transaction) await lockQuota(sequelize, transaction, 'document-bytes', ownerSubject);
  if ((await countedBytes(sequelize, quota, ownerSubject, transaction)) + addedBytes > quota.maxBytes)
    throw new DocumentQuotaReachedError(quota.maxBytes);
}
