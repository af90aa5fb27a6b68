/**
 * One audit event and one outbox event per state change, written in the caller's transaction, so a
 * change and its record commit or roll back together. Never put personal data in `details`: ids only.
 */
import type { Sequelize, Transaction } from 'sequelize';
import type { Principal } from '../auth/principal.js';

export interface DomainEvent {
  /** e.g. `application.submitted` */
  type: string;
  aggregateType: string;
  aggregateId: string;
  actor: Pick<Principal, 'subject' | 'username'>;
  /** Ids and codes for consumers; no personal data. */
  payload?: Record<string, unknown>;
}

export interface EventSql {
  /** Two CTE members (`event_audit AS (...), event_outbox AS (...)`) to put in a WITH clause. */
  ctes: string;
  replacements: Record<string, unknown>;
}

/**
 * The event as data-modifying CTEs, so a command can write its change and its event in one
 * statement (one round trip) instead of two.
 */
export function eventSql(event: DomainEvent): EventSql {
  return {
    ctes: `event_audit AS (
       INSERT INTO audit_events (actor_subject, actor_username, action, entity_type, entity_id, details)
       VALUES (:eventSubject, :eventUsername, :eventType, :eventAggregateType, :eventAggregateId, CAST(:eventPayload AS jsonb))
     ),
     event_outbox AS (
       INSERT INTO outbox_events (event_type, aggregate_type, aggregate_id, payload)
       VALUES (:eventType, :eventAggregateType, :eventAggregateId, CAST(:eventPayload AS jsonb))
     )`,
    replacements: {
      eventSubject: event.actor.subject,
      eventUsername: event.actor.username,
      eventType: event.type,
      eventAggregateType: event.aggregateType,
      eventAggregateId: event.aggregateId,
      eventPayload: JSON.stringify(event.payload ?? {}),
    },
  };
}

export async function recordEvent(sequelize: Sequelize, transaction: Transaction, event: DomainEvent): Promise<void> {
  const { ctes, replacements } = eventSql(event);
  await sequelize.query(`WITH ${ctes} SELECT 1`, { transaction, replacements });
}
