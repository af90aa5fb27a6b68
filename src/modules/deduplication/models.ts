import type { components } from '../../generated/openapi.js';
import type { PersonKind } from '../registry/index.js';

export type DuplicateCandidateList = components['schemas']['DuplicateCandidateList'];
export type DuplicateResolution = components['schemas']['DuplicateResolution'];
export type DuplicateResolutionInput = components['schemas']['DuplicateResolutionInput'];
export type PersonRef = components['schemas']['PersonRef'];

/** A row of `duplicate_resolutions`. */
export interface DuplicateResolutionRow {
  application_id: string;
  record_kind: PersonKind;
  record_id: string;
  match_kind: PersonKind;
  match_id: string;
  resolution: DuplicateResolution['resolution'];
  reason: string | null;
  match_type: DuplicateResolution['kind'];
  score: string;
  matched_on: DuplicateResolution['matchedOn'];
  resolved_by_subject: string;
  resolved_by_display_name: string;
  resolved_at: Date;
}

/** The pair, in a fixed order: the same two people give the same key from either side. */
export function pairKeyOf(a: PersonRef, b: PersonRef): string {
  return [`${a.kind}:${a.id}`, `${b.kind}:${b.id}`].sort().join('|');
}

export function toDuplicateResolution(row: DuplicateResolutionRow): DuplicateResolution {
  return {
    applicationId: row.application_id,
    record: { kind: row.record_kind, id: row.record_id },
    match: { kind: row.match_kind, id: row.match_id },
    resolution: row.resolution,
    ...(row.reason ? { reason: row.reason } : {}),
    kind: row.match_type,
    score: Number(row.score),
    matchedOn: row.matched_on,
    resolvedBy: { subject: row.resolved_by_subject, displayName: row.resolved_by_display_name },
    resolvedAt: row.resolved_at.toISOString(),
  };
}
