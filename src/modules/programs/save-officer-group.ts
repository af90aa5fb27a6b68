import { randomUUID } from 'node:crypto';
import type { Transaction } from '../../platform/db/sql.js';
import { execute, selectOne } from '../../platform/db/sql.js';
import { ConflictError, NotFoundError } from '../../platform/http/errors.js';
import { readOfficerGroup } from './list-officer-groups.js';
import type { OfficerGroup, OfficerGroupInput } from './models.js';
import { checkPeople, rememberOfficers } from './officers.js';
import type { Actor, ProgramStore } from './program-store.js';

/**
 * Creates a group (no version, or 0) or replaces its name and members (the version read). Every member
 * is checked in the directory first and stored by subject.
 */
export async function saveOfficerGroup(store: ProgramStore, actor: Actor, code: string, input: OfficerGroupInput): Promise<OfficerGroup> {
  const people = await checkPeople(
    store,
    input.members.map((name, index) => ({ name, path: `/body/members/${index}` })),
  );
  // Two names for one person (a user name and their subject) are one member.
  const members = [...new Set(people.map((person) => person.subject))];
  const version = input.version ?? 0;
  return store.commands.run(actor, async (transaction) => {
    await rememberOfficers(store, people, transaction);
    const values = { id: randomUUID(), code, name: input.name, members, version };
    const saved =
      version === 0
        ? await execute(
            store.sequelize,
            `INSERT INTO officer_groups (id, code, name, members) VALUES (:id, :code, :name, CAST(:members AS text[]))
             ON CONFLICT (code) DO NOTHING`,
            values,
            transaction,
          )
        : await execute(
            store.sequelize,
            `UPDATE officer_groups SET name = :name, members = CAST(:members AS text[]), version = version + 1, updated_at = now()
             WHERE code = :code AND version = :version`,
            values,
            transaction,
          );
    if (saved !== 1) await refuseStaleSave(store, code, version, transaction);
    const group = await readOfficerGroup(store, code, transaction);
    if (!group) throw new TypeError(`officer group ${code} vanished inside its own transaction`);
    return {
      result: group,
      events: [
        {
          type: 'officer-group.saved',
          aggregateType: 'officer-group',
          aggregateId: code,
          payload: { members: members.length, version: group.version },
        },
      ],
    };
  });
}

async function refuseStaleSave(store: ProgramStore, code: string, version: number, transaction: Transaction): Promise<never> {
  if (version === 0) {
    throw new ConflictError(
      `A group with the code ${code} already exists; read it and send its version to change it.`,
      'ERR_VERSION_CONFLICT',
    );
  }
  const exists = await selectOne(store.sequelize, 'SELECT 1 AS found FROM officer_groups WHERE code = :code', { code }, transaction);
  if (!exists) throw new NotFoundError(`No officer group ${code}; send no version to create it.`);
  throw new ConflictError('The group was changed by someone else since you read it; reload it and try again.', 'ERR_VERSION_CONFLICT');
}
