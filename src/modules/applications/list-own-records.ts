import { selectRows } from '../../platform/db/sql.js';
import type { ApplicationsDeps } from './deps.js';
import {
  toApplication,
  toDraft,
  type Application,
  type ApplicationDraft,
  type ApplicationRow,
  type RegistryProposal,
  type RegistryProposalRow,
} from './models.js';
import { PROPOSALS_OF_APPLICATION } from './registry-proposal-rows.js';

/** A registry change the applicant proposed, as they may see it: the officer's decision and when, not who made it. */
export type OwnRegistryProposal = Omit<RegistryProposal, 'decidedBy'>;

/** One of a person's own applications, submitted or draft, with the registry changes it proposed. */
export type OwnApplicationRecord = (Application | ApplicationDraft) & { registryProposals: OwnRegistryProposal[] };

/**
 * Every application `subject` started, drafts included, oldest first, with its decided stages (as the applicant
 * sees them) and its registry proposals: the person's own copy of what the service holds (the export).
 */
export async function listOwnRecords(deps: ApplicationsDeps, subject: string): Promise<OwnApplicationRecord[]> {
  const rows = await selectRows<ApplicationRow & { registry_proposals: RegistryProposalRow[] }>(
    deps.sequelize,
    `SELECT a.*, ${PROPOSALS_OF_APPLICATION} AS registry_proposals FROM applications a
     WHERE a.applicant_subject = :subject ORDER BY a.created_at, a.id`,
    { subject },
  );
  const submitted = rows.filter((row) => row.status !== 'DRAFT').map((row) => row.id);
  const outcomes = await deps.stageOutcomes.outcomesOf(submitted);
  return rows.map((row) => {
    const application = row.status === 'DRAFT' ? toDraft(row) : toApplication(row, outcomes.get(row.id));
    const registryProposals = row.registry_proposals.map((proposal) => {
      const own: OwnRegistryProposal = {
        field: proposal.field,
        proposedValue: proposal.proposed_value,
        registryValue: proposal.registry_value,
      };
      return proposal.decision && proposal.decided_at
        ? { ...own, decision: proposal.decision, decidedAt: new Date(proposal.decided_at).toISOString() }
        : own;
    });
    return { ...application, registryProposals };
  });
}
