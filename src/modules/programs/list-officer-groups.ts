import type { Transaction } from '../../platform/db/sql.js';
import { selectRows } from '../../platform/db/sql.js';
import { toOfficerGroup, type OfficerGroup, type OfficerGroupRow } from './models.js';
import type { ProgramStore } from './program-store.js';

/** Groups with their members' names as last checked, members in the order stored. */
const GROUPS_WITH_MEMBERS = `SELECT g.code, g.name, g.version,
    COALESCE(json_agg(json_build_object('subject', m.subject, 'username', o.username, 'display_name', o.display_name) ORDER BY m.position)
      FILTER (WHERE m.subject IS NOT NULL), '[]') AS members
  FROM officer_groups g
  LEFT JOIN LATERAL unnest(g.members) WITH ORDINALITY AS m(subject, position) ON TRUE
  LEFT JOIN officers o ON o.subject = m.subject`;

/** Every officer group, by name. */
export async function listOfficerGroups(store: ProgramStore): Promise<OfficerGroup[]> {
  const rows = await selectRows<OfficerGroupRow>(store.sequelize, `${GROUPS_WITH_MEMBERS} GROUP BY g.id ORDER BY g.name, g.code`);
  return rows.map(toOfficerGroup);
}

/** One group, or undefined. */
export async function readOfficerGroup(store: ProgramStore, code: string, transaction?: Transaction): Promise<OfficerGroup | undefined> {
  const [row] = await selectRows<OfficerGroupRow>(
    store.sequelize,
    `${GROUPS_WITH_MEMBERS} WHERE g.code = :code GROUP BY g.id`,
    { code },
    transaction,
  );
  return row && toOfficerGroup(row);
}
