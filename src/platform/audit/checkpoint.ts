/**
 * Signed checkpoints over the whole audit trail. Per-aggregate chains find an altered or removed event
 * inside a chain; a checkpoint also finds a removed last event, or an event slipped in afterwards. A
 * checkpoint covers every event of the transactions that had finished when it was sealed (transaction
 * ids below the snapshot's xmin), so an event committed late is never skipped: it falls in the next one.
 */
import { createHash, createHmac } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import type { Transaction } from '../db/sql.js';
import type { Logger } from 'pino';
import { selectOne, selectRows } from '../db/sql.js';

export interface CheckpointRow {
  seq: number;
  created_at: Date;
  from_xact: string;
  to_xact: string;
  event_count: number;
  first_event_id: string | null;
  last_event_id: string | null;
  digest: string;
  signature: string;
}

export interface CheckpointDigest {
  count: number;
  firstEventId: string | null;
  lastEventId: string | null;
  digest: string;
}

const SEAL_LOCK_KEY = 7_420_002;
const PAGE = 5_000;

/** The digest of the events of one checkpoint's range, chained to the previous checkpoint's digest. */
export async function digestRange(
  sequelize: Sequelize,
  range: { fromXact: string; toXact: string; previousDigest: string },
  transaction?: Transaction,
): Promise<CheckpointDigest> {
  const hash = createHash('sha256').update(range.previousDigest);
  let count = 0;
  let firstEventId: string | null = null;
  let lastEventId: string | null = null;
  let after = '0';
  for (;;) {
    const rows = await selectRows<{ id: string; hash: string }>(
      sequelize,
      `SELECT id, hash FROM audit_events
       WHERE xact_id >= CAST(:fromXact AS xid8) AND xact_id < CAST(:toXact AS xid8) AND id > CAST(:after AS bigint)
       ORDER BY id LIMIT ${PAGE}`,
      { fromXact: range.fromXact, toXact: range.toXact, after },
      transaction,
    );
    for (const row of rows) {
      hash.update(`\n${row.id}:${row.hash}`);
      firstEventId ??= String(row.id);
      lastEventId = String(row.id);
      count += 1;
    }
    if (rows.length < PAGE) break;
    after = String(rows[rows.length - 1]?.id);
  }
  return { count, firstEventId, lastEventId, digest: hash.digest('hex') };
}

export function signCheckpoint(key: string, checkpoint: Omit<CheckpointRow, 'signature' | 'created_at'>): string {
  const fields = [
    checkpoint.seq,
    checkpoint.from_xact,
    checkpoint.to_xact,
    checkpoint.event_count,
    checkpoint.first_event_id,
    checkpoint.last_event_id,
    checkpoint.digest,
  ];
  return createHmac('sha256', key).update(fields.join('|')).digest('hex');
}

export interface SealCheckpointOptions {
  sequelize: Sequelize;
  /** The HMAC key (AUDIT_CHECKPOINT_KEY). */
  key: string;
}

/** Seals the events written since the last checkpoint; undefined when there were none or another instance is sealing. */
export async function sealCheckpoint({ sequelize, key }: SealCheckpointOptions): Promise<CheckpointRow | undefined> {
  return sequelize.transaction(async (transaction) => {
    const locked = await selectOne<{ locked: boolean }>(
      sequelize,
      'SELECT pg_try_advisory_xact_lock(:key) AS locked',
      { key: SEAL_LOCK_KEY },
      transaction,
    );
    if (!locked?.locked) return undefined;
    const last = await selectOne<CheckpointRow>(sequelize, 'SELECT * FROM audit_checkpoints ORDER BY seq DESC LIMIT 1', {}, transaction);
    const horizon = await selectOne<{ xmin: string }>(
      sequelize,
      'SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS xmin',
      {},
      transaction,
    );
    if (!horizon) throw new Error('PostgreSQL gave no snapshot');
    const fromXact = last?.to_xact ?? '0';
    const range = await digestRange(sequelize, { fromXact, toXact: horizon.xmin, previousDigest: last?.digest ?? '' }, transaction);
    if (range.count === 0) return undefined;
    const row = {
      seq: (last?.seq ?? 0) + 1,
      from_xact: fromXact,
      to_xact: horizon.xmin,
      event_count: range.count,
      first_event_id: range.firstEventId,
      last_event_id: range.lastEventId,
      digest: range.digest,
    };
    return selectOne<CheckpointRow>(
      sequelize,
      `INSERT INTO audit_checkpoints (seq, from_xact, to_xact, event_count, first_event_id, last_event_id, digest, signature)
       VALUES (:seq, CAST(:fromXact AS xid8), CAST(:toXact AS xid8), :count, :first, :last, :digest, :signature)
       RETURNING seq, created_at, CAST(from_xact AS text) AS from_xact, CAST(to_xact AS text) AS to_xact, event_count,
         first_event_id, last_event_id, digest, signature`,
      {
        seq: row.seq,
        fromXact: row.from_xact,
        toXact: row.to_xact,
        count: row.event_count,
        first: row.first_event_id,
        last: row.last_event_id,
        digest: row.digest,
        signature: signCheckpoint(key, row),
      },
      transaction,
    );
  });
}

export interface CheckpointSealer {
  stop(): void;
}

/** Seals a checkpoint every `intervalMs` on this instance; instances take turns through an advisory lock. */
export function startCheckpointSealer(options: SealCheckpointOptions & { intervalMs: number; logger: Logger }): CheckpointSealer {
  const timer = setInterval(() => {
    sealCheckpoint(options).then(
      (sealed) => sealed && options.logger.debug({ seq: sealed.seq, events: sealed.event_count }, 'audit checkpoint sealed'),
      (error: unknown) => options.logger.warn({ err: error }, 'audit checkpoint failed'),
    );
  }, options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
