/**
 * The gateway's outgoing messages to partners' callback addresses (`g2p_deliveries`): queued by the request that
 * asks for them, then delivered by the delivery pass one at a time per stream, oldest first, so a partner receives
 * them in the order they were made even after its receiver was down. Technical records: the request and the signed
 * answer are cleared once delivered or given up, and a failure is recorded as a short reason without content.
 */
import type { Sequelize, Transaction } from 'sequelize';
import { execute, selectOne, selectRows } from '../../platform/db/sql.js';
import type { RequestHeader } from './messages.js';

/** What an asynchronous request waits with until it is answered. */
export interface PendingRequest {
  kind: 'search' | 'txn-status';
  /** The admitted message (header and message), as the partner sent it. */
  envelope: { header: RequestHeader; message: Record<string, unknown> };
  /** The partner's service account, which the registry reads are recorded against. */
  reader: { subject: string; username: string };
}

export interface QueuedDelivery {
  senderId: string;
  /** Deliveries of one stream go in order: one per partner and callback address. */
  stream: string;
  action: string;
  callbackUri: string;
  correlationId?: string;
  request?: PendingRequest;
  body?: Record<string, unknown>;
  now: Date;
}

export interface DueDelivery {
  id: string;
  senderId: string;
  action: string;
  callbackUri: string;
  correlationId: string | null;
  request: PendingRequest | null;
  body: Record<string, unknown> | null;
  attempts: number;
  lastFailure: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
}

/** The stream of a partner's callback address. */
export function streamOf(senderId: string, callbackUri: string): string {
  return `${senderId} ${callbackUri}`.slice(0, 300);
}

export async function queueDelivery(sequelize: Sequelize, delivery: QueuedDelivery, transaction?: Transaction): Promise<void> {
  await execute(
    sequelize,
    `INSERT INTO g2p_deliveries (sender_id, stream, action, callback_uri, correlation_id, request, body, created_at, next_attempt_at)
       VALUES (:senderId, :stream, :action, :callbackUri, CAST(:correlationId AS uuid), CAST(:request AS jsonb), CAST(:body AS jsonb),
               :now, :now)`,
    {
      ...delivery,
      correlationId: delivery.correlationId ?? null,
      request: delivery.request ? JSON.stringify(delivery.request) : null,
      body: delivery.body ? JSON.stringify(delivery.body) : null,
    },
    transaction,
  );
}

/** Streams whose oldest undelivered message is due now (most `limit`), oldest first. */
export async function findDueStreams(sequelize: Sequelize, now: Date, limit: number): Promise<string[]> {
  const rows = await selectRows<{ stream: string }>(
    sequelize,
    `SELECT stream FROM (
       SELECT DISTINCT ON (stream) stream, id, next_attempt_at FROM g2p_deliveries
        WHERE delivered_at IS NULL AND abandoned_at IS NULL ORDER BY stream, id
     ) heads WHERE next_attempt_at <= :now ORDER BY id LIMIT :limit`,
    { now, limit },
  );
  return rows.map((row) => row.stream);
}

/**
 * Locks the stream for the transaction (another pass holding it: undefined, the stream is theirs now) and reads its
 * oldest undelivered message; undefined too when there is none.
 */
export async function lockStreamHead(sequelize: Sequelize, stream: string, transaction: Transaction): Promise<DueDelivery | undefined> {
  const lock = await selectOne<{ locked: boolean }>(
    sequelize,
    "SELECT pg_try_advisory_xact_lock(hashtextextended('g2p-delivery ' || :stream, 0)) AS locked",
    { stream },
    transaction,
  );
  if (!lock?.locked) return undefined;
  const row = await selectOne<{
    id: string;
    sender_id: string;
    action: string;
    callback_uri: string;
    correlation_id: string | null;
    request: PendingRequest | null;
    body: Record<string, unknown> | null;
    attempts: number;
    last_failure: string | null;
    created_at: Date;
    next_attempt_at: Date;
  }>(
    sequelize,
    `SELECT id, sender_id, action, callback_uri, correlation_id, request, body, attempts, last_failure, created_at, next_attempt_at
       FROM g2p_deliveries WHERE stream = :stream AND delivered_at IS NULL AND abandoned_at IS NULL ORDER BY id LIMIT 1`,
    { stream },
    transaction,
  );
  return (
    row && {
      id: String(row.id),
      senderId: row.sender_id,
      action: row.action,
      callbackUri: row.callback_uri,
      correlationId: row.correlation_id,
      request: row.request,
      body: row.body,
      attempts: row.attempts,
      lastFailure: row.last_failure,
      createdAt: row.created_at,
      nextAttemptAt: row.next_attempt_at,
    }
  );
}

/** The answer of a waiting request, made: kept until it is delivered, in place of the request. */
export async function keepAnswer(sequelize: Sequelize, id: string, body: Record<string, unknown>, transaction: Transaction): Promise<void> {
  await execute(
    sequelize,
    'UPDATE g2p_deliveries SET body = CAST(:body AS jsonb), request = NULL WHERE id = :id',
    {
      id,
      body: JSON.stringify(body),
    },
    transaction,
  );
}

export async function markDelivered(sequelize: Sequelize, id: string, now: Date, transaction: Transaction): Promise<void> {
  await execute(
    sequelize,
    `UPDATE g2p_deliveries SET delivered_at = :now, attempts = attempts + 1, last_failure = NULL, body = NULL, request = NULL
      WHERE id = :id`,
    { id, now },
    transaction,
  );
}

export async function markFailed(
  sequelize: Sequelize,
  failure: { id: string; reason: string; retryAt: Date },
  transaction: Transaction,
): Promise<void> {
  await execute(
    sequelize,
    'UPDATE g2p_deliveries SET attempts = attempts + 1, last_failure = :reason, next_attempt_at = :retryAt WHERE id = :id',
    { ...failure, reason: failure.reason.slice(0, 200) },
    transaction,
  );
}

/** Given up (too old, or its partner is gone): its content is cleared and the stream moves on. */
export async function markAbandoned(
  sequelize: Sequelize,
  failure: { id: string; reason: string; now: Date },
  transaction: Transaction,
): Promise<void> {
  await execute(
    sequelize,
    `UPDATE g2p_deliveries SET abandoned_at = :now, last_failure = :reason, body = NULL, request = NULL WHERE id = :id`,
    { ...failure, reason: failure.reason.slice(0, 200) },
    transaction,
  );
}
