import type { DomainEvent } from '../../platform/db/command.js';
import { execute, selectRows, type Transaction } from '../../platform/db/sql.js';
import { ConflictError, NotFoundError } from '../../platform/http/errors.js';
import { applyChanges } from './apply-changes.js';
import type { Actor, RegistryDeps } from './deps.js';
import { familyInputsOf, loadFamily } from './family-members.js';
import type { RegistrantRow } from './models.js';
import { SELECT_REGISTRANT } from './registrant-rows.js';

export interface MergeRegistrantsOptions {
  /** The registrant that stays (the one the application is about). */
  keptId: string;
  /** The registrant found to be the same person, merged into the kept one. */
  mergedId: string;
}

/** Optional fields the kept registrant takes from the merged one when it has none of its own. */
const FILLABLE = ['occupation', 'district', 'locality', 'address_line', 'phone', 'email'] as const;

/**
 * Merges one registrant into another, losing nothing: the kept registrant takes the merged one's optional
 * values where it has none (each recorded as a change), and its history records every value the merged
 * record held (fields and family) under `merged_registrant`. The merged registrant stays, with its own
 * history and a change that records where it went (`merged_into`); searches and duplicate look-ups leave
 * it out, and registrants merged into it earlier now point to the kept one. Both rows are locked (in id
 * order, so two merges of one pair cannot deadlock); a registrant already merged is a conflict.
 */
export async function mergeRegistrants(
  deps: RegistryDeps,
  actor: Actor,
  { keptId, mergedId }: MergeRegistrantsOptions,
  transaction: Transaction,
): Promise<DomainEvent[]> {
  const { sequelize } = deps;
  // The duplicate search never pairs a registrant with itself: a caller's mistake.
  if (keptId === mergedId) throw new TypeError('a registrant cannot be merged into itself');
  const rows = await selectRows<RegistrantRow>(
    sequelize,
    `${SELECT_REGISTRANT} WHERE id = ANY(CAST(:ids AS uuid[])) ORDER BY id FOR UPDATE`,
    { ids: [keptId, mergedId] },
    transaction,
  );
  const kept = rows.find((r) => r.id === keptId);
  const merged = rows.find((r) => r.id === mergedId);
  if (!kept || !merged) throw new NotFoundError('No registrant with that id.');
  if (kept.merged_into || merged.merged_into) {
    throw new ConflictError('One of these registrants was merged into another already.', 'ERR_REGISTRANT_MERGED');
  }
  const mergedFamily = (await loadFamily(deps, [mergedId], transaction)).get(mergedId) ?? [];
  const fill: Record<string, string | null> = {};
  for (const column of FILLABLE) if (kept[column] === null && merged[column] !== null) fill[column] = merged[column];
  const applied = await applyChanges(deps, actor, kept, fill, undefined, transaction);
  const { merged_into: _into, verified_fields: _verified, version: _version, created_at, updated_at, ...values } = merged;
  const record = {
    ...values,
    created_at: created_at.toISOString(),
    updated_at: updated_at.toISOString(),
    family_members: familyInputsOf(mergedFamily),
  };
  await execute(
    sequelize,
    `INSERT INTO registrant_changes (registrant_id, changed_by_subject, changed_by_username, changes)
     VALUES (:id, :subject, :username, CAST(:changes AS jsonb))`,
    {
      id: keptId,
      subject: actor.subject,
      username: actor.username,
      changes: JSON.stringify({ merged_registrant: { from: null, to: record } }),
    },
    transaction,
  );
  await execute(
    sequelize,
    `UPDATE registrants SET merged_into = :keptId, version = version + 1, updated_at = now(), updated_by = :actor WHERE id = :mergedId`,
    { keptId, mergedId, actor: actor.username },
    transaction,
  );
  await execute(sequelize, 'UPDATE registrants SET merged_into = :keptId WHERE merged_into = :mergedId', { keptId, mergedId }, transaction);
  await execute(
    sequelize,
    `INSERT INTO registrant_changes (registrant_id, changed_by_subject, changed_by_username, changes)
     VALUES (:id, :subject, :username, CAST(:changes AS jsonb))`,
    {
      id: mergedId,
      subject: actor.subject,
      username: actor.username,
      changes: JSON.stringify({ merged_into: { from: null, to: keptId } }),
    },
    transaction,
  );
  const filled = Object.keys(applied.changes);
  return [
    { type: 'registrant.merged', aggregateType: 'registrant', aggregateId: keptId, payload: { mergedId, filled } },
    { type: 'registrant.merged-into', aggregateType: 'registrant', aggregateId: mergedId, payload: { keptId } },
  ];
}
