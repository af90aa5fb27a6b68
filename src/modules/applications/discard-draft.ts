import type { Principal } from '../../platform/auth/principal.js';
import { execute } from '../../platform/db/sql.js';
import type { ApplicationsDeps } from './deps.js';
import { readOwnDraft } from './read-own-draft.js';

/** Deletes the caller's draft; a submitted application is never discarded. */
export async function discardDraft(deps: ApplicationsDeps, actor: Principal, id: string): Promise<void> {
  await deps.commands.run(actor, async (transaction) => {
    await readOwnDraft(deps, actor, id, transaction, true);
    await execute(deps.sequelize, "DELETE FROM applications WHERE id = :id AND status = 'DRAFT'", { id }, transaction);
    return { result: undefined, events: [{ type: 'application.draft-discarded', aggregateType: 'application', aggregateId: id }] };
  });
}
