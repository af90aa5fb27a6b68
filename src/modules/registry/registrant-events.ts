/** The registry's domain events: ids and field names only, never values (personal data). */
import type { DomainEvent } from '../../platform/db/command.js';
import type { Actor } from './deps.js';
import type { Change } from './models.js';

export function enrolled(id: string): DomainEvent {
  return { type: 'registrant.enrolled', aggregateType: 'registrant', aggregateId: id };
}

/** Names the changed fields, never their values (personal data). */
export function changed(id: string, changes: Record<string, Change>): DomainEvent {
  return { type: 'registrant.changed', aggregateType: 'registrant', aggregateId: id, payload: { fields: Object.keys(changes) } };
}

/** A read of several registrants, on the reader's own chain: ids only, never the search terms. */
export function readBy(reader: Actor, type: string, ids: string[]): DomainEvent {
  return { type, aggregateType: 'reader', aggregateId: reader.subject, payload: { registrantIds: ids } };
}
