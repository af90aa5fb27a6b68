import type { Principal } from '../../platform/auth/principal.js';
import { selectOne } from '../../platform/db/sql.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import type { ApplicationsDeps } from './deps.js';
import { toRegistryProposal, type RegistryProposal, type RegistryProposalRow } from './models.js';
import { PROPOSALS_OF_APPLICATION } from './registry-proposal-rows.js';
import { proposalReaders, visibility } from './visibility.js';

/**
 * The registry changes an application's applicant proposed, decided or not, for its first-stage officer
 * (and auditors); the read is recorded. Another officer of the application is refused; anyone who may
 * not see the application is told it does not exist.
 */
export async function listRegistryProposals(deps: ApplicationsDeps, actor: Principal, id: string): Promise<RegistryProposal[]> {
  const { clause, replacements } = visibility(actor);
  const readers = proposalReaders(actor) ?? 'FALSE';
  const row = await selectOne<{ may_read: boolean; proposals: RegistryProposalRow[] | null }>(
    deps.sequelize,
    `SELECT ${readers} AS may_read, CASE WHEN ${readers} THEN ${PROPOSALS_OF_APPLICATION} END AS proposals
     FROM applications a WHERE a.id = :id AND a.status <> 'DRAFT' AND ${clause}`,
    { ...replacements, id },
  );
  if (!row) throw new NotFoundError('No application with that id.');
  if (!row.may_read || !row.proposals) throw notFirstStageOfficer();
  await deps.commands.recordAccess(actor, [{ type: 'application.registry-proposals-read', aggregateType: 'application', aggregateId: id }]);
  return row.proposals.map(toRegistryProposal);
}

export function notFirstStageOfficer(): ForbiddenError {
  return new ForbiddenError(
    "Only the designated officer of this application's first stage decides its proposed registry changes.",
    'ERR_NOT_FIRST_STAGE_OFFICER',
  );
}
