/**
 * Idempotency-Key handling (IETF draft-ietf-httpapi-idempotency-key-header): the same key with the
 * same request returns the first result and changes nothing; the same key with another request is
 * refused (422). The key is claimed in the command's own transaction, so a concurrent duplicate
 * waits for the first to commit and then replays it; if the first fails, nothing is remembered.
 */
import { createHash } from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import { execute, selectOne } from '../db/sql.js';
import { UnprocessableError } from './errors.js';

export interface IdempotentOptions {
  subject: string;
  /** The client's key; undefined runs the command plainly. */
  key: string | undefined;
  /** Names the operation, so one key cannot be replayed on another endpoint. */
  operation: string;
  /** What identifies the request: its body and path parameters. */
  request: unknown;
}

export interface CommandResult<T> {
  status: number;
  body: T;
}

export interface IdempotentResult<T> extends CommandResult<T> {
  replayed: boolean;
}

function fingerprint(operation: string, request: unknown): string {
  return createHash('sha256')
    .update(operation)
    .update('\n')
    .update(JSON.stringify(request ?? null))
    .digest('hex');
}

export async function runIdempotent<T>(
  sequelize: Sequelize,
  options: IdempotentOptions,
  command: (transaction: Transaction) => Promise<CommandResult<T>>,
): Promise<IdempotentResult<T>> {
  if (!options.key) {
    const result = await sequelize.transaction(command);
    return { ...result, replayed: false };
  }
  const hash = fingerprint(options.operation, options.request);
  const identity = { subject: options.subject, key: options.key };
  return sequelize.transaction(async (transaction) => {
    const claimed = await execute(
      sequelize,
      `INSERT INTO idempotency_keys (subject, key, operation, request_hash) VALUES (:subject, :key, :operation, :hash)
       ON CONFLICT DO NOTHING`,
      { ...identity, operation: options.operation, hash },
      transaction,
    );
    if (claimed === 0) {
      const first = await selectOne<{ operation: string; request_hash: string; response_status: number; response_body: T }>(
        sequelize,
        'SELECT operation, request_hash, response_status, response_body FROM idempotency_keys WHERE subject = :subject AND key = :key',
        identity,
        transaction,
      );
      if (!first || first.operation !== options.operation || first.request_hash !== hash) {
        throw new UnprocessableError(
          'This Idempotency-Key was already used for a different request; use a new key for a new request.',
          'ERR_IDEMPOTENCY_KEY_REUSED',
        );
      }
      return { status: first.response_status, body: first.response_body, replayed: true };
    }
    const result = await command(transaction);
    await execute(
      sequelize,
      'UPDATE idempotency_keys SET response_status = :status, response_body = CAST(:body AS jsonb) WHERE subject = :subject AND key = :key',
      { ...identity, status: result.status, body: JSON.stringify(result.body) },
      transaction,
    );
    return { ...result, replayed: false };
  });
}
