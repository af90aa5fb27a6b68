/**
 * The hashes of the audit trail. Each event's content is hashed in its RFC 8785 canonical JSON form,
 * and chained to the previous event of the same aggregate: `hash = sha256(prevHash + ":" + contentHash)`.
 * The database computes the chain part of this itself (see write-events.ts); both must agree.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** What an audit event says; every field is hashed. */
export interface AuditContent {
  occurredAt: string;
  actorSubject: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details: Record<string, unknown>;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function contentHashOf(content: AuditContent): string {
  const text = canonicalize(content);
  if (text === undefined) throw new TypeError('audit content cannot be expressed as JSON');
  return sha256Hex(text);
}

/** The hashed columns of a stored audit event, as PostgreSQL returns them. */
export interface StoredAuditEvent {
  occurred_at: Date;
  actor_subject: string;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  details: Record<string, unknown>;
}

/** The content hash of an event as stored: what verification and the migration that chained old events recompute. */
export function storedContentHashOf(row: StoredAuditEvent): string {
  return contentHashOf({
    occurredAt: row.occurred_at.toISOString(),
    actorSubject: row.actor_subject,
    actorName: row.actor_username,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    details: row.details,
  });
}

export function chainHashOf(prevHash: string | null, contentHash: string): string {
  return sha256Hex(`${prevHash ?? ''}:${contentHash}`);
}

/** One chain per aggregate: an application's events, a program's events, one person's sessions. */
export function chainKeyOf(entityType: string, entityId: string): string {
  return `${entityType}:${entityId}`;
}
