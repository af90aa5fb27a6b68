import type { Transaction } from '../../platform/db/sql.js';
import { execute } from '../../platform/db/sql.js';
import type { Actor, RegistryDeps } from './deps.js';
import { insertFamily, isSameFamily, loadFamily, type FamilyRows } from './family-members.js';
import type { Change, FamilyMemberRow, RegistrantRow, RegistryField } from './models.js';

export interface ApplyChangesOptions {
  /** Saves a read when the caller already holds the family. */
  currentFamily?: FamilyMemberRow[];
  /** Fields an officer set or confirmed: they join the registrant's verified fields. */
  verify?: RegistryField[];
}

export interface ApplyChangesResult {
  /** Each changed field's value before and after, as `registrant_changes` recorded it. */
  changes: Record<string, Change>;
  /** Fields that were not verified before and are now. */
  verified: RegistryField[];
}

/**
 * Applies changed fields and family members to an existing registrant; records what changed, and which
 * fields an officer has now verified. Nothing is written when nothing changes.
 */
export async function applyChanges(
  deps: RegistryDeps,
  actor: Actor,
  current: RegistrantRow,
  columns: Record<string, string | null>,
  family: FamilyRows | undefined,
  transaction: Transaction,
  options: ApplyChangesOptions = {},
): Promise<ApplyChangesResult> {
  const { sequelize } = deps;
  const changes: Record<string, Change> = {};
  for (const [column, value] of Object.entries(columns)) {
    const before = (current as unknown as Record<string, unknown>)[column] ?? null;
    if (before !== value) changes[column] = { from: before, to: value };
  }
  if (family) {
    const existing = options.currentFamily ?? (await loadFamily(deps, [current.id], transaction)).get(current.id) ?? [];
    if (!isSameFamily(existing, family)) {
      changes.family_members = {
        from: existing.map((m) => `${m.relation}: ${m.given_name} ${m.family_name}`),
        to: family.map((m) => `${m.relation}: ${m.given_name} ${m.family_name}`),
      };
      await execute(sequelize, 'DELETE FROM family_members WHERE registrant_id = :id', { id: current.id }, transaction);
      await insertFamily(deps, current.id, family, transaction);
    }
  }
  const verified = [...new Set(options.verify ?? [])].filter((field) => !current.verified_fields.includes(field));
  if (Object.keys(changes).length === 0 && verified.length === 0) return { changes, verified };
  const updated = Object.keys(columns).filter((c) => c in changes);
  const assignments = [...updated.map((c) => `${c} = :${c}`), 'version = version + 1', 'updated_at = now()', 'updated_by = :actor'];
  if (verified.length > 0) assignments.push('verified_fields = CAST(:verifiedFields AS text[])');
  await execute(
    sequelize,
    `UPDATE registrants SET ${assignments.join(', ')} WHERE id = :id`,
    { ...columns, id: current.id, actor: actor.username, verifiedFields: [...current.verified_fields, ...verified].sort() },
    transaction,
  );
  if (Object.keys(changes).length > 0) {
    await execute(
      sequelize,
      `INSERT INTO registrant_changes (registrant_id, changed_by_subject, changed_by_username, changes)
       VALUES (:id, :subject, :username, CAST(:changes AS jsonb))`,
      { id: current.id, subject: actor.subject, username: actor.username, changes: JSON.stringify(changes) },
      transaction,
    );
  }
  return { changes, verified };
}
