import type { Transaction } from '../../platform/db/sql.js';
import { selectRows } from '../../platform/db/sql.js';
import type { ProgramStore } from './program-store.js';

/** The codes of the officer groups this person (by subject) is a member of. */
export async function officerGroupsOf(store: ProgramStore, subject: string, transaction?: Transaction): Promise<string[]> {
  const rows = await selectRows<{ code: string }>(
    store.sequelize,
    'SELECT code FROM officer_groups WHERE :subject = ANY (members) ORDER BY code',
    { subject },
    transaction,
  );
  return rows.map((row) => row.code);
}
