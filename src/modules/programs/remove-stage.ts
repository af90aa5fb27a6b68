import { NotFoundError } from '../../platform/http/errors.js';
import type { Program } from './models.js';
import { changeStages } from './change-stages.js';
import type { Actor, ProgramStore } from './program-store.js';

/** Removes a stage; the ones after it move up. */
export function removeStage(store: ProgramStore, actor: Actor, programId: string, stageId: string, version: number): Promise<Program> {
  return changeStages(store, actor, programId, {
    version,
    change: (stages) => {
      if (!stages.some((s) => s.id === stageId)) throw new NotFoundError('No stage with that id in this program.');
      return stages.filter((s) => s.id !== stageId);
    },
    people: [],
    event: { type: 'program.stage-removed', stageId },
  });
}
