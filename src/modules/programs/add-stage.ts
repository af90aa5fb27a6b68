import { randomUUID } from 'node:crypto';
import type { Program, StageInput } from './models.js';
import { changeStages } from './change-stages.js';
import { insertAt } from './program-rules.js';
import type { Actor, ProgramStore } from './program-store.js';

/** A new stage at `input.position` (default: last). */
export function addStage(store: ProgramStore, actor: Actor, programId: string, input: StageInput): Promise<Program> {
  const stage = { id: randomUUID(), name: input.name, kind: input.kind, officer: input.officer };
  return changeStages(store, actor, programId, {
    version: input.version,
    change: (stages) => insertAt(stages, stage, input.position),
    event: { type: 'program.stage-added', stageId: stage.id },
  });
}
