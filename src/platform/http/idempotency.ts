/**
 * Idempotency-Key handling (IETF draft-ietf-httpapi-idempotency-key-header): the same key with the
 * same request returns the first result and changes nothing; the same key with another request is
 * refused (422). The key is claimed in the command's own transaction (see db/command.ts), so a
 * concurrent duplicate waits for the first to commit and then replays it; if the first fails, nothing
 * is remembered.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Sequelize } from 'sequelize';
import type { Transaction } from '../db/sql.js';
import { execute, selectOne } from '../db/sql.js';
import { deleteInBatches } from '../db/delete-in-batches.js';
import { UnprocessableError } from './errors.js';

export interface IdempotencyRequest {
  /** The client's key; undefined runs the command plainly. */
  key: string | undefined;
  /** Names the operation, so one key cannot be replayed on another endpoint. */
  operation: string;
  /** What identifies the request: its body and path parameters. */
  request: unknown;
}

export interface IdempotencyClaim<T> {
  /** True when this request holds the key now and must remember its result. */
  claimed: boolean;
  /** The first result, when the key was used before for the same request. */
  replay?: { body: T };
}

/**
 * The request as RFC 8785 canonical JSON (keys sorted, numbers and strings in one form), so the same
 * request with its keys in another order or `1.0` for `1` is recognised as the same.
 */
function fingerprint(operation: string, request: unknown): string {
  return digest(operation, canonicalize(request ?? null) ?? 'null');
}

/** Keys claimed before the canonical form (within a deploy, a retry may meet one): the bytes as parsed. */
function legacyFingerprint(operation: string, request: unknown): string {
  return digest(operation, JSON.stringify(request ?? null));
}

function digest(operation: string, text: string): string {
  return createHash('sha256').update(operation).update('\n').update(text).digest('hex');
}

export async function claimIdempotencyKey<T>(
  sequelize: Sequelize,
  transaction: Transaction,
  subject: string,
  { key, operation, request }: IdempotencyRequest,
): Promise<IdempotencyClaim<T>> {
  if (!key) return { claimed: false };
  const hash = fingerprint(operation, request);
  const claimed = await execute(
    sequelize,
    `INSERT INTO idempotency_keys (subject, key, operation, request_hash) VALUES (:subject, :key, :operation, :hash)
       ON CONFLICT DO NOTHING`,
    { subject, key, operation, hash },
    transaction,
  );
  if (claimed === 1) return { claimed: true };
  const first = await selectOne<{ operation: string; request_hash: string; response_body: T }>(
    sequelize,
    'SELECT operation, request_hash, response_body FROM idempotency_keys WHERE subject = :subject AND key = :key',
    { subject, key },
    transaction,
  );
  const sameRequest = first?.request_hash === hash || first?.request_hash === legacyFingerprint(operation, request);
  if (!first || first.operation !== operation || !sameRequest) {
    throw new UnprocessableError(
      'This Idempotency-Key was already used for a different request; use a new key for a new request.',
      'ERR_IDEMPOTENCY_KEY_REUSED',
    );
  }
  return { claimed: false, replay: { body: first.response_body } };
}

export async function rememberIdempotentResult(
  sequelize: Sequelize,
  transaction: Transaction,
  subject: string,
  { key }: IdempotencyRequest,
  body: unknown,
): Promise<void> {
  await execute(
    sequelize,
    'UPDATE idempotency_keys SET response_body = CAST(:body AS jsonb) WHERE subject = :subject AND key = :key',
    { subject, key, body: JSON.stringify(body) },
    transaction,
  );
}

/**
 * Forgets the results remembered before `before`, a batch per statement; returns how many. A key sent again
 * after that runs its request afresh. Run by the retention job (RETENTION_IDEMPOTENCY_KEY_DAYS).
 */
export async function forgetIdempotentResults(sequelize: Sequelize, before: Date, batchSize: number): Promise<number> {
  return deleteInBatches(
    sequelize,
    `DELETE FROM idempotency_keys WHERE (subject, key) IN (
       SELECT subject, key FROM idempotency_keys WHERE created_at < :before LIMIT :limit FOR UPDATE SKIP LOCKED)
     RETURNING 1`,
    { before },
    batchSize,
  );
}
