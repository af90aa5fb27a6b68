import { NotFoundError } from '../../platform/http/errors.js';
import type { Program, StagePatch } from './models.js';
import { changeStages } from './change-stages.js';
import { checkOfficers } from './officers.js';
import { checkChecklist, insertAt } from './program-rules.js';
import type { Actor, ProgramStore } from './program-store.js';

/** Renames a stage, changes its kind, officer or checklist, or moves it; what the patch leaves out stays. */
export async function updateStage(
  store: ProgramStore,
  actor: Actor,
  programId: string,
  stageId: string,
  patch: StagePatch,
): Promise<Program> {
  const { officers, people } = patch.officer
    ? await checkOfficers(store, [{ officer: patch.officer, path: '/body/officer/ref' }])
    : { officers: [], people: [] };
  const officer = officers[0];
  const checklist = patch.checklist && checkChecklist(patch.checklist, '/body/checklist');
  return changeStages(store, actor, programId, {
    version: patch.version,
    change: (stages) => {
      const current = stages.find((s) => s.id === stageId);
      if (!current) throw new NotFoundError('No stage with that id in this program.');
      const changed = {
        ...current,
        name: patch.name ?? current.name,
        kind: patch.kind ?? current.kind,
        officer: officer ?? current.officer,
        checklist: checklist ?? current.checklist,
      };
      const others = stages.filter((s) => s.id !== stageId);
      return insertAt(others, changed, patch.position ?? stages.indexOf(current) + 1);
    },
    people,
    event: { type: 'program.stage-changed', stageId },
  });
}
