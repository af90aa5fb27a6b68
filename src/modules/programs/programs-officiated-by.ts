import type { Transaction } from '../../platform/db/sql.js';
import { selectRows } from '../../platform/db/sql.js';
import type { ProgramStore } from './program-store.js';

/** Programs in which this person (by subject) is a designated officer of some stage, directly or through a group. */
export async function programsOfficiatedBy(store: ProgramStore, subject: string, transaction?: Transaction): Promise<string[]> {
  const rows = await selectRows<{ program_id: string }>(
    store.sequelize,
    `SELECT DISTINCT s.program_id FROM program_stages s
     LEFT JOIN officer_groups g ON s.officer_type = 'group' AND g.code = s.officer_ref
     WHERE (s.officer_type = 'user' AND s.officer_ref = :subject) OR (:subject = ANY (g.members))`,
    { subject },
    transaction,
  );
  return rows.map((row) => row.program_id);
}
