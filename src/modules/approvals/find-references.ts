import type { Principal } from '../../platform/auth/principal.js';
import { selectRows } from '../../platform/db/sql.js';
import { visibility } from '../applications/index.js';
import type { ApprovalsDeps } from './deps.js';

/**
 * The references of those of these applications the actor may see, by id: what an officer quotes for the
 * items of a bulk decision. A reference names no one, so this is not recorded as a read.
 */
export async function findReferences(deps: ApprovalsDeps, actor: Principal, applicationIds: string[]): Promise<Map<string, string>> {
  if (applicationIds.length === 0) return new Map();
  const { clause, replacements } = visibility(actor);
  const rows = await selectRows<{ id: string; reference: string }>(
    deps.sequelize,
    `SELECT a.id, a.reference FROM applications a WHERE a.id = ANY (CAST(:ids AS uuid[])) AND a.status <> 'DRAFT' AND ${clause}`,
    { ...replacements, ids: applicationIds },
  );
  return new Map(rows.map((row) => [row.id, row.reference]));
}
