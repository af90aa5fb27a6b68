/** The registry's domain events: ids and field names only, never values (personal data). */
import type { DomainEvent } from '../../platform/db/command.js';
import type { Actor } from './deps.js';
import type { RegistryField } from './models.js';
import type { ApplyChangesResult } from './apply-changes.js';

export function enrolled(id: string): DomainEvent {
  return { type: 'registrant.enrolled', aggregateType: 'registrant', aggregateId: id };
}

/** Who set the values: the applicant by applying, or an officer (a correction, an accepted proposal). */
export type ChangeSource = 'applicant' | 'officer';

/**
 * `registrant.changed` naming the changed fields, or `registrant.verified` when an officer only confirmed
 * fields; none when nothing changed. Field names only, never their values (personal data).
 */
export function changeEvent(id: string, { changes, verified }: ApplyChangesResult, source: ChangeSource): DomainEvent | undefined {
  const fields = Object.keys(changes);
  if (fields.length > 0) {
    const payload = verified.length > 0 ? { fields, source, verified } : { fields, source };
    return { type: 'registrant.changed', aggregateType: 'registrant', aggregateId: id, payload };
  }
  if (verified.length > 0) return verifiedBy(id, verified);
  return undefined;
}

function verifiedBy(id: string, fields: RegistryField[]): DomainEvent {
  return { type: 'registrant.verified', aggregateType: 'registrant', aggregateId: id, payload: { fields } };
}

/** A read of several registrants, on the reader's own chain: ids only, never the search terms. */
export function readBy(reader: Actor, type: string, ids: string[]): DomainEvent {
  return { type, aggregateType: 'reader', aggregateId: reader.subject, payload: { registrantIds: ids } };
}
