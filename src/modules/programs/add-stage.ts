import { randomUUID } from 'node:crypto';
import type { Program, StageInput } from './models.js';
import { changeStages } from './change-stages.js';
import { checkOfficers } from './officers.js';
import { checkChecklist, insertAt } from './program-rules.js';
import type { Actor, ProgramStore } from './program-store.js';

/** A new stage at `input.position` (default: last); a user named as its officer is checked first. */
export async function addStage(store: ProgramStore, actor: Actor, programId: string, input: StageInput): Promise<Program> {
  const { officers, people } = await checkOfficers(store, [{ officer: input.officer, path: '/body/officer/ref' }]);
  const checklist = checkChecklist(input.checklist ?? [], '/body/checklist');
  const stage = { id: randomUUID(), name: input.name, kind: input.kind, officer: officers[0] ?? input.officer, checklist };
  return changeStages(store, actor, programId, {
    version: input.version,
    change: (stages) => insertAt(stages, stage, input.position),
    people,
    event: { type: 'program.stage-added', stageId: stage.id },
  });
}
