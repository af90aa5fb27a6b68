import { NotFoundError } from '../../platform/http/errors.js';
import { toProgram, type Program } from './models.js';
import { readProgram } from './program-rows.js';
import { seesClosedPrograms } from './program-rules.js';
import type { Actor, ProgramStore } from './program-store.js';

/** One program with its stages. A closed program is invisible to applicants: 404, so its existence does not leak. */
export async function getProgram(store: ProgramStore, actor: Actor, id: string): Promise<Program> {
  const found = await readProgram(store, id);
  if (!found || (found.row.state !== 'open' && !seesClosedPrograms(actor))) throw new NotFoundError('No program with that id.');
  return toProgram(found.row, found.stages);
}
