/** An erasure request as stored and as the API shows it. */
import type { components } from '../../generated/openapi.js';

export type ErasureRequest = components['schemas']['ErasureRequest'];

export interface ErasureRequestRow {
  id: string;
  subject: string;
  username: string | null;
  reason: string | null;
  status: 'PENDING' | 'COMPLETED';
  requested_at: Date;
  completed_at: Date | null;
}

export function toErasureRequest(row: ErasureRequestRow): ErasureRequest {
  return {
    id: row.id,
    status: row.status,
    reason: row.reason,
    requestedBy: row.username,
    requestedAt: row.requested_at.toISOString(),
    completedAt: row.completed_at ? row.completed_at.toISOString() : null,
  };
}
