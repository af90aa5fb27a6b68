import type { DirectoryUser } from '../../platform/auth/user-directory.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { CodedLabel, NewStage, Program } from './models.js';
import { rememberOfficers, type StoredOfficer } from './officers.js';
import { bumpProgramVersion, readProgram, rereadProgram, writeStages } from './program-rows.js';
import { assertGroupsExist, assertRunnable } from './program-rules.js';
import type { Actor, ProgramStore } from './program-store.js';

export type StageList = Array<Pick<NewStage, 'name' | 'kind'> & { id: string; officer: StoredOfficer; checklist: CodedLabel[] }>;

export interface StageChange {
  /** The program version the caller read. */
  version: number;
  /** The new stage list from the current one; throws to refuse the change. */
  change(stages: StageList): StageList;
  /** The people the change designates, already checked (see officers.ts). */
  people: DirectoryUser[];
  event: { type: string; stageId: string };
}

/**
 * The one way stages change: lock the program, claim the version, apply the change to the current
 * list, check the program still runs and its groups exist, and store the list whole.
 */
export async function changeStages(store: ProgramStore, actor: Actor, programId: string, stageChange: StageChange): Promise<Program> {
  const { version, change, people, event } = stageChange;
  return store.commands.run(actor, async (transaction) => {
    const found = await readProgram(store, programId, transaction, true);
    if (!found) throw new NotFoundError('No program with that id.');
    await bumpProgramVersion(store, programId, version, transaction);
    const current = found.stages.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      officer: { type: s.officer_type, ref: s.officer_ref },
      checklist: s.checklist,
    }));
    const next = change(current);
    assertRunnable(found.row.state, next);
    await assertGroupsExist(
      store,
      next.map((s) => s.officer),
      transaction,
    );
    await rememberOfficers(store, people, transaction);
    await writeStages(store, programId, next, transaction);
    return {
      result: await rereadProgram(store, programId, transaction),
      events: [{ type: event.type, aggregateType: 'program', aggregateId: programId, payload: { stageId: event.stageId } }],
    };
  });
}
