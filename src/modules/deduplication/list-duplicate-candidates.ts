import type { Principal } from '../../platform/auth/principal.js';
import { selectOne, selectRows, type Transaction } from '../../platform/db/sql.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { proposalReaders, visibility } from '../applications/index.js';
import type { DuplicateMatch } from '../registry/index.js';
import type { DeduplicationDeps } from './deps.js';
import { pairKeyOf, toDuplicateResolution, type DuplicateCandidateList, type DuplicateResolutionRow } from './models.js';

export function notFirstStageOfficer(): ForbiddenError {
  return new ForbiddenError(
    "Only the designated officer of this application's first stage reads and resolves its likely duplicates.",
    'ERR_DEDUP_NOT_FIRST_OFFICER',
  );
}

/** The registry's matches for a registrant, less the pairs resolved already (on any application). */
export async function findOpenCandidates(
  deps: DeduplicationDeps,
  registrantId: string,
  transaction?: Transaction,
): Promise<DuplicateMatch[]> {
  const matches = await deps.registry.findDuplicates(registrantId, transaction);
  if (matches.length === 0) return matches;
  const keys = matches.map((m) => pairKeyOf(m.record, m.match));
  const resolved = await selectRows<{ pair_key: string }>(
    deps.sequelize,
    'SELECT pair_key FROM duplicate_resolutions WHERE pair_key = ANY(CAST(:keys AS text[]))',
    { keys },
    transaction,
  );
  const done = new Set(resolved.map((r) => r.pair_key));
  return matches.filter((m) => !done.has(pairKeyOf(m.record, m.match)));
}

/**
 * The likely duplicates of an application's registrant and family, for its first-stage officer (and
 * auditors), with the resolutions made on it; the read is recorded, naming the other registrants by id.
 * Another officer of the application is refused; anyone who may not see it is told it does not exist.
 */
export async function listDuplicateCandidates(deps: DeduplicationDeps, actor: Principal, id: string): Promise<DuplicateCandidateList> {
  const { clause, replacements } = visibility(actor);
  const readers = proposalReaders(actor) ?? 'FALSE';
  const application = await selectOne<{ registrant_id: string; may_read: boolean }>(
    deps.sequelize,
    `SELECT a.registrant_id, ${readers} AS may_read FROM applications a WHERE a.id = :id AND a.status <> 'DRAFT' AND ${clause}`,
    { ...replacements, id },
  );
  if (!application) throw new NotFoundError('No application with that id.');
  if (!application.may_read) throw notFirstStageOfficer();
  const computedAt = deps.now();
  const candidates = await findOpenCandidates(deps, application.registrant_id);
  const resolutions = await selectRows<DuplicateResolutionRow>(
    deps.sequelize,
    'SELECT * FROM duplicate_resolutions WHERE application_id = :id ORDER BY resolved_at, id',
    { id },
  );
  const others = [...new Set(candidates.map((c) => c.match.registrantId))];
  await deps.commands.recordAccess(actor, [
    { type: 'application.duplicates-read', aggregateType: 'application', aggregateId: id, payload: { registrantIds: others } },
  ]);
  return {
    applicationId: id,
    computedAt: computedAt.toISOString(),
    candidates,
    resolutions: resolutions.map(toDuplicateResolution),
  };
}
