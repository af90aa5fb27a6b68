import { randomUUID } from 'node:crypto';
import type { Principal } from '../../platform/auth/principal.js';
import { lockQuota } from '../../platform/db/quota-lock.js';
import { execute, selectOne, type Transaction } from '../../platform/db/sql.js';
import { ConflictError, UnprocessableError } from '../../platform/http/errors.js';
import type { ApplicationsDeps } from './deps.js';
import { toDraft, type ApplicationDraft, type ApplicationDraftInput } from './models.js';
import { readOwnDraft } from './read-own-draft.js';
import { formatReference } from './reference.js';

/**
 * Refuses a new draft when the applicant already has `limit` open (started, neither submitted nor
 * discarded). Counted under the applicant's quota lock, so two requests at the edge cannot both pass.
 */
async function checkOpenDraftQuota(deps: ApplicationsDeps, actor: Principal, transaction: Transaction): Promise<void> {
  await lockQuota(deps.sequelize, transaction, 'open-drafts', actor.subject);
  const row = await selectOne<{ open: number }>(
    deps.sequelize,
    "SELECT count(*)::int AS open FROM applications WHERE applicant_subject = :subject AND status = 'DRAFT'",
    { subject: actor.subject },
    transaction,
  );
  if ((row?.open ?? 0) >= deps.maxOpenDrafts) {
    throw new ConflictError(
      `One person may have at most ${deps.maxOpenDrafts} applications started and not sent; send or discard one to start another.`,
      'ERR_DRAFT_QUOTA_REACHED',
    );
  }
}

/** Starts a draft for an open program; it gets its reference now and is checked in full only when submitted. */
export async function startDraft(deps: ApplicationsDeps, actor: Principal, input: ApplicationDraftInput): Promise<ApplicationDraft> {
  if (!(await deps.programs.findOpenProgram(input.programId)))
    throw new UnprocessableError('That program does not exist or does not take applications now.', 'ERR_PROGRAM_CLOSED');
  const id = randomUUID();
  const reference = formatReference(await deps.nextApplicationNumber(), deps.referenceKey);
  return deps.commands.run(actor, async (transaction) => {
    await checkOpenDraftQuota(deps, actor, transaction);
    await execute(
      deps.sequelize,
      `INSERT INTO applications (id, reference, program_id, applicant_subject, applicant_username, status, draft)
       VALUES (:id, :reference, :programId, :subject, :username, 'DRAFT', CAST(:draft AS jsonb))`,
      { id, reference, programId: input.programId, subject: actor.subject, username: actor.username, draft: JSON.stringify(input) },
      transaction,
    );
    return {
      result: toDraft(await readOwnDraft(deps, actor, id, transaction)),
      events: [
        { type: 'application.draft-started', aggregateType: 'application', aggregateId: id, payload: { programId: input.programId } },
      ],
    };
  });
}
