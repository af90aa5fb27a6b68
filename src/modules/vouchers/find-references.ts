import { selectRows } from '../../platform/db/sql.js';
import type { VouchersDeps } from './deps.js';

/** The references of submitted applications by id (what an issuance result names; not personal data). */
export async function findApplicationReferences(deps: VouchersDeps, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await selectRows<{ id: string; reference: string }>(
    deps.sequelize,
    "SELECT id, reference FROM applications WHERE id = ANY(CAST(:ids AS uuid[])) AND status <> 'DRAFT'",
    { ids: [...ids] },
  );
  return new Map(rows.map((row) => [row.id, row.reference]));
}
