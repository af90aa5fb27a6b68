/**
 * Writes a command's events in its transaction, in one statement: for each event the next link of its
 * aggregate's hash chain (the chain head row is locked until commit, so two writers of one aggregate
 * queue), the audit row, and, for state changes, the outbox row for consumers.
 */
import { randomInt } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import type { Transaction } from '../db/sql.js';
import { selectRows } from '../db/sql.js';
import { chainKeyOf, contentHashOf, type AuditContent } from './event-hash.js';

export interface Actor {
  subject: string;
  /** Shown to people (user name or display name); the subject is what identifies the actor. */
  username: string;
}

export interface DomainEvent {
  /** e.g. `application.submitted` */
  type: string;
  aggregateType: string;
  aggregateId: string;
  /** Ids and codes for auditors and consumers; never personal data. */
  payload?: Record<string, unknown>;
}

export interface WriteEventsOptions {
  actor: Actor;
  events: DomainEvent[];
  occurredAt: Date;
  /** False for reads of personal data: recorded for auditors, of no interest to consumers. */
  toOutbox: boolean;
  /**
   * Spread each aggregate's events over this many chains (`<chain key>#0` …), one picked per write, so that
   * writers of one aggregate need not queue on one chain head. For access records only: a reader's reads
   * have no order to keep, while a state change's events must stay in one chain.
   */
  lanes?: number;
}

/**
 * The events as members of a WITH clause (`event_input`, `event_heads`, `event_audit`, `event_outbox`),
 * so they can be written in one statement of their own or inside a command's statement. `:eventList` is
 * a JSON list, one element per event, in chain-key order.
 */
const EVENT_CTES = `event_input AS (
    SELECT * FROM jsonb_to_recordset(CAST(:eventList AS jsonb)) AS e(ord int, chain_key varchar, content_hash char(64), action varchar,
      entity_type varchar, entity_id varchar, details jsonb)
  ),
  event_heads AS (
    INSERT INTO audit_chain_heads AS h (chain_key, seq, content_hash, prev_hash, hash)
    SELECT chain_key, 1, content_hash, NULL, encode(sha256(convert_to(':' || content_hash, 'UTF8')), 'hex') FROM event_input ORDER BY ord
    ON CONFLICT (chain_key) DO UPDATE SET seq = h.seq + 1, content_hash = EXCLUDED.content_hash, prev_hash = h.hash,
      hash = encode(sha256(convert_to(h.hash || ':' || EXCLUDED.content_hash, 'UTF8')), 'hex')
    RETURNING chain_key, seq, prev_hash, hash
  ),
  event_audit AS (
    INSERT INTO audit_events (occurred_at, actor_subject, actor_username, action, entity_type, entity_id, details,
      chain_key, seq, prev_hash, hash)
    SELECT CAST(:eventOccurredAt AS timestamptz), :eventActorSubject, :eventActorName, i.action, i.entity_type, i.entity_id, i.details,
      i.chain_key, h.seq, h.prev_hash, h.hash
    FROM event_input i JOIN event_heads h USING (chain_key) ORDER BY i.ord
    RETURNING id
  ),
  event_outbox AS (
    INSERT INTO outbox_events (occurred_at, event_type, aggregate_type, aggregate_id, payload)
    SELECT CAST(:eventOccurredAt AS timestamptz), action, entity_type, entity_id, details FROM event_input WHERE :eventToOutbox ORDER BY ord
  )`;

export interface EventStatement {
  /** Members of a WITH clause; every one runs whether or not the statement reads it. */
  ctes: string;
  replacements: Record<string, unknown>;
}

export function eventStatement(options: WriteEventsOptions): EventStatement {
  const { actor, events } = options;
  const occurredAt = options.occurredAt.toISOString();
  const lane = options.lanes && options.lanes > 1 ? `#${randomInt(options.lanes)}` : '';
  const rows = events.map((event) => {
    const content: AuditContent = {
      occurredAt,
      actorSubject: actor.subject,
      actorName: actor.username,
      action: event.type,
      entityType: event.aggregateType,
      entityId: event.aggregateId,
      details: event.payload ?? {},
    };
    return {
      chain_key: chainKeyOf(event.aggregateType, event.aggregateId) + lane,
      content_hash: contentHashOf(content),
      action: event.type,
      entity_type: event.aggregateType,
      entity_id: event.aggregateId,
      details: content.details,
    };
  });
  const keys = new Set(rows.map((row) => row.chain_key));
  if (keys.size !== rows.length) throw new TypeError('one command may write one event per aggregate');
  // Chain heads are locked in key order, so two commands touching the same aggregates cannot deadlock.
  rows.sort((a, b) => (a.chain_key < b.chain_key ? -1 : a.chain_key > b.chain_key ? 1 : 0));
  return {
    ctes: EVENT_CTES,
    replacements: {
      eventList: JSON.stringify(rows.map((row, ord) => ({ ...row, ord }))),
      eventOccurredAt: occurredAt,
      eventActorSubject: actor.subject,
      eventActorName: actor.username,
      eventToOutbox: options.toOutbox,
    },
  };
}

export async function writeEvents(sequelize: Sequelize, transaction: Transaction, options: WriteEventsOptions): Promise<void> {
  if (options.events.length === 0) return;
  const { ctes, replacements } = eventStatement(options);
  await selectRows(sequelize, `WITH ${ctes} SELECT count(*) AS written FROM event_audit`, replacements, transaction);
}
