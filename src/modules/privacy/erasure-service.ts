import { randomUUID } from 'node:crypto';
import type { Principal } from '../../platform/auth/principal.js';
import { completeErasure } from './complete-erasure.js';
import type { ErasureDeps } from './erasure-deps.js';
import type { ErasureRequest } from './erasure-request.js';
import { listPendingErasureRequests } from './list-erasure-requests.js';
import { findOwnErasureRequest, requestErasure, type RequestErasureResult } from './request-erasure.js';

export interface ErasureService {
  requestErasure(actor: Principal, reason: string | undefined): Promise<RequestErasureResult>;
  findOwnErasureRequest(actor: Principal): Promise<ErasureRequest | undefined>;
  listPendingErasureRequests(actor: Principal): Promise<ErasureRequest[]>;
  completeErasure(actor: Principal, requestId: string): Promise<ErasureRequest>;
}

export type ErasureServiceOptions = Omit<ErasureDeps, 'now' | 'newId'> & Partial<Pick<ErasureDeps, 'now' | 'newId'>>;

export function createErasureService(options: ErasureServiceOptions): ErasureService {
  const deps: ErasureDeps = { now: () => new Date(), newId: randomUUID, ...options };
  return {
    requestErasure: (actor, reason) => requestErasure(deps, actor, reason),
    findOwnErasureRequest: (actor) => findOwnErasureRequest(deps, actor),
    listPendingErasureRequests: (actor) => listPendingErasureRequests(deps, actor),
    completeErasure: (actor, requestId) => completeErasure(deps, actor, requestId),
  };
}
