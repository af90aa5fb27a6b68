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

export async function recordEvent(sequelize: Sequelize, transaction: Transaction, event: DomainEvent): Promise<void> {
  const payload = JSON.stringify(event.payload ?? {});
  await sequelize.query(
    `WITH audit AS (
       INSERT INTO audit_events (actor_subject, actor_username, action, entity_type, entity_id, details)
       VALUES (:subject, :username, :type, :aggregateType, :aggregateId, CAST(:payload AS jsonb))
     )
     INSERT INTO outbox_events (event_type, aggregate_type, aggregate_id, payload)
     VALUES (:type, :aggregateType, :aggregateId, CAST(:payload AS jsonb))`,
    {
      transaction,
      replacements: {
        subject: event.actor.subject,
        username: event.actor.username,
        type: event.type,
        aggregateType: event.aggregateType,
        aggregateId: event.aggregateId,
        payload,
      },
    },
  );
}
