import type { Principal } from '../../platform/auth/principal.js';
import { selectOne } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { ApplicationsDeps } from './deps.js';
import { toApplication, toRegistryProposal, type Application, type ApplicationRow, type RegistryProposalRow } from './models.js';
import { PROPOSALS_OF_APPLICATION } from './registry-proposal-rows.js';
import { proposalReaders, visibility } from './visibility.js';

/**
 * One submitted application the actor may see; reading someone else's is recorded for auditors. Its
 * first-stage officer (and an auditor) also gets the registry changes its applicant proposed.
 */
export async function getApplication(deps: ApplicationsDeps, actor: Principal, id: string): Promise<Application> {
  const { clause, replacements } = visibility(actor);
  const readers = proposalReaders(actor);
  const proposals = readers ? `CASE WHEN ${readers} THEN ${PROPOSALS_OF_APPLICATION} END` : 'NULL';
  const row = await selectOne<ApplicationRow & { registry_proposals: RegistryProposalRow[] | null }>(
    deps.sequelize,
    `SELECT a.*, ${proposals} AS registry_proposals FROM applications a WHERE a.id = :id AND a.status <> 'DRAFT' AND ${clause}`,
    { ...replacements, id },
  );
  // Someone else's application answers exactly like a missing one.
  if (!row) throw new NotFoundError('No application with that id.');
  if (row.applicant_subject !== actor.subject) {
    await deps.commands.recordAccess(actor, [{ type: 'application.read', aggregateType: 'application', aggregateId: id }]);
  }
  const outcomes = await deps.stageOutcomes.outcomesOf([id]);
  const application = toApplication(row, outcomes.get(id));
  return row.registry_proposals ? { ...application, registryProposals: row.registry_proposals.map(toRegistryProposal) } : application;
}
