import type { Migration } from '../db/migrate.js';
import { chainHashOf, chainKeyOf, storedContentHashOf, type StoredAuditEvent } from './event-hash.js';

interface LegacyEvent extends StoredAuditEvent {
  id: string;
}

/**
 * The audit trail becomes tamper-evident: each event is a link of its aggregate's hash chain
 * (`audit_chain_heads` holds the last link of each), and signed checkpoints cover every event, so a
 * removed last link is found too. Events written before this migration are chained here, in id order.
 */
export const chainAuditEvents: Migration = {
  name: '2026-11-30-02-audit-chain',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      ALTER TABLE audit_events
        ADD COLUMN chain_key varchar(160),
        ADD COLUMN seq integer,
        ADD COLUMN prev_hash char(64),
        ADD COLUMN hash char(64),
        ADD COLUMN xact_id xid8 NOT NULL DEFAULT pg_current_xact_id();
      CREATE TABLE audit_chain_heads (
        chain_key varchar(160) PRIMARY KEY,
        seq integer NOT NULL,
        content_hash char(64) NOT NULL,
        prev_hash char(64),
        hash char(64) NOT NULL
      );
      CREATE TABLE audit_checkpoints (
        seq integer PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        from_xact xid8 NOT NULL,
        to_xact xid8 NOT NULL,
        event_count integer NOT NULL,
        first_event_id bigint,
        last_event_id bigint,
        digest char(64) NOT NULL,
        signature char(64) NOT NULL
      );
    `);
    const [legacy] = (await sequelize.query(
      'SELECT id, occurred_at, actor_subject, actor_username, action, entity_type, entity_id, details FROM audit_events ORDER BY id',
    )) as [LegacyEvent[], unknown];
    const heads = new Map<string, { seq: number; hash: string; contentHash: string; prevHash: string | null }>();
    for (const event of legacy) {
      const chainKey = chainKeyOf(event.entity_type, event.entity_id);
      const previous = heads.get(chainKey);
      const contentHash = storedContentHashOf(event);
      const link = {
        seq: (previous?.seq ?? 0) + 1,
        prevHash: previous?.hash ?? null,
        contentHash,
        hash: chainHashOf(previous?.hash ?? null, contentHash),
      };
      heads.set(chainKey, link);
      await sequelize.query(
        'UPDATE audit_events SET chain_key = :chainKey, seq = :seq, prev_hash = :prevHash, hash = :hash WHERE id = :id',
        {
          replacements: { chainKey, seq: link.seq, prevHash: link.prevHash, hash: link.hash, id: event.id },
        },
      );
    }
    for (const [chainKey, head] of heads) {
      await sequelize.query(
        `INSERT INTO audit_chain_heads (chain_key, seq, content_hash, prev_hash, hash)
         VALUES (:chainKey, :seq, :contentHash, :prevHash, :hash)`,
        { replacements: { chainKey, ...head } },
      );
    }
    await sequelize.query(`
      ALTER TABLE audit_events
        ALTER COLUMN chain_key SET NOT NULL,
        ALTER COLUMN seq SET NOT NULL,
        ALTER COLUMN hash SET NOT NULL;
      CREATE UNIQUE INDEX audit_events_chain_idx ON audit_events (chain_key, seq);
      CREATE INDEX audit_events_xact_idx ON audit_events (xact_id, id);
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query(`
      DROP TABLE audit_checkpoints;
      DROP TABLE audit_chain_heads;
      ALTER TABLE audit_events DROP COLUMN chain_key, DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash, DROP COLUMN xact_id;
    `);
  },
};
