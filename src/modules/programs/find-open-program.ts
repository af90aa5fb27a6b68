import type { Transaction } from 'sequelize';
import { selectOne } from '../../platform/db/sql.js';
import { toProgram, type Program, type ProgramRow, type StageRow } from './models.js';
import { STAGE_COLUMNS, STAGES_WITH_NAMES } from './program-rows.js';
import type { ProgramStore } from './program-store.js';

/** The program with its current stages, for an application to snapshot; only open programs. One round trip. */
export async function findOpenProgram(store: ProgramStore, id: string, transaction?: Transaction): Promise<Program | undefined> {
  const row = await selectOne<ProgramRow & { stage_rows: StageRow[] }>(
    store.sequelize,
    `SELECT p.*, COALESCE((SELECT json_agg(x ORDER BY x.position) FROM (
         SELECT ${STAGE_COLUMNS} FROM ${STAGES_WITH_NAMES} WHERE s.program_id = p.id) x), '[]') AS stage_rows
     FROM programs p WHERE p.id = :id AND p.state = 'open'`,
    { id },
    transaction,
  );
  if (!row) return undefined;
  const { stage_rows: stages, ...program } = row;
  return toProgram(program, stages);
}
