import type { Principal } from '../../platform/auth/principal.js';
import { execute, selectOne } from '../../platform/db/sql.js';
import { ForbiddenError, InputError, NotFoundError } from '../../platform/http/errors.js';
import { isDesignated, lockApplication, stateOf } from './application-lock.js';
import { stageToDecide } from './approval-states.js';
import type { ApprovalsDeps } from './deps.js';
import type { DocumentVerification, DocumentVerificationInput } from './models.js';
import { checkSeparationOfDuties } from './separation-of-duties.js';

export interface VerifyDocumentOptions {
  applicationId: string;
  documentId: string;
  input: DocumentVerificationInput;
}

/**
 * The officer of the application's current stage marks one attached document verified, or rejected with
 * a reason. Who may is who may decide that stage now (same lock, same checks, same refusals); the verdict
 * is appended, so an earlier stage's verdict stays on record, and the event holds ids and the verdict only.
 */
export async function verifyDocument(deps: ApprovalsDeps, actor: Principal, options: VerifyDocumentOptions): Promise<DocumentVerification> {
  const { applicationId: id, documentId, input } = options;
  const reason = input.reason?.trim() || undefined;
  return deps.commands.run(actor, async (transaction) => {
    const application = await lockApplication(deps, actor, id, transaction);
    const state = stateOf(application);
    const stage = stageToDecide(state, application.stages, state.currentStage ?? 0);
    if (!(await isDesignated(deps, actor, stage, transaction))) {
      throw new ForbiddenError(
        `You are not the designated officer of stage ${stage.position}, where this application waits.`,
        'ERR_APPROVAL_NOT_DESIGNATED',
      );
    }
    await checkSeparationOfDuties(deps, actor, { id, applicantSubject: application.applicant_subject }, transaction);
    const attached = await selectOne<{ document_id: string }>(
      deps.sequelize,
      'SELECT document_id FROM application_documents WHERE application_id = :id AND document_id = :documentId',
      { id, documentId },
      transaction,
    );
    if (!attached) throw new NotFoundError('No document with that id is attached to this application.');
    if (input.verdict === 'rejected' && !reason) {
      throw new InputError(
        'A rejected document says why in words.',
        [{ path: '/body/reason', message: 'is required to reject a document' }],
        'ERR_DOCUMENT_REJECTION_NO_REASON',
      );
    }
    const recordedAt = deps.now();
    await execute(
      deps.sequelize,
      `INSERT INTO document_verifications (application_id, document_id, stage_position, verdict, reason, officer_subject,
         officer_display_name, recorded_at)
       VALUES (:id, :documentId, :position, :verdict, :reason, :subject, :displayName, :recordedAt)`,
      {
        id,
        documentId,
        position: stage.position,
        verdict: input.verdict,
        // A verified document keeps no reason: the reason explains a rejection.
        reason: input.verdict === 'rejected' ? reason : null,
        subject: actor.subject,
        displayName: actor.displayName,
        recordedAt,
      },
      transaction,
    );
    const verification: DocumentVerification = {
      documentId,
      verdict: input.verdict,
      ...(input.verdict === 'rejected' && reason ? { reason } : {}),
      position: stage.position,
      recordedBy: { subject: actor.subject, displayName: actor.displayName },
      recordedAt: recordedAt.toISOString(),
    };
    return {
      result: verification,
      events: [
        {
          type: 'application.document-verified',
          aggregateType: 'application',
          aggregateId: id,
          // The reason in words may name people: ids and the verdict only.
          payload: { documentId, position: stage.position, verdict: input.verdict },
        },
      ],
    };
  });
}
