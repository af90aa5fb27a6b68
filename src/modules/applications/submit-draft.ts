import type { Principal } from '../../platform/auth/principal.js';
import { InputError } from '../../platform/http/errors.js';
import type { ApplicationsDeps } from './deps.js';
import type { ApplicationInput } from './models.js';
import { readOwnDraft } from './read-own-draft.js';
import { storeSubmission } from './store-submission.js';
import type { Submitted } from './submit-application.js';

/** Submits a draft: its data must now pass the full `ApplicationInput` schema, then every rule of a submission. */
export async function submitDraft(deps: ApplicationsDeps, actor: Principal, id: string, idempotencyKey?: string): Promise<Submitted> {
  const { result, replayed } = await deps.commands.runIdempotent(
    actor,
    { key: idempotencyKey, operation: 'submitApplicationDraft', request: { id } },
    async (transaction, context) => {
      const draft = await readOwnDraft(deps, actor, id, transaction, true);
      const data = draft.draft ?? { programId: draft.program_id };
      const problems = deps.schemas.validate('ApplicationInput', data, '/data');
      if (problems.length > 0) {
        throw new InputError(
          `The application is not finished: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
          problems,
          'ERR_APPLICATION_INCOMPLETE',
        );
      }
      return storeSubmission(deps, actor, data as ApplicationInput, id, '/data', transaction, context);
    },
  );
  return { application: result, replayed };
}
