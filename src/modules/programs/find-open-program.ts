import type { Transaction } from '../../platform/db/sql.js';
import { selectOne } from '../../platform/db/sql.js';
import { toOpenProgram, type OpenProgram, type ProgramRow, type StageRow } from './models.js';
import type { ProgramStore } from './program-store.js';

/**
 * The program with its current stages, for an application to snapshot; only open programs. One round
 * trip, and no officer names: it is on the submission's hot path and a decision needs only the subject.
 */
export async function findOpenProgram(store: ProgramStore, id: string, transaction?: Transaction): Promise<OpenProgram | undefined> {
  const row = await selectOne<ProgramRow & { stage_rows: StageRow[] }>(
    store.sequelize,
    `SELECT p.*, COALESCE((SELECT json_agg(s ORDER BY s.position) FROM program_stages s WHERE s.program_id = p.id), '[]') AS stage_rows
     FROM programs p WHERE p.id = :id AND p.state = 'open'`,
    { id },
    transaction,
  );
  if (!row) return undefined;
  const { stage_rows: stages, ...program } = row;
  return toOpenProgram(program, stages);
}
