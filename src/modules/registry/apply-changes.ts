import type { Transaction } from '../../platform/db/sql.js';
import { execute } from '../../platform/db/sql.js';
import type { Actor, RegistryDeps } from './deps.js';
import { familyKey, insertFamily, loadFamily, type FamilyRows } from './family-members.js';
import type { Change, FamilyMemberRow, RegistrantRow } from './models.js';

/**
 * Applies changed fields and family members to an existing registrant; records what changed.
 * `currentFamily` saves a read when the caller already holds the family.
 */
export async function applyChanges(
  deps: RegistryDeps,
  actor: Actor,
  current: RegistrantRow,
  columns: Record<string, string | null>,
  family: FamilyRows | undefined,
  transaction: Transaction,
  currentFamily?: FamilyMemberRow[],
): Promise<Record<string, Change>> {
  const { sequelize } = deps;
  const changes: Record<string, Change> = {};
  for (const [column, value] of Object.entries(columns)) {
    const before = (current as unknown as Record<string, unknown>)[column] ?? null;
    if (before !== value) changes[column] = { from: before, to: value };
  }
  if (family) {
    const existing = currentFamily ?? (await loadFamily(deps, [current.id], transaction)).get(current.id) ?? [];
    const before = existing.map(familyKey);
    const after = family.map(familyKey);
    if (before.join('\n') !== after.join('\n')) {
      changes.family_members = {
        from: existing.map((m) => `${m.relation}: ${m.given_name} ${m.family_name}`),
        to: family.map((m) => `${m.relation}: ${m.given_name} ${m.family_name}`),
      };
      await execute(sequelize, 'DELETE FROM family_members WHERE registrant_id = :id', { id: current.id }, transaction);
      await insertFamily(deps, current.id, family, transaction);
    }
  }
  if (Object.keys(changes).length === 0) return changes;
  const updated = Object.keys(columns).filter((c) => c in changes);
  const assignments = [...updated.map((c) => `${c} = :${c}`), 'version = version + 1', 'updated_at = now()', 'updated_by = :actor'];
  await execute(
    sequelize,
    `UPDATE registrants SET ${assignments.join(', ')} WHERE id = :id`,
    { ...columns, id: current.id, actor: actor.username },
    transaction,
  );
  await execute(
    sequelize,
    `INSERT INTO registrant_changes (registrant_id, changed_by_subject, changed_by_username, changes)
     VALUES (:id, :subject, :username, CAST(:changes AS jsonb))`,
    { id: current.id, subject: actor.subject, username: actor.username, changes: JSON.stringify(changes) },
    transaction,
  );
  return changes;
}
