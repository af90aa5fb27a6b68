import type { Principal } from '../../platform/auth/principal.js';
import type { ApplicationsDeps } from './deps.js';
import type { Application, ApplicationInput } from './models.js';
import { storeSubmission } from './store-submission.js';

export interface Submitted {
  application: Application;
  /** True when an Idempotency-Key replayed an earlier submission. */
  replayed: boolean;
}

/**
 * Submits a complete application in one command: checked, linked to the applicant's registry record by
 * the national ID in their token, and stored with a snapshot of what was sent and of the program's stages.
 */
export async function submitApplication(
  deps: ApplicationsDeps,
  actor: Principal,
  input: ApplicationInput,
  idempotencyKey?: string,
): Promise<Submitted> {
  const { result, replayed } = await deps.commands.runIdempotent(
    actor,
    { key: idempotencyKey, operation: 'submitApplication', request: input },
    (transaction, context) => storeSubmission(deps, actor, input, undefined, '/body', transaction, context),
  );
  return { application: result, replayed };
}
