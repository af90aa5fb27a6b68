import type { Principal } from '../../platform/auth/principal.js';
import type { DomainEvent } from '../../platform/db/command.js';
import { selectOne } from '../../platform/db/sql.js';
import { ConflictError, NotFoundError } from '../../platform/http/errors.js';
import type { ApplicationsDeps } from './deps.js';
import { notFirstStageOfficer } from './list-registry-proposals.js';
import { toRegistryProposal, type RegistryProposal, type RegistryProposalDecision, type RegistryProposalRow } from './models.js';
import { IS_FIRST_STAGE_OFFICER, visibility } from './visibility.js';

export interface DecideRegistryProposalOptions {
  applicationId: string;
  field: RegistryProposal['field'];
  decision: RegistryProposalDecision;
  idempotencyKey?: string;
}

export interface DecideRegistryProposalResult {
  proposal: RegistryProposal;
  /** True when an Idempotency-Key replayed an earlier decision. */
  replayed: boolean;
}

/**
 * The first-stage officer decides one registry change the applicant proposed: `accept` writes the value to
 * the registry, verified by them; `keep` leaves the registry as it is. Decided once (the proposal row is
 * locked, a second decision is a conflict), recorded with who and when, in one command.
 */
export async function decideRegistryProposal(
  deps: ApplicationsDeps,
  actor: Principal,
  options: DecideRegistryProposalOptions,
): Promise<DecideRegistryProposalResult> {
  const { applicationId: id, field, decision } = options;
  const { result, replayed } = await deps.commands.runIdempotent(
    actor,
    { key: options.idempotencyKey, operation: 'decideRegistryProposal', request: { id, field, decision } },
    async (transaction) => {
      const { clause, replacements } = visibility(actor);
      const application = await selectOne<{ registrant_id: string; applicant_subject: string; first_stage: boolean }>(
        deps.sequelize,
        `SELECT a.registrant_id, a.applicant_subject, ${IS_FIRST_STAGE_OFFICER} AS first_stage
         FROM applications a WHERE a.id = :id AND a.status <> 'DRAFT' AND ${clause}`,
        { ...replacements, id },
        transaction,
      );
      if (!application) throw new NotFoundError('No application with that id.');
      // Nobody decides about their own application, whatever else they are.
      if (!application.first_stage || application.applicant_subject === actor.subject) throw notFirstStageOfficer();
      const proposal = await selectOne<RegistryProposalRow>(
        deps.sequelize,
        'SELECT * FROM application_registry_proposals WHERE application_id = :id AND field = :field FOR UPDATE',
        { id, field },
        transaction,
      );
      if (!proposal) throw new NotFoundError(`This application proposes no change of ${field}.`);
      if (proposal.decision !== null)
        throw new ConflictError(`The proposed change of ${field} was decided already.`, 'ERR_PROPOSAL_DECIDED');
      const events: DomainEvent[] = [
        { type: 'application.registry-proposal-decided', aggregateType: 'application', aggregateId: id, payload: { field, decision } },
      ];
      if (decision === 'accept') {
        const registrantEvent = await deps.registry.acceptProposedChange(
          actor,
          {
            registrantId: application.registrant_id,
            proposal: { field, proposedValue: proposal.proposed_value, registryValue: proposal.registry_value },
          },
          transaction,
        );
        if (registrantEvent) events.push(registrantEvent);
      }
      const decided = await selectOne<RegistryProposalRow>(
        deps.sequelize,
        `UPDATE application_registry_proposals
         SET decision = :decision, decided_by_subject = :subject, decided_by_username = :username, decided_at = :decidedAt
         WHERE application_id = :id AND field = :field RETURNING *`,
        { id, field, decision, subject: actor.subject, username: actor.username, decidedAt: deps.now() },
        transaction,
      );
      if (!decided) throw new NotFoundError(`This application proposes no change of ${field}.`);
      return { result: toRegistryProposal(decided), events };
    },
  );
  return { proposal: result, replayed };
}
