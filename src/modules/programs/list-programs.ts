import { selectPage, type PageRequest } from '../../platform/db/sql.js';
import { toProgram, type Program, type ProgramRow } from './models.js';
import { loadStages } from './program-rows.js';
import { seesClosedPrograms } from './program-rules.js';
import type { Actor, ProgramStore } from './program-store.js';

export interface ListProgramsOptions extends PageRequest {
  state?: 'open' | 'closed';
  code?: string;
}

export interface ProgramPage {
  items: Program[];
  page: number;
  pageSize: number;
  total: number;
}

/** A page of programs by name; applicants and providers only ever see open ones. */
export async function listPrograms(store: ProgramStore, actor: Actor, options: ListProgramsOptions): Promise<ProgramPage> {
  const state = seesClosedPrograms(actor) ? options.state : 'open';
  if (options.state === 'closed' && state === 'open') return { items: [], page: options.page, pageSize: options.pageSize, total: 0 };
  const where = ['(CAST(:state AS varchar) IS NULL OR state = :state)', '(CAST(:code AS varchar) IS NULL OR code = :code)'].join(' AND ');
  const { rows, total } = await selectPage<ProgramRow>(store.sequelize, {
    columns: '*',
    from: 'programs',
    where,
    orderBy: 'name, code',
    replacements: { state: state ?? null, code: options.code ?? null },
    page: options,
  });
  const stages = await loadStages(
    store,
    rows.map((r) => r.id),
  );
  return { items: rows.map((row) => toProgram(row, stages.get(row.id) ?? [])), page: options.page, pageSize: options.pageSize, total };
}
