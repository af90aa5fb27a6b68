import { randomUUID } from 'node:crypto';
import { execute } from '../../platform/db/sql.js';
import type { OfficerGroup, OfficerGroupInput } from './models.js';
import type { Actor, ProgramStore } from './program-store.js';

/** Creates the group, or replaces its name and members. */
export async function saveOfficerGroup(store: ProgramStore, actor: Actor, code: string, input: OfficerGroupInput): Promise<OfficerGroup> {
  return store.commands.run(actor, async (transaction) => {
    await execute(
      store.sequelize,
      `INSERT INTO officer_groups (id, code, name, members) VALUES (:id, :code, :name, CAST(:members AS text[]))
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, members = EXCLUDED.members, updated_at = now()`,
      { id: randomUUID(), code, name: input.name, members: `{${input.members.map((m) => JSON.stringify(m)).join(',')}}` },
      transaction,
    );
    return {
      result: { code, name: input.name, members: input.members },
      events: [
        { type: 'officer-group.saved', aggregateType: 'officer-group', aggregateId: code, payload: { members: input.members.length } },
      ],
    };
  });
}
