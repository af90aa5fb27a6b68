import { requireActorRole } from '../../platform/auth/require-role.js';
import type { Principal } from '../../platform/auth/principal.js';
import { selectOne } from '../../platform/db/sql.js';
import type { ErasureDeps } from './erasure-deps.js';
import { toErasureRequest, type ErasureRequest, type ErasureRequestRow } from './erasure-request.js';

export interface RequestErasureResult {
  request: ErasureRequest;
  /** False when a pending request was already there and is returned instead. */
  created: boolean;
}

/**
 * An applicant asks for their own data (by subject) to be erased. Idempotent: while a request is pending,
 * asking again returns it. The event carries the request's id only; the reason stays in its row.
 */
export async function requestErasure(deps: ErasureDeps, actor: Principal, reason: string | undefined): Promise<RequestErasureResult> {
  requireActorRole(actor, ['applicant']);
  const text = reason?.trim() || null;
  return deps.commands.run<RequestErasureResult>(actor, async (transaction) => {
    const inserted = await selectOne<ErasureRequestRow>(
      deps.sequelize,
      `INSERT INTO erasure_requests (id, subject, username, reason, status, requested_at)
       VALUES (:id, :subject, :username, :reason, 'PENDING', :now)
       ON CONFLICT (subject) WHERE status = 'PENDING' DO NOTHING
       RETURNING *`,
      { id: deps.newId(), subject: actor.subject, username: actor.username, reason: text, now: deps.now() },
      transaction,
    );
    if (inserted) {
      const event = { type: 'erasure.requested', aggregateType: 'erasure-request', aggregateId: inserted.id };
      return { result: { request: toErasureRequest(inserted), created: true }, events: [event] };
    }
    const pending = await selectOne<ErasureRequestRow>(
      deps.sequelize,
      "SELECT * FROM erasure_requests WHERE subject = :subject AND status = 'PENDING'",
      { subject: actor.subject },
      transaction,
    );
    if (!pending) throw new Error('an erasure request conflicted but none is pending');
    return { result: { request: toErasureRequest(pending), created: false }, events: [] };
  });
}

/** The caller's newest request, pending or completed; undefined when they never asked. */
export async function findOwnErasureRequest(deps: ErasureDeps, actor: Principal): Promise<ErasureRequest | undefined> {
  requireActorRole(actor, ['applicant']);
  const row = await selectOne<ErasureRequestRow>(
    deps.sequelize,
    'SELECT * FROM erasure_requests WHERE subject = :subject ORDER BY requested_at DESC, id LIMIT 1',
    { subject: actor.subject },
  );
  return row ? toErasureRequest(row) : undefined;
}
