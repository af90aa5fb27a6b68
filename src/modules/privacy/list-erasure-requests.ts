import { requireActorRole } from '../../platform/auth/require-role.js';
import type { Principal } from '../../platform/auth/principal.js';
import { selectRows } from '../../platform/db/sql.js';
import type { ErasureDeps } from './erasure-deps.js';
import { toErasureRequest, type ErasureRequest, type ErasureRequestRow } from './erasure-request.js';

/** The pending requests, oldest first, for the program manager. */
export async function listPendingErasureRequests(deps: ErasureDeps, actor: Principal): Promise<ErasureRequest[]> {
  requireActorRole(actor, ['program-manager']);
  const rows = await selectRows<ErasureRequestRow>(
    deps.sequelize,
    "SELECT * FROM erasure_requests WHERE status = 'PENDING' ORDER BY requested_at, id LIMIT 500",
  );
  return rows.map(toErasureRequest);
}
