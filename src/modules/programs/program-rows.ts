/** Reading and writing the rows of a program and its stages, inside the caller's transaction. */
import { randomUUID } from 'node:crypto';
import type { Transaction } from '../../platform/db/sql.js';
import { execute, selectOne, selectRows } from '../../platform/db/sql.js';
import { ConflictError, NotFoundError } from '../../platform/http/errors.js';
import { toProgram, type CodedLabel, type NewStage, type Program, type ProgramRow, type StageRow } from './models.js';
import type { StoredOfficer } from './officers.js';
import type { ProgramStore } from './program-store.js';

/** Stages (`s`) with their officer's name: a person as last checked, or a group. */
const STAGES_WITH_NAMES = `program_stages s
  LEFT JOIN officers o ON s.officer_type = 'user' AND o.subject = s.officer_ref
  LEFT JOIN officer_groups g ON s.officer_type = 'group' AND g.code = s.officer_ref`;

/** The columns of a {@link StageRow} from {@link STAGES_WITH_NAMES}. */
const STAGE_COLUMNS = 's.*, COALESCE(o.display_name, g.name) AS officer_display_name, o.username AS officer_username';

export interface ProgramWithStages {
  row: ProgramRow;
  stages: StageRow[];
}

/** The stages of each program, in order; a program without stages maps to an empty list. */
export async function loadStages(store: ProgramStore, programIds: string[], transaction?: Transaction): Promise<Map<string, StageRow[]>> {
  const byProgram = new Map<string, StageRow[]>(programIds.map((id) => [id, []]));
  if (programIds.length === 0) return byProgram;
  const rows = await selectRows<StageRow>(
    store.sequelize,
    `SELECT ${STAGE_COLUMNS} FROM ${STAGES_WITH_NAMES} WHERE s.program_id = ANY(:ids) ORDER BY s.program_id, s.position`,
    { ids: programIds },
    transaction,
  );
  for (const row of rows) byProgram.get(row.program_id)?.push(row);
  return byProgram;
}

/** The program and its stages; `lock` holds the program row until the transaction ends. */
export async function readProgram(
  store: ProgramStore,
  id: string,
  transaction?: Transaction,
  lock = false,
): Promise<ProgramWithStages | undefined> {
  const row = await selectOne<ProgramRow>(
    store.sequelize,
    `SELECT * FROM programs WHERE id = :id${lock ? ' FOR UPDATE' : ''}`,
    { id },
    transaction,
  );
  if (!row) return undefined;
  return { row, stages: (await loadStages(store, [id], transaction)).get(id) ?? [] };
}

/** The program as the API shows it, read again after a change in the same transaction. */
export async function rereadProgram(store: ProgramStore, id: string, transaction: Transaction): Promise<Program> {
  const found = await readProgram(store, id, transaction);
  if (!found) throw new NotFoundError('No program with that id.');
  return toProgram(found.row, found.stages);
}

/** Replaces the program's stages with `stages`, numbered from 1 in the order given. */
export async function writeStages(
  store: ProgramStore,
  programId: string,
  stages: Array<Pick<NewStage, 'name' | 'kind'> & { id?: string; officer: StoredOfficer; checklist: CodedLabel[] }>,
  transaction: Transaction,
): Promise<void> {
  await execute(store.sequelize, 'DELETE FROM program_stages WHERE program_id = :programId', { programId }, transaction);
  for (const [index, stage] of stages.entries()) {
    await execute(
      store.sequelize,
      `INSERT INTO program_stages (id, program_id, position, name, kind, officer_type, officer_ref, checklist)
       VALUES (:id, :programId, :position, :name, :kind, :officerType, :officerRef, CAST(:checklist AS jsonb))`,
      {
        id: stage.id ?? randomUUID(),
        programId,
        position: index + 1,
        name: stage.name,
        kind: stage.kind,
        officerType: stage.officer.type,
        officerRef: stage.officer.ref,
        checklist: JSON.stringify(stage.checklist),
      },
      transaction,
    );
  }
}

/** Claims the version the caller read, so two editors cannot both win. */
export async function bumpProgramVersion(store: ProgramStore, id: string, version: number, transaction: Transaction): Promise<void> {
  const updated = await execute(
    store.sequelize,
    'UPDATE programs SET version = version + 1, updated_at = now() WHERE id = :id AND version = :version',
    { id, version },
    transaction,
  );
  if (updated === 1) return;
  const exists = await selectOne<{ id: string }>(store.sequelize, 'SELECT id FROM programs WHERE id = :id', { id }, transaction);
  if (!exists) throw new NotFoundError('No program with that id.');
  throw new ConflictError('The program was changed by someone else since you read it; reload it and try again.', 'ERR_VERSION_CONFLICT');
}
