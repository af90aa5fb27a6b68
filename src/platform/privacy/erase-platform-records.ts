/**
 * Erasure (issue 18) of what the platform holds about a person: their web sessions (which hold their names and
 * roles; they are signed out) and the responses remembered for their Idempotency-Keys (a submission's holds the
 * application as sent), with anyone's remembered response that names one of the person's records. Both are
 * deleted: neither has a figure or an id anything else points at.
 */
import type { Sequelize } from 'sequelize';
import { execute, type Transaction } from '../db/sql.js';

export async function erasePlatformRecordsOf(
  sequelize: Sequelize,
  transaction: Transaction,
  target: { subject: string; relatedIds: string[] },
): Promise<void> {
  const { subject } = target;
  await execute(sequelize, "DELETE FROM web_sessions WHERE sess -> 'principal' ->> 'subject' = :subject", { subject }, transaction);
  // Others' remembered responses about the person go too: a provider's redemption receipt names the voucher and may describe them.
  await execute(
    sequelize,
    `DELETE FROM idempotency_keys WHERE subject = :subject
       OR CAST(response_body AS text) LIKE ANY (SELECT '%' || id || '%' FROM unnest(CAST(:ids AS text[])) AS id)`,
    { subject, ids: target.relatedIds },
    transaction,
  );
}
