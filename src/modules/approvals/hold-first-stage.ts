import type { Principal } from '../../platform/auth/principal.js';
import type { Transaction } from '../../platform/db/sql.js';
import { ForbiddenError } from '../../platform/http/errors.js';
import { isDesignated, lockApplication, stateOf } from './application-lock.js';
import { stageToDecide } from './approval-states.js';
import type { ApprovalsDeps } from './deps.js';
import { checkSeparationOfDuties } from './separation-of-duties.js';

export interface FirstStageHold {
  applicationId: string;
  registrantId: string;
}

/**
 * For work of the first stage other than its decision (deduplication): the application, locked until the
 * caller's command ends, when it waits at its first stage (409 otherwise, as for a decision) and the actor
 * is that stage's designated officer (403) who may decide it under the separation of duties (403).
 * Anyone who may not see the application gets 404.
 */
export async function holdFirstStage(
  deps: ApprovalsDeps,
  actor: Principal,
  applicationId: string,
  transaction: Transaction,
): Promise<FirstStageHold> {
  const application = await lockApplication(deps, actor, applicationId, transaction);
  const stage = stageToDecide(stateOf(application), application.stages, 1);
  if (!(await isDesignated(deps, actor, stage, transaction))) {
    throw new ForbiddenError(
      "Only the designated officer of this application's first stage resolves its likely duplicates.",
      'ERR_DEDUP_NOT_FIRST_OFFICER',
    );
  }
  await checkSeparationOfDuties(deps, actor, { id: applicationId, applicantSubject: application.applicant_subject }, transaction);
  return { applicationId, registrantId: application.registrant_id };
}
