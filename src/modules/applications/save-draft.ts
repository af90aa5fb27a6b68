import type { Principal } from '../../platform/auth/principal.js';
import { execute } from '../../platform/db/sql.js';
import { UnprocessableError } from '../../platform/http/errors.js';
import type { ApplicationsDeps } from './deps.js';
import { toDraft, type ApplicationDraft, type ApplicationDraftInput } from './models.js';
import { readOwnDraft } from './read-own-draft.js';

/** Replaces the draft's data as it stands; moving it to another program requires that one to be open. */
export async function saveDraft(
  deps: ApplicationsDeps,
  actor: Principal,
  id: string,
  input: ApplicationDraftInput,
): Promise<ApplicationDraft> {
  return deps.commands.run(actor, async (transaction) => {
    const current = await readOwnDraft(deps, actor, id, transaction, true);
    if (current.program_id !== input.programId && !(await deps.programs.findOpenProgram(input.programId, transaction))) {
      throw new UnprocessableError('That program does not exist or does not take applications now.', 'ERR_PROGRAM_CLOSED');
    }
    await execute(
      deps.sequelize,
      `UPDATE applications SET draft = CAST(:draft AS jsonb), program_id = :programId, updated_at = now(), version = version + 1
       WHERE id = :id`,
      { id, programId: input.programId, draft: JSON.stringify(input) },
      transaction,
    );
    return {
      result: toDraft(await readOwnDraft(deps, actor, id, transaction)),
      events: [{ type: 'application.draft-saved', aggregateType: 'application', aggregateId: id, payload: { programId: input.programId } }],
    };
  });
}
