/**
 * Checks the whole audit trail: every event against its content hash and its chain link, every chain
 * without gaps, every checkpoint against its signature and the events of its range. Reports the first
 * broken event (lowest id) rather than stopping at an error, so an auditor knows where to look.
 */
import type { Sequelize } from 'sequelize';
import { selectRows } from '../db/sql.js';
import { digestRange, signCheckpoint, type CheckpointRow } from './checkpoint.js';
import { chainHashOf, storedContentHashOf, type StoredAuditEvent } from './event-hash.js';

export type EventBreak = 'content-altered' | 'link-broken' | 'event-missing-before';

export interface BrokenEvent {
  id: string;
  chainKey: string;
  seq: number;
  reason: EventBreak;
}

export type CheckpointBreak = 'signature-invalid' | 'events-differ' | 'sequence-gap';

export interface BrokenCheckpoint {
  seq: number;
  reason: CheckpointBreak;
  /** The ids the checkpoint covered, where an event was removed, added or changed. */
  firstEventId: string | null;
  lastEventId: string | null;
}

export interface AuditVerification {
  verified: boolean;
  eventsChecked: number;
  chainsChecked: number;
  checkpointsChecked: number;
  /** Events after the last checkpoint are covered by their chains only. */
  lastCheckpointAt: string | null;
  firstBrokenEvent: BrokenEvent | null;
  brokenEvents: number;
  firstBrokenCheckpoint: BrokenCheckpoint | null;
}

interface EventRow extends StoredAuditEvent {
  id: string;
  chain_key: string;
  seq: number;
  prev_hash: string | null;
  hash: string;
}

const PAGE = 2_000;

export interface VerifyAuditTrailOptions {
  sequelize: Sequelize;
  /** The HMAC key checkpoints are signed with. */
  key: string;
}

export async function verifyAuditTrail({ sequelize, key }: VerifyAuditTrailOptions): Promise<AuditVerification> {
  let firstBrokenEvent: BrokenEvent | null = null;
  let brokenEvents = 0;
  let eventsChecked = 0;
  let chainsChecked = 0;
  const breakAt = (row: EventRow, reason: EventBreak) => {
    brokenEvents += 1;
    if (!firstBrokenEvent || BigInt(row.id) < BigInt(firstBrokenEvent.id)) {
      firstBrokenEvent = { id: String(row.id), chainKey: row.chain_key, seq: row.seq, reason };
    }
  };

  // Chain by chain, in order; keyset pages so memory stays flat however long the trail.
  let previous: EventRow | undefined;
  let cursor = { chainKey: '', seq: 0 };
  for (;;) {
    const rows = await selectRows<EventRow>(
      sequelize,
      `SELECT id, occurred_at, actor_subject, actor_username, action, entity_type, entity_id, details, chain_key, seq, prev_hash, hash
       FROM audit_events WHERE (chain_key, seq) > (:chainKey, :seq) ORDER BY chain_key, seq LIMIT ${PAGE}`,
      cursor,
    );
    for (const row of rows) {
      eventsChecked += 1;
      const sameChain = previous?.chain_key === row.chain_key;
      if (!sameChain) chainsChecked += 1;
      const expectedSeq = sameChain && previous ? previous.seq + 1 : 1;
      const expectedPrev = sameChain && previous ? previous.hash : null;
      const contentHash = storedContentHashOf(row);
      if (row.seq !== expectedSeq) breakAt(row, 'event-missing-before');
      else if (row.prev_hash !== expectedPrev) breakAt(row, 'link-broken');
      else if (chainHashOf(row.prev_hash, contentHash) !== row.hash) breakAt(row, 'content-altered');
      previous = row;
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) break;
    cursor = { chainKey: last.chain_key, seq: last.seq };
  }

  const checkpoints = await selectRows<CheckpointRow>(
    sequelize,
    `SELECT seq, created_at, CAST(from_xact AS text) AS from_xact, CAST(to_xact AS text) AS to_xact, event_count,
       CAST(first_event_id AS text) AS first_event_id, CAST(last_event_id AS text) AS last_event_id, digest, signature
     FROM audit_checkpoints ORDER BY seq`,
  );
  let firstBrokenCheckpoint: BrokenCheckpoint | null = null;
  let previousDigest = '';
  let previousTo = '0';
  for (const [index, checkpoint] of checkpoints.entries()) {
    const broken = (reason: CheckpointBreak) => ({
      seq: checkpoint.seq,
      reason,
      firstEventId: checkpoint.first_event_id,
      lastEventId: checkpoint.last_event_id,
    });
    if (checkpoint.seq !== index + 1 || checkpoint.from_xact !== previousTo) {
      firstBrokenCheckpoint = broken('sequence-gap');
      break;
    }
    if (signCheckpoint(key, checkpoint) !== checkpoint.signature) {
      firstBrokenCheckpoint = broken('signature-invalid');
      break;
    }
    const range = await digestRange(sequelize, { fromXact: checkpoint.from_xact, toXact: checkpoint.to_xact, previousDigest });
    if (range.digest !== checkpoint.digest || range.count !== checkpoint.event_count) {
      firstBrokenCheckpoint = broken('events-differ');
      break;
    }
    previousDigest = checkpoint.digest;
    previousTo = checkpoint.to_xact;
  }

  const lastCheckpoint = checkpoints[checkpoints.length - 1];
  return {
    verified: firstBrokenEvent === null && firstBrokenCheckpoint === null,
    eventsChecked,
    chainsChecked,
    checkpointsChecked: checkpoints.length,
    lastCheckpointAt: lastCheckpoint ? lastCheckpoint.created_at.toISOString() : null,
    firstBrokenEvent,
    brokenEvents,
    firstBrokenCheckpoint,
  };
}
