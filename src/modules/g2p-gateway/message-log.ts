/**
 * The message log behind replay refusal and `txn/status`. Plain technical records, not domain changes: no
 * audit event of their own (the registry reads they lead to are recorded as reads), no personal data.
 */
import type { Sequelize, Transaction } from 'sequelize';
import { execute, selectRows } from '../../platform/db/sql.js';
import type { RequestStatus } from './messages.js';

/** One request's outcome within a transaction, as `txn/status` reports it. */
export interface RequestOutcome {
  reference_id: string;
  timestamp: string;
  status: RequestStatus;
  status_reason_code?: string;
  status_reason_message?: string;
}

export interface LoggedTransaction {
  correlationId: string;
  /** `pdng` while an asynchronous transaction waits for its answer, then `succ`. */
  status: 'pdng' | 'succ';
  transactionId: string;
  txnType: string;
  outcomes: RequestOutcome[];
}

/**
 * Claims a message id for its sender: false when it was received before. Ids older than the window are
 * dropped first, as their messages would be refused as expired anyway.
 */
export async function claimMessageId(
  sequelize: Sequelize,
  claim: { senderId: string; messageId: string; now: Date; windowSeconds: number },
): Promise<boolean> {
  await execute(sequelize, 'DELETE FROM g2p_received_messages WHERE received_at < :cutoff', {
    cutoff: new Date(claim.now.getTime() - 2 * claim.windowSeconds * 1000),
  });
  const inserted = await execute(
    sequelize,
    `INSERT INTO g2p_received_messages (sender_id, message_id, received_at) VALUES (:senderId, :messageId, :now)
       ON CONFLICT DO NOTHING`,
    { senderId: claim.senderId, messageId: claim.messageId, now: claim.now },
  );
  return inserted === 1;
}

export async function logTransaction(
  sequelize: Sequelize,
  entry: LoggedTransaction & { senderId: string; now: Date },
  transaction?: Transaction,
): Promise<void> {
  await execute(
    sequelize,
    `INSERT INTO g2p_transactions (correlation_id, sender_id, transaction_id, txn_type, status, outcomes, created_at)
       VALUES (CAST(:correlationId AS uuid), :senderId, :transactionId, :txnType, :status, CAST(:outcomes AS jsonb), :now)`,
    { ...entry, outcomes: JSON.stringify(entry.outcomes) },
    transaction,
  );
}

/** An asynchronous transaction answered: its outcomes replace the pending ones. */
export async function completeTransaction(sequelize: Sequelize, correlationId: string, outcomes: RequestOutcome[]): Promise<void> {
  await execute(
    sequelize,
    "UPDATE g2p_transactions SET status = 'succ', outcomes = CAST(:outcomes AS jsonb) WHERE correlation_id = CAST(:correlationId AS uuid)",
    { correlationId, outcomes: JSON.stringify(outcomes) },
  );
}

export type TransactionKey =
  { kind: 'transaction_id'; value: string } | { kind: 'correlation_id'; value: string } | { kind: 'reference_id_list'; value: string[] };

/** The sender's latest transaction matching the key; another sender's are never found. */
export async function findTransaction(sequelize: Sequelize, senderId: string, key: TransactionKey): Promise<LoggedTransaction | undefined> {
  const where = {
    transaction_id: 'transaction_id = :value',
    correlation_id: 'CAST(correlation_id AS text) = :value',
    reference_id_list: 'outcomes @> CAST(:value AS jsonb)',
  }[key.kind];
  const value = key.kind === 'reference_id_list' ? JSON.stringify(key.value.map((reference) => ({ reference_id: reference }))) : key.value;
  const rows = await selectRows<{
    correlation_id: string;
    transaction_id: string;
    txn_type: string;
    status: 'pdng' | 'succ';
    outcomes: RequestOutcome[];
  }>(
    sequelize,
    `SELECT correlation_id, transaction_id, txn_type, status, outcomes FROM g2p_transactions
      WHERE sender_id = :senderId AND ${where} ORDER BY created_at DESC LIMIT 1`,
    { senderId, value },
  );
  const row = rows[0];
  return (
    row && {
      correlationId: row.correlation_id,
      transactionId: row.transaction_id,
      txnType: row.txn_type,
      status: row.status,
      outcomes: row.outcomes,
    }
  );
}
